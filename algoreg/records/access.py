"""Finding the records a signed-in person may work on. Outsiders get 404, so they cannot tell a record exists."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from algoreg.accounts.access import membership_in
from algoreg.accounts.models import Membership

from .models import Record, RecordDraft


def get_record_for_member(request, public_id: str, approver: bool = False) -> tuple[Record, Membership]:
    """The record and the user's membership of its organisation; 404 for non-members, 403 for a missing role."""
    record = Record.objects.select_related("organisation", "current_version").filter(public_id=public_id).first()
    membership = record and membership_in(request.user, record.organisation)
    if not membership:
        raise Http404
    if approver and not membership.can_approve:
        raise PermissionDenied
    return record, membership


def get_draft(record: Record):
    """The record's draft, or 404 when there is none (for example, just after publishing)."""
    try:
        return record.draft
    except RecordDraft.DoesNotExist:
        raise Http404 from None
