"""Writing the audit log. Every action that changes something goes through `log`."""

from algoreg.client_address import client_address

from .models import AuditEvent


def log(action: str, *, request=None, actor=None, organisation=None, record=None, detail: str = "",
        token=None) -> AuditEvent:
    """`token`: done through the API with this token, which is then named instead of a person."""
    if actor is None and token is None and request is not None and request.user.is_authenticated:
        actor = request.user
    return AuditEvent.objects.create(
        action=action,
        token=token,
        actor=actor if actor and actor.pk else None,
        actor_email=getattr(actor, "email", "") or "",
        organisation=organisation or getattr(record, "organisation", None),
        record=record,
        detail=detail,
        ip_address=(client_address(request) or None) if request is not None else None,
    )
