"""Rows are matched to records by the identifier the file gives them, so importing the same file again changes
nothing, and a changed file updates the same records instead of adding copies."""

import json

import pytest

from algoreg.audit.models import AuditEvent
from algoreg.records.models import Record, RecordDraft
from algoreg.transfer.mapping import load_mapping
from tests.factories import make_published_record
from tests.transfer.helpers import export, import_file

pytestmark = pytest.mark.django_db


def state():
    drafts = RecordDraft.objects.order_by("pk").values_list("pk", "data", "revision")
    return Record.objects.count(), list(drafts), AuditEvent.objects.count()


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx", "atrs"])
def test_a_second_import_of_the_same_export_changes_nothing(council, other_council, editor, fmt):
    make_published_record(council, name="Repairs triage", risks=[{"category": "data", "name": "Old data"}])
    make_published_record(council, name="Parking checks")
    raw = export(fmt, council)
    first = import_file(raw, other_council, user=editor)
    assert first.count("create") == 2
    before = state()
    again = import_file(raw, other_council, user=editor)
    assert again.count("unchanged") == 2 and again.count("create") == again.count("update") == 0
    assert state() == before


def test_importing_an_export_into_the_organisation_it_came_from_matches_its_own_records(council, editor, record):
    plan = import_file(export("csv", council), council, user=editor)
    assert [(row.action, row.record) for row in plan.rows] == [("unchanged", record)]
    assert not RecordDraft.objects.exists()


def test_a_changed_row_updates_the_same_record(council, editor):
    mapping = load_mapping(json.dumps({"source_id": {"columns": ["Ref"]},
                                       "fields": {"name": {"column": "Tool"}, "benefits": {"column": "Gain"}}}))
    import_file(b"Ref,Tool,Gain\nA1,Repairs triage,Faster\nA2,Parking,Fairer\n", council, user=editor,
                mapping=mapping)
    plan = import_file(b"Ref,Tool,Gain\nA1,Repairs triage,Much faster\nA2,Parking,Fairer\n", council,
                       user=editor, mapping=mapping)
    assert [row.action for row in plan.rows] == ["update", "unchanged"]
    assert [(c.key, c.what) for c in plan.rows[0].changes] == [("benefits", "changed")]
    draft = RecordDraft.objects.get(record__source_id="A1")
    assert draft.data["benefits"] == "Much faster" and draft.revision == 2
    assert Record.objects.count() == 2


def test_a_partial_file_leaves_the_fields_it_does_not_have_alone(council, editor):
    import_file(b"name,benefits,team\nRepairs triage,Faster,Housing\n", council, user=editor)
    import_file(b"name,benefits\nRepairs triage,Much faster\n", council, user=editor)
    assert RecordDraft.objects.get().data == {"name": "Repairs triage", "benefits": "Much faster", "team": "Housing"}


def test_the_same_identifier_twice_in_one_file_is_a_problem(council, editor):
    plan = import_file(b"id,name\nA1,One\nA1,Two\n", council, user=editor)
    assert plan.rows[1].problems[0].message.startswith("Row 2 has the same identifier (“A1”)")
    assert not Record.objects.exists()
