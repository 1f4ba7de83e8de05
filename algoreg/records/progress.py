"""Where a record stands for the council: its state, each section's status and what is still missing."""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from algoreg.accounts.models import Membership
from algoreg.standard.fields import Section, sections_for
from algoreg.standard.validation import WITHHELD, is_empty

from . import workflow
from .models import Record, RecordDraft


@dataclass
class SectionStatus:
    section: Section
    status: str  # "Completed", "In progress" or "Not started"
    missing: list[tuple[str, str]] = field(default_factory=list)  # (message, input id)


@dataclass
class Progress:
    record: Record
    draft: RecordDraft | None
    state: str
    tag_class: str
    next_step: str
    sections: list[SectionStatus]
    missing_count: int
    can_approve: bool
    publish_blocker: str | None
    due_for_review: bool


def record_progress(record: Record, membership: Membership) -> Progress:
    draft = getattr(record, "draft", None) if _has_draft(record) else None
    sections = section_statuses(draft) if draft else []
    missing_count = sum(len(s.missing) for s in sections)
    state, tag, step = describe(record, draft, membership, missing_count)
    blocker = workflow.publish_blocker(draft, membership.user) if draft else None
    return Progress(record, draft, state, tag, step, sections, missing_count, membership.can_approve, blocker,
                    due_for_review(record))


def _has_draft(record: Record) -> bool:
    try:
        return record.draft is not None
    except RecordDraft.DoesNotExist:
        return False


def section_statuses(draft: RecordDraft) -> list[SectionStatus]:
    missing = workflow.missing_for_publication(draft)
    result = []
    for section in sections_for(draft.standard_version):
        keys = [f.key for f in section.fields]
        problems = [(message, _input_id(path)) for path, message in missing.items() if path.split(".")[0] in keys]
        if section.key in draft.completed_sections and not problems:
            status = "Completed"
        elif any(not is_empty(draft.data.get(k)) for k in keys) or any(k in (draft.data.get(WITHHELD) or {})
                                                                        for k in keys):
            status = "In progress"
        else:
            status = "Not started"
        result.append(SectionStatus(section, status, problems))
    return result


def _input_id(path: str) -> str:
    """The form input a validation path points at: risks.0.name is the input named risks-0-name."""
    return path.replace(".", "-")


def describe(record: Record, draft: RecordDraft | None, membership: Membership, missing: int) -> tuple[str, str, str]:
    """A short state, its tag colour and the next thing someone needs to do."""
    if record.status == Record.Status.WITHDRAWN:
        return "Withdrawn", "govuk-tag--red", "Nothing: the record has been withdrawn."
    if draft and draft.state == RecordDraft.State.SUBMITTED:
        step = "Review and publish it, or send it back." if membership.can_approve else "Wait for an approver."
        return "Waiting for review", "govuk-tag--blue", step
    if draft and draft.review_comment:
        return "Changes requested", "govuk-tag--orange", "Make the changes the approver asked for and resubmit."
    if draft:
        step = (f"Fill in {missing} more thing{'s' if missing != 1 else ''}, then submit for review." if missing
                else "Submit it for review.")
        state = "Draft" if record.current_version is None else "Published, changes in progress"
        return state, "govuk-tag--grey" if record.current_version is None else "govuk-tag--yellow", step
    if record.status == Record.Status.RETIRED:
        return "Retired", "govuk-tag--grey", "Nothing: the tool is no longer used."
    if due_for_review(record):
        return "Review due", "govuk-tag--orange", "Check the record is still right, and update it."
    return "Published", "govuk-tag--green", "Nothing for now."


def due_for_review(record: Record) -> bool:
    review = record.current_version.data.get("next_review_date") if record.current_version else None
    try:
        return bool(review) and date.fromisoformat(review) <= timezone.localdate()
    except (TypeError, ValueError):
        return False
