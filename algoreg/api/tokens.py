"""API tokens: made and revoked by organisation admins, stored as a SHA-256 hash with a short visible prefix.

A token looks like `algoreg_k7m2p9xq_<43 random characters>`. The prefix finds the stored token; the hash of the
whole token must then match. The secret has 256 bits of randomness, so a fast hash is enough (it cannot be guessed
by trying passwords). The token is shown once, when it is made; after that nobody can see it again.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from ninja.security import HttpBearer

from algoreg.audit.log import log
from algoreg.audit.models import AuditEvent
from algoreg.records.models import PUBLIC_ID_ALPHABET

from .models import ApiToken

START = "algoreg"
PREFIX_LENGTH = 8
# How often last_used_at is written: often enough to be useful, not a database write on every request.
USE_RECORDED_EVERY = timedelta(minutes=1)


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _new_prefix() -> str:
    while True:
        prefix = "".join(secrets.choice(PUBLIC_ID_ALPHABET) for _ in range(PREFIX_LENGTH))
        if not ApiToken.objects.filter(prefix=prefix).exists():
            return prefix


def scope_text(token: ApiToken) -> str:
    return ", ".join(label.lower() for label in token.scope_labels) or "no access"


@transaction.atomic
def create_token(organisation, user, name: str, *, read_drafts: bool, write_drafts: bool, submit_drafts: bool,
                 request=None) -> tuple[ApiToken, str]:
    """A new token and its secret text, which is never stored and must be shown to the person once."""
    prefix = _new_prefix()
    raw = f"{START}_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        organisation=organisation, name=name, prefix=prefix, token_hash=token_hash(raw), created_by=user,
        read_drafts=read_drafts, write_drafts=write_drafts, submit_drafts=submit_drafts,
    )
    log(AuditEvent.Action.TOKEN_CREATED, request=request, actor=user, organisation=organisation,
        detail=f"Token “{name}” ({START}_{prefix}…), allowed to: {scope_text(token)}.")
    return token, raw


@transaction.atomic
def revoke_token(token: ApiToken, user, request=None) -> bool:
    """Stop the token working. False if it had already been revoked."""
    revoked = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=user)
    if revoked:
        token.refresh_from_db()
        log(AuditEvent.Action.TOKEN_REVOKED, request=request, actor=user, organisation=token.organisation,
            detail=f"Token “{token.name}” ({START}_{token.prefix}…).")
    return bool(revoked)


def creator_may_act(token: ApiToken) -> bool:
    """A token works only while the person who made it could still work on the organisation's drafts."""
    user = token.created_by
    if user is None or not user.is_active:
        return False
    return user.is_staff or user.memberships.filter(organisation_id=token.organisation_id).exists()


def find_token(raw: str) -> ApiToken | None:
    """The active token this text is, or None."""
    start, _, rest = raw.strip().partition("_")
    prefix, _, secret = rest.partition("_")
    if start != START or len(prefix) != PREFIX_LENGTH or not secret:
        return None
    token = ApiToken.objects.select_related("organisation", "created_by").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.token_hash, token_hash(raw.strip())):
        return None
    if not token.is_active or not creator_may_act(token):
        return None
    return token


def record_use(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= USE_RECORDED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


class TokenAuth(HttpBearer):
    """Authorization: Bearer <token>."""

    def authenticate(self, request, token: str) -> ApiToken | None:
        found = find_token(token)
        if found is not None:
            record_use(found)
        return found
