"""A file with wrong columns, a bad date, an unknown phase, a formula and a truncated row: the dry run names each
problem and its row, and importing it writes nothing at all."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from algoreg.audit.models import AuditEvent
from algoreg.records.models import Record, RecordDraft
from algoreg.transfer.importing import NotApplicable, Target, apply, dry_run

pytestmark = pytest.mark.django_db

BROKEN = (
    b"name,phase,impact_assessments.1.name,impact_assessments.1.date,description,favourite_colour\r\n"
    b"Repairs triage,production,DPIA,2025-02-01,Sorts repairs,blue\r\n"              # row 2: fine
    b"Parking checks,production,DPIA,31/02/2025,Reads number plates,red\r\n"          # row 3: no 31 February
    b"Rent model,Alpha,EIA,2025-03-01,Predicts arrears,green\r\n"                     # row 4: unknown phase
    b'Chatbot,production,DPIA,2025-04-01,"=HYPERLINK(""http://evil.example"")",x\r\n'  # row 5: a formula
    b"Fly-tipping forecast,production\r\n"                                             # row 6: cut short
)


def problems_by_row(plan) -> dict[str, list[tuple[str, str]]]:
    return {row.row.label: [(p.where, p.message) for p in row.problems] for row in plan.rows if row.problems}


@pytest.fixture
def plan(council, editor):
    return dry_run(BROKEN, Target(organisation=council, user=editor, filename="broken.csv"))


def test_the_unknown_column_is_named(plan):
    assert plan.problems == ["Column “favourite_colour” is not a column of this register's export."]


def test_each_row_problem_names_its_row_and_column(plan):
    found = problems_by_row(plan)
    assert set(found) == {"Row 3", "Row 4", "Row 5", "Row 6"}
    [(where, message)] = found["Row 3"]
    assert where == "impact_assessments.1.date" and "“31/02/2025” is not a real date" in message
    [(where, message)] = found["Row 4"]
    assert where == "phase" and "“Alpha” is not one of the options for phase" in message
    [(where, message)] = found["Row 5"]
    assert where == "description" and "spreadsheet formula" in message
    [(where, message)] = found["Row 6"]
    assert where == "whole row" and "cut short" in message
    assert plan.rows[0].action == "create" and not plan.ok


def test_applying_it_writes_nothing(plan):
    with pytest.raises(NotApplicable):
        apply(plan)
    assert not Record.objects.exists() and not RecordDraft.objects.exists()


def test_the_command_reports_every_problem_and_writes_nothing(council, tmp_path, capsys):
    path = tmp_path / "broken.csv"
    path.write_bytes(BROKEN)
    events = AuditEvent.objects.count()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_records", str(path), "--organisation", council.slug)
    out = capsys.readouterr().out
    for expected in ("favourite_colour", "Row 3", "31/02/2025", "Row 4", "Alpha", "Row 5", "formula", "Row 6",
                     "cut short"):
        assert expected in out
    assert not Record.objects.exists() and AuditEvent.objects.count() == events
