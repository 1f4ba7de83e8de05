"""Register admins (staff users) list and add organisations and invite their first admins. Others get 404."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from algoreg.audit.log import log
from algoreg.audit.models import AuditEvent
from algoreg.organisations.models import Organisation

from . import invitations
from .access import require_register_admin
from .forms import OrganisationForm
from .models import Membership
from .views import page

PER_PAGE = 50


@require_GET
@require_register_admin
def organisations(request):
    # PostgreSQL cannot compare text with NUL characters in it, and no name has them.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:200]
    found = Paginator(_matching(query), PER_PAGE).get_page(request.GET.get("page"))
    return page(request, "accounts/register_organisations.html",
                {"page": found, "query": query, "params": request.GET, "section": "manage"})


def _matching(query: str):
    organisations = Organisation.objects.annotate(
        member_count=Count("memberships", distinct=True),
        admin_count=Count("memberships", filter=Q(memberships__role=Membership.Role.ADMIN), distinct=True),
    ).order_by("name")
    if query:
        organisations = organisations.filter(Q(name__icontains=query) | Q(slug__icontains=query))
    return organisations


@require_http_methods(["GET", "POST"])
@require_register_admin
def add_organisation(request):
    form = OrganisationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        admin_email = form.cleaned_data["first_admin_email"]
        try:
            with transaction.atomic():
                organisation = form.save()
                log(AuditEvent.Action.ORGANISATION_CREATED, request=request, organisation=organisation,
                    detail=f"Added {organisation.name}.")
                if admin_email:
                    invitations.invite(request, organisation, admin_email, Membership.Role.ADMIN)
        except invitations.EmailNotSent:
            form.add_error("first_admin_email", "The invitation email could not be sent, so the organisation was "
                                                "not added. Try again later")
        else:
            done = f"{organisation.name} has been added."
            if admin_email:
                done += f" We have sent an invitation to {admin_email} to be its admin."
            messages.success(request, done)
            return redirect(reverse("manage:members", args=[organisation.slug]))
    return page(request, "accounts/add_organisation.html", {"form": form, "section": "manage"})
