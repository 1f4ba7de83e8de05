"""Organisation admins manage their members: list, invite, change a role, remove. Outsiders get 404."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from algoreg.audit.log import log
from algoreg.audit.models import AuditEvent

from . import invitations
from .access import get_organisation_for_member, require_verified
from .forms import ROLE_HINTS, InviteForm, RoleForm
from .models import Invitation, Membership
from .views import page

ADMIN = Membership.Role.ADMIN


class LastAdmin(Exception):
    """The change would leave the organisation without an admin."""


def role_items(selected: str | None):
    return [{"value": value, "text": label, "hint": {"text": ROLE_HINTS[value]}, "checked": value == selected}
            for value, label in Membership.Role.choices]


def _members_url(organisation) -> str:
    return reverse("manage:members", args=[organisation.slug])


def _after_change(request, organisation):
    """Back to the members page, or to the dashboard if the person is no longer allowed to see it."""
    try:
        get_organisation_for_member(request, organisation.slug, role=ADMIN)
    except Http404:
        return redirect("editor:dashboard")
    return redirect(_members_url(organisation))


def _lock_member(organisation, member_id: int):
    """The membership, locked with the organisation's admins so two admins cannot both step down at once."""
    list(Membership.objects.select_for_update().filter(organisation=organisation, role=ADMIN))
    return get_object_or_404(Membership.objects.select_for_update().select_related("user"),
                             pk=member_id, organisation=organisation)


def _check_not_last_admin(membership):
    if membership.role == ADMIN and not Membership.objects.filter(
            organisation=membership.organisation, role=ADMIN).exclude(pk=membership.pk).exists():
        raise LastAdmin


@require_GET
@require_verified
def members(request, slug: str):
    organisation, membership = get_organisation_for_member(request, slug, role=ADMIN)
    context = {
        "organisation": organisation,
        "members": organisation.memberships.select_related("user").order_by("user__full_name", "user__email"),
        "invitations": organisation.invitations.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())
        .select_related("invited_by"),
        "admin_count": organisation.memberships.filter(role=ADMIN).aggregate(n=Count("pk"))["n"],
        "me": request.user,
        "section": "manage",
    }
    return page(request, "accounts/members.html", context)


@require_http_methods(["GET", "POST"])
@require_verified
def invite(request, slug: str):
    organisation, membership = get_organisation_for_member(request, slug, role=ADMIN)
    form = InviteForm(organisation, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email, role = form.cleaned_data["email"], form.cleaned_data["role"]
        try:
            invitations.invite(request, organisation, email, role)
        except invitations.EmailNotSent:
            form.add_error("email", "The invitation email could not be sent. Try again later")
        else:
            messages.success(request, f"We have sent an invitation to {email}. The link in it works for "
                                      f"{Invitation.DAYS_VALID} days.")
            return redirect(_members_url(organisation))
    context = {"organisation": organisation, "form": form, "role_items": role_items(form["role"].value()),
               "section": "manage"}
    return page(request, "accounts/invite.html", context)


@require_http_methods(["GET", "POST"])
@require_verified
def change_role(request, slug: str, member_id: int):
    organisation, _ = get_organisation_for_member(request, slug, role=ADMIN)
    member = get_object_or_404(Membership.objects.select_related("user"), pk=member_id, organisation=organisation)
    form = RoleForm(request.POST if request.method == "POST" else None, initial={"role": member.role})
    if request.method == "POST" and form.is_valid():
        new_role = form.cleaned_data["role"]
        try:
            with transaction.atomic():
                member = _lock_member(organisation, member_id)
                old_label = member.get_role_display().lower()
                if new_role != member.role:
                    if new_role != ADMIN:
                        _check_not_last_admin(member)
                    member.role = new_role
                    member.save(update_fields=["role"])
                    log(AuditEvent.Action.ROLE_CHANGED, request=request, organisation=organisation,
                        detail=f"Changed {member.user.email} from {old_label} to "
                               f"{member.get_role_display().lower()}.")
        except LastAdmin:
            form.add_error("role", f"{member.user} is the only admin, so their role cannot change. "
                                   "Make someone else an admin first")
        else:
            messages.success(request, f"{member.user} is now {member.get_role_display().lower()}.")
            return _after_change(request, organisation)
    context = {"organisation": organisation, "member": member, "form": form,
               "role_items": role_items(form["role"].value()), "section": "manage"}
    return page(request, "accounts/change_role.html", context)


@require_http_methods(["GET", "POST"])
@require_verified
def remove(request, slug: str, member_id: int):
    organisation, _ = get_organisation_for_member(request, slug, role=ADMIN)
    member = get_object_or_404(Membership.objects.select_related("user"), pk=member_id, organisation=organisation)
    error = ""
    if request.method == "POST":
        try:
            with transaction.atomic():
                member = _lock_member(organisation, member_id)
                _check_not_last_admin(member)
                member.delete()
                log(AuditEvent.Action.MEMBER_REMOVED, request=request, organisation=organisation,
                    detail=f"Removed {member.user.email} ({member.get_role_display().lower()}).")
        except LastAdmin:
            error = (f"{member.user} is the only admin, so they cannot be removed. "
                     "Make someone else an admin first")
        else:
            messages.success(request, f"{member.user} is no longer a member of {organisation}.")
            return _after_change(request, organisation)
    context = {"organisation": organisation, "member": member, "error": error, "section": "manage",
               "is_last_admin": member.role == ADMIN and organisation.memberships.filter(role=ADMIN).count() == 1}
    return page(request, "accounts/remove_member.html", context, status=200)
