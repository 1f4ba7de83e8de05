"""The life of a record: draft, submitted for review, published, retired or withdrawn.

Views call these functions; each one checks the rule it enforces, writes the audit log and sends the emails, so the
rules hold however the action is reached.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from algoreg.audit.log import log
from algoreg.audit.models import AuditEvent
from algoreg.search.indexing import index_records
from algoreg.standard.fields import SECTIONS_BY_KEY
from algoreg.standard.validation import WITHHELD, validate
from algoreg.standard.vocabularies import CURRENT_STANDARD_VERSION

from . import notifications
from .models import Record, RecordDraft, RecordVersion
from .publishing import publish
from .token_changes import token_blocker

Action = AuditEvent.Action
# Fields that describe the council that wrote a record, left out when another council copies it.
OWN_DETAILS = ("contact_email", "organisation_or_department", "team", "senior_responsible_owner", "website_url")


class WorkflowError(Exception):
    """An action that the record's state or the person's role does not allow; the message says why."""


class AlreadyPublished(Exception):
    """The draft was published before this action reached it: by an earlier click of the same button, or by
    another approver. Only publishing removes a draft, so a draft that has gone has been published."""

    def __init__(self, record: Record):
        super().__init__(f"{record} has already been published")
        self.record = record


# Each action below re-reads what it changes inside its transaction, locked (SQLite's BEGIN IMMEDIATE serialises
# writers anyway), and checks the state again: a double click or a second person may have acted since the page read
# it. The later request then finds the action done and says so, rather than repeating it or failing.

def _locked_draft(draft: RecordDraft) -> RecordDraft:
    current = RecordDraft.objects.select_for_update().filter(pk=draft.pk).first()
    if current is None:
        raise AlreadyPublished(draft.record)
    return current


def _locked_record(record: Record) -> Record:
    return Record.objects.select_for_update().get(pk=record.pk)


@transaction.atomic
def create_record(organisation, user, name: str, request=None, based_on: RecordVersion | None = None) -> Record:
    data = {}
    if based_on is not None:
        data = {k: v for k, v in based_on.data.items() if k not in OWN_DETAILS and k != WITHHELD}
    # The record belongs to one organisation, so its required "Organisation" answer starts as that name.
    data.update(name=name, organisation_or_department=organisation.name)
    record = Record.objects.create(organisation=organisation, name=name, based_on=based_on)
    RecordDraft.objects.create(record=record, data=data, last_edited_by=user,
                               standard_version=CURRENT_STANDARD_VERSION)
    detail = f"Based on {based_on.record.name} ({based_on.record.organisation.name})" if based_on else ""
    log(Action.RECORD_CREATED, request=request, actor=user, record=record, detail=detail)
    return record


@transaction.atomic
def start_new_draft(record: Record, user, request=None) -> RecordDraft:
    """A draft to change a published record; the published version stays live until the new one is published."""
    _locked_record(record)
    if existing := RecordDraft.objects.filter(record=record).first():
        return existing
    version = record.current_version
    draft = RecordDraft.objects.create(record=record, data=dict(version.data), last_edited_by=user,
                                       standard_version=version.standard_version or CURRENT_STANDARD_VERSION,
                                       completed_sections=[s for s in SECTIONS_BY_KEY])
    log(Action.DRAFT_SAVED, request=request, actor=user, record=record, detail="Started a new draft")
    return draft


def save_section(draft: RecordDraft, section_key: str, updates: dict, withheld: dict, completed: bool | None,
                 expected_revision: int, user, request=None) -> bool:
    """Merge one section's values into the draft; False (nothing saved) if someone saved since the editor read it."""
    section_keys = {f.key for f in SECTIONS_BY_KEY[section_key].fields}
    data = {k: v for k, v in draft.data.items() if k not in section_keys and k != WITHHELD}
    data.update({k: v for k, v in updates.items() if v is not None})
    kept = {k: v for k, v in (draft.data.get(WITHHELD) or {}).items() if k not in section_keys}
    if kept or withheld:
        data[WITHHELD] = {**kept, **withheld}
    done = [s for s in draft.completed_sections if s != section_key] + ([section_key] if completed else [])
    # One conditional UPDATE: it only happens if the revision is still the one the editor started from.
    saved = RecordDraft.objects.filter(pk=draft.pk, revision=expected_revision).update(
        data=data, completed_sections=done, revision=F("revision") + 1, last_edited_by=user,
        last_edited_through=None, state=RecordDraft.State.IN_PROGRESS, updated_at=timezone.now(),
    )
    if saved:
        log(Action.DRAFT_SAVED, request=request, actor=user, record=draft.record,
            detail=f"Section: {SECTIONS_BY_KEY[section_key].title}")
    return bool(saved)


def missing_for_publication(draft: RecordDraft) -> dict[str, str]:
    return validate(draft.data, draft.standard_version, for_publication=True)


@transaction.atomic
def submit(draft: RecordDraft, user, request=None) -> None:
    draft = _locked_draft(draft)
    if missing_for_publication(draft):
        raise WorkflowError("Fill in everything the record still needs before you submit it for review.")
    if draft.state == RecordDraft.State.SUBMITTED:
        raise WorkflowError("This draft is already waiting for review.")
    draft.state = RecordDraft.State.SUBMITTED
    draft.submitted_by, draft.submitted_at = user, timezone.now()
    draft.save(update_fields=["state", "submitted_by", "submitted_at", "updated_at"])
    log(Action.SUBMITTED, request=request, actor=user, record=draft.record)
    notifications.submitted(draft, approvers(draft.record.organisation))


@transaction.atomic
def send_back(draft: RecordDraft, user, comment: str, request=None) -> None:
    draft = _locked_draft(draft)
    if draft.state != RecordDraft.State.SUBMITTED:
        raise WorkflowError("Only a draft waiting for review can be sent back.")
    draft.state = RecordDraft.State.IN_PROGRESS
    draft.review_comment, draft.reviewed_by = comment, user
    draft.save(update_fields=["state", "review_comment", "reviewed_by", "updated_at"])
    log(Action.SENT_BACK, request=request, actor=user, record=draft.record, detail=comment)
    notifications.sent_back(draft, comment)


def publish_blocker(draft: RecordDraft, user) -> str | None:
    """Why this person may not publish this draft now, or None if they may."""
    if draft.state != RecordDraft.State.SUBMITTED:
        return "The draft must be submitted for review before it can be published."
    if (blocker := token_blocker(draft, user)) and not may_approve_own_edit(draft.record.organisation):
        return blocker
    if draft.last_edited_by_id == user.pk and not may_approve_own_edit(draft.record.organisation):
        return ("You made the last change to this draft, so another approver must check and publish it. "
                "This is so two people see every record before it is public.")
    return None


def may_approve_own_edit(organisation) -> bool:
    return settings.ALLOW_SOLE_MEMBER_SELF_APPROVAL and organisation.memberships.count() == 1


@transaction.atomic
def publish_draft(draft: RecordDraft, user, change_note: str, request=None) -> RecordVersion:
    draft = _locked_draft(draft)
    if blocker := publish_blocker(draft, user):
        raise WorkflowError(blocker)
    if missing_for_publication(draft):
        raise WorkflowError("The draft is missing information it needs before it can be published.")
    record = draft.record
    version = publish(record, draft.data, draft.standard_version, change_note)
    RecordVersion.objects.filter(pk=version.pk).update(published_by=user)
    draft.delete()
    log(Action.PUBLISHED, request=request, actor=user, record=record, detail=f"Version {version.number}: {change_note}")
    notifications.published(record, version, members(record.organisation))
    return version


@transaction.atomic
def retire(record: Record, user, reason: str, request=None) -> None:
    record = _locked_record(record)
    if record.status == Record.Status.RETIRED:
        raise WorkflowError("This record has already been retired.")
    if record.status != Record.Status.PUBLISHED:
        raise WorkflowError("Only a published record can be retired.")
    record.status, record.retired_at, record.retired_reason = Record.Status.RETIRED, timezone.now(), reason
    record.save(update_fields=["status", "retired_at", "retired_reason"])
    index_records([record])
    log(Action.RETIRED, request=request, actor=user, record=record, detail=reason)


@transaction.atomic
def withdraw(record: Record, user, reason: str, request=None) -> None:
    record = _locked_record(record)
    if record.status == Record.Status.WITHDRAWN:
        raise WorkflowError("This record has already been withdrawn.")
    if not record.is_listed:
        raise WorkflowError("Only a published or retired record can be withdrawn.")
    record.status, record.withdrawn_at, record.withdrawn_reason = Record.Status.WITHDRAWN, timezone.now(), reason
    record.save(update_fields=["status", "withdrawn_at", "withdrawn_reason"])
    index_records([record])
    log(Action.WITHDRAWN, request=request, actor=user, record=record, detail=reason)


def approvers(organisation):
    return [m.user for m in organisation.memberships.select_related("user") if m.can_approve and m.user.is_active]


def members(organisation):
    return [m.user for m in organisation.memberships.select_related("user") if m.user.is_active]

