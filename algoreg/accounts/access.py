"""Who may see what. Every non-public view goes through these helpers, so outsiders always get 404, never 403.

Roles rank editor < approver < admin: each role can do everything the roles before it can. Register admins (staff
users) count as holding every role in every organisation.
"""

import functools
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django_otp import user_has_device

from algoreg.organisations.models import Organisation

from .models import Membership

Role = Membership.Role
RANK = {Role.EDITOR: 1, Role.APPROVER: 2, Role.ADMIN: 3}


def memberships_for(user):
    """The user's memberships, with their organisations, in organisation name order."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name")


def membership_in(user, organisation) -> Membership | None:
    """The user's membership of `organisation`, or None."""
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, organisation=organisation).first()


def has_role(membership: Membership | None, role: str | None) -> bool:
    """Whether the membership holds `role` or a higher one (any membership will do when role is None)."""
    return membership is not None and (role is None or RANK[membership.role] >= RANK[role])


def get_organisation_for_member(request, slug: str, role: str | None = None):
    """(organisation, membership) for a member holding at least `role`; Http404 for anyone else (staff may see all)."""
    organisation = get_object_or_404(Organisation, slug=slug)
    membership = membership_in(request.user, organisation)
    if has_role(membership, role) or (request.user.is_authenticated and request.user.is_staff):
        return organisation, membership
    raise Http404("No such organisation")


def must_use_two_factor(user) -> bool:
    """Whether REQUIRE_TWO_FACTOR_FOR_APPROVERS applies to this user (approvers, admins and register admins)."""
    if not settings.REQUIRE_TWO_FACTOR_FOR_APPROVERS or not user.is_authenticated:
        return False
    return user.is_staff or Membership.objects.filter(user=user, role__in=[Role.APPROVER, Role.ADMIN]).exists()


def needs_code(user) -> bool:
    """Whether the user has two-factor sign-in but has not entered a code in this session."""
    verified = getattr(user, "is_verified", None)  # installed by django_otp's OTPMiddleware
    return user.is_authenticated and not (verified and verified()) and user_has_device(user)


def _with_next(name: str, request) -> str:
    return f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}"


def require_verified(view):
    """Decorate a view that needs a fully signed-in user. Use it instead of login_required on every manage view.

    - Someone not signed in is sent to the sign-in page, and back here afterwards.
    - Someone who has two-factor sign-in but has not entered a code in this session (they turned it on in another
      browser) is asked for a code first.
    - When REQUIRE_TWO_FACTOR_FOR_APPROVERS is on, an approver, organisation admin or register admin without
      two-factor sign-in is sent to set it up first.

    It checks who the user is, not which organisation they may see: follow it with get_organisation_for_member.

        @require_verified
        def dashboard(request, slug):
            organisation, membership = get_organisation_for_member(request, slug, role="approver")
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if needs_code(request.user):
            return redirect(_with_next("accounts:sign_in_code", request))
        if must_use_two_factor(request.user) and not user_has_device(request.user):
            return redirect(_with_next("accounts:two_factor_set_up", request))
        return view(request, *args, **kwargs)

    return wrapped


def require_signed_in(view):
    """Like require_verified, but never sends anyone to set up two-factor sign-in: for the account pages themselves."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if needs_code(request.user):
            return redirect(_with_next("accounts:sign_in_code", request))
        return view(request, *args, **kwargs)

    return wrapped


def require_register_admin(view):
    """A register admin's view: signed in and verified as require_verified, and 404 for everyone else."""

    @require_verified
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_staff:
            raise Http404("Not found")
        return view(request, *args, **kwargs)

    return wrapped
