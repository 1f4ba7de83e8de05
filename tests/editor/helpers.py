"""Small helpers for driving the editor through the test client."""

from algoreg.records.models import Record, RecordDraft
from algoreg.records.workflow import create_record
from tests.factories import complete_data


def new_draft(organisation, user, **data) -> Record:
    record = create_record(organisation, user, data.pop("name", "Repairs triage"))
    if data:
        RecordDraft.objects.filter(record=record).update(data={**record.draft.data, **data})
    record.refresh_from_db()
    return record


def complete_draft(organisation, user, **overrides) -> Record:
    record = create_record(organisation, user, "Repairs triage")
    RecordDraft.objects.filter(record=record).update(data=complete_data(name="Repairs triage", **overrides))
    record.refresh_from_db()
    return record


def section_post(draft: RecordDraft, **fields) -> dict:
    return {"revision": draft.revision, "action": "save", **fields}
