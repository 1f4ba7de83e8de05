"""A council that imports any of its own exports of a record back gets "No change": no layout loses a field, not
even the ATRS layout, which keeps this register's own fields in extra columns after the standard's."""

import pytest

from algoreg.records.models import Record, RecordDraft
from algoreg.records.publishing import publish
from algoreg.standard.fields import FieldType, sections_for
from algoreg.transfer.importing import Target, dry_run
from tests.factories import complete_data, make_published_record, sample_value
from tests.transfer.helpers import export, import_file

pytestmark = pytest.mark.django_db

LAYOUTS = ["csv", "xlsx", "json", "atrs"]
FIELDS_4_0 = [f for s in sections_for("4.0") for f in s.fields]


def numbered_entries(group, count: int = 3) -> list[dict]:
    """`count` entries of a group, told apart by a number after each text."""
    text = (FieldType.TEXT, FieldType.LONG_TEXT)
    return [{key: f"{value} {n}" if sub.type in text and key != "companies_house_number" else value
             for sub in group.fields for key, value in [(sub.key, sample_value(sub))]
             if sub.applies_to("4.0")} for n in range(1, count + 1)]


def withholding_all_it_may(council) -> Record:
    withheld = {f.key: f"Reason for {f.key}." for f in FIELDS_4_0 if f.withholdable}
    data = {key: value for key, value in complete_data().items() if key not in withheld}
    record = Record.objects.create(organisation=council)
    publish(record, {**data, "withheld": withheld}, "4.0", "First published.")
    return record


RECORDS = {
    "complete": make_published_record,
    "complete-3.0": lambda council: make_published_record(council, "3.0"),
    "complete-2.1": lambda council: make_published_record(council, "2.1"),
    "complete-1.1": lambda council: make_published_record(council, "1.1"),
    "withholding-all-it-may": withholding_all_it_may,
    "three-entries-in-every-list": lambda council: make_published_record(
        council, **{f.key: numbered_entries(f) for f in FIELDS_4_0 if f.is_group}),
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("make_record", RECORDS.values(), ids=RECORDS.keys())
def test_a_record_imported_back_from_its_own_export_is_no_change(layout, make_record, council):
    record = make_record(council)
    plan = dry_run(export(layout, council), Target(organisation=council, filename="export"))
    assert plan.ok, [(r.row.label, [(p.where, p.message) for p in r.problems]) for r in plan.rows] + plan.problems
    assert [(row.action, row.record, row.changes) for row in plan.rows] == [("unchanged", record, [])]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_an_export_imported_into_another_organisation_holds_every_field(layout, council, other_council):
    record = make_published_record(council)
    plan = import_file(export(layout, council), other_council, filename="export")
    assert plan.ok and plan.count("create") == 1
    assert RecordDraft.objects.get(record__organisation=other_council).data == record.current_version.data
