"""Inviting people to an organisation by email, and accepting an invitation."""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from algoreg.audit.log import log
from algoreg.audit.models import AuditEvent

from .models import Invitation, Membership

logger = logging.getLogger(__name__)


class EmailNotSent(Exception):
    """The invitation email could not be sent, so no invitation was kept."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite(request, organisation, email: str, role: str) -> Invitation:
    """Invite `email` to `organisation` with `role`, replacing any earlier unused invitation, and email the link."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        Invitation.objects.filter(organisation=organisation, email=email, accepted_at__isnull=True).delete()
        invitation = Invitation.objects.create(
            email=email, organisation=organisation, role=role, token_hash=token_hash(token),
            invited_by=request.user, expires_at=timezone.now() + timedelta(days=Invitation.DAYS_VALID))
        link = settings.SITE_URL.rstrip("/") + reverse("accounts:invitation", args=[token])
        context = {"invitation": invitation, "link": link, "inviter": request.user, "site_name": settings.SITE_NAME}
        try:
            send_mail(render_to_string("accounts/emails/invitation_subject.txt", context).strip(),
                      render_to_string("accounts/emails/invitation.txt", context),
                      None, [email])
        except Exception as error:  # any failure of the mail server: keep nothing, tell the person
            logger.warning("Could not send an invitation email: %s", error)
            transaction.set_rollback(True)
            raise EmailNotSent from error
        log(AuditEvent.Action.MEMBER_INVITED, request=request, organisation=organisation,
            detail=f"Invited {email} as {invitation.get_role_display().lower()}.")
    return invitation


def find(token: str) -> Invitation | None:
    """The unused, unexpired invitation with this token, or None."""
    if not token or len(token) > 100:
        return None
    return (Invitation.objects.select_related("organisation", "invited_by")
            .filter(token_hash=token_hash(token), accepted_at__isnull=True, expires_at__gt=timezone.now())
            .first())


def accept(request, invitation: Invitation, user) -> Membership:
    """Make `user` a member as the invitation says. A member already keeps their role."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        membership, created = Membership.objects.get_or_create(
            user=user, organisation=invitation.organisation, defaults={"role": invitation.role})
        if invitation.accepted_at is None:
            invitation.accepted_at = timezone.now()
            invitation.save(update_fields=["accepted_at"])
            detail = (f"Joined as {membership.get_role_display().lower()}." if created
                      else f"Accepted an invitation but was already a member ({membership.get_role_display()}).")
            log(AuditEvent.Action.MEMBER_JOINED, request=request, actor=user, organisation=invitation.organisation,
                detail=detail)
    return membership
