"""Sign-ins, failed sign-ins and sign-outs go to the audit log (OWASP ASVS 5.0 V16), whichever view caused them."""

import time

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from algoreg.audit.log import log
from algoreg.audit.models import AuditEvent

from .middleware import SIGNED_IN_AT

# Set on the request by the second sign-in step, so the log can say a code was used.
WITH_CODE = "accounts_signed_in_with_code"


def _organisations(user):
    """Each organisation whose admins should see this person's sign-ins; [None] when they belong to none."""
    return [m.organisation for m in user.memberships.select_related("organisation")] or [None]


@receiver(user_logged_in, dispatch_uid="accounts.audit_sign_in")
def audit_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = int(time.time())
    used = getattr(request, WITH_CODE, None)
    detail = f"With {used}." if used else ""
    for organisation in _organisations(user):
        log(AuditEvent.Action.SIGNED_IN, request=request, actor=user, organisation=organisation, detail=detail)


@receiver(user_logged_out, dispatch_uid="accounts.audit_sign_out")
def audit_sign_out(sender, request, user, **kwargs):
    if user is None:
        return
    for organisation in _organisations(user):
        log(AuditEvent.Action.SIGNED_OUT, request=request, actor=user, organisation=organisation)


@receiver(user_login_failed, dispatch_uid="accounts.audit_sign_in_failed")
def audit_sign_in_failed(sender, credentials, request=None, **kwargs):
    # Only the email address typed is kept (Django has already masked the password), and only if it looks like one:
    # people sometimes type their password into the email address field.
    typed = str(credentials.get("username") or "").strip()[:254]
    email = typed if "@" in typed and " " not in typed else "something that is not an email address"
    if getattr(request, "axes_locked_out", False):
        detail = f"Tried to sign in as {email} while sign-ins were locked after too many wrong passwords."
    else:
        detail = f"Wrong email address or password for {email}."
    log(AuditEvent.Action.SIGN_IN_FAILED, request=request, actor=None, organisation=None, detail=detail)
