"""A council's import makes drafts for its approvers: nothing is published until an approver says so."""

import pytest

from algoreg.audit.models import AuditEvent
from algoreg.records import workflow
from algoreg.records.models import Record, RecordDraft
from tests.editor.helpers import complete_draft
from tests.factories import complete_data, make_published_record
from tests.transfer.helpers import export, import_file

pytestmark = pytest.mark.django_db


def test_new_rows_become_drafts_of_the_importing_council(council, other_council, editor, approver):
    make_published_record(other_council, name="Their triage tool")
    plan = import_file(export("csv", other_council), council, user=editor, filename="theirs.csv")
    assert plan.ok
    record = Record.objects.get(organisation=council)
    assert record.status == Record.Status.DRAFT and record.current_version is None
    assert record.draft.data == complete_data(name="Their triage tool")
    assert record.draft.last_edited_by == editor
    assert record.source_id == Record.objects.get(organisation=other_council).public_id
    assert AuditEvent.objects.filter(record=record, detail="Imported from theirs.csv, row 2").exists()


def test_an_approver_can_publish_an_imported_draft(council, other_council, editor, approver):
    make_published_record(other_council, name="Their triage tool")
    import_file(export("csv", other_council), council, user=editor)
    draft = RecordDraft.objects.get(record__organisation=council)
    workflow.submit(draft, editor)
    workflow.publish_draft(draft, approver, "First published.")
    assert Record.objects.get(organisation=council).status == Record.Status.PUBLISHED


def test_a_change_to_a_published_record_becomes_a_new_draft_and_the_public_version_stays(council, editor, record):
    raw = export("csv", council).replace(b"Housing repairs triage", b"Housing repairs triage (new)")
    plan = import_file(raw, council, user=editor)
    assert [row.action for row in plan.rows] == ["update"]
    record.refresh_from_db()
    assert record.name == "Housing repairs triage" and record.current_version.number == 1
    assert record.draft.data["name"] == "Housing repairs triage (new)"


def test_a_draft_waiting_for_review_goes_back_to_in_progress_when_the_import_changes_it(council, editor):
    record = complete_draft(council, editor)
    workflow.submit(record.draft, editor)
    Record.objects.filter(pk=record.pk).update(source_id="T1")
    import_file(b"id,name\nT1,Renamed by the import\n", council, user=editor)
    draft = RecordDraft.objects.get(record=record)
    assert draft.state == RecordDraft.State.IN_PROGRESS and draft.data["name"] == "Renamed by the import"


def test_the_report_says_how_much_each_draft_still_needs(council, editor):
    plan = import_file(b"name\nBare tool\n", council, user=editor)
    assert len(plan.rows[0].still_needed) > 10
