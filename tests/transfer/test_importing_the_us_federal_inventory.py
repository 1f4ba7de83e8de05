"""The real US federal AI use case inventory 2025 (3,611 rows, 41 agencies) imports with the committed mapping file:
every row becomes a published summary under its agency, or gets a problem that names its row. Nothing is dropped."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from algoreg.organisations.models import Organisation
from algoreg.records.models import Record
from algoreg.transfer.importing import Target, dry_run
from algoreg.transfer.mapping import load_mapping

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data" / "us_federal_2025_individually_reported_AI_use_cases.csv.gz"
MAPPING = Path(__file__).parents[2] / "algoreg" / "transfer" / "mappings" / "us_federal_2025.json"
ROWS = 3_611


def test_the_committed_mapping_file_is_valid():
    assert load_mapping(MAPPING.read_bytes()).title


def test_every_row_becomes_a_record_or_a_clear_problem():
    plan = dry_run(DATA.read_bytes(), Target(publish=True, filename=DATA.name), load_mapping(MAPPING.read_bytes()))
    assert not plan.problems
    assert len(plan.rows) == ROWS
    created, errors = plan.count("create"), plan.count("error")
    assert created + errors == ROWS
    assert len(plan.new_organisations) == 41
    problems = {row.row.label: [p.message for p in row.problems] for row in plan.rows if row.problems}
    assert len(problems) == errors == 9
    assert problems["Row 839"] == ["Every record needs the name of the tool"]
    # The others repeat an identifier an earlier row already has; the message names that row.
    assert problems["Row 2895"] == ["Row 2894 has the same identifier (“STB-TBD”). Each record may appear only "
                                    "once in a file"]


def test_the_command_publishes_the_summaries_and_a_second_run_changes_nothing(tmp_path):
    args = [str(DATA), "--mapping", str(MAPPING), "--as-published-summaries", "--skip-rows-with-problems"]
    out = io.StringIO()
    call_command("import_records", *args, stdout=out)
    assert "Imported: 3,602 created, 0 updated, 0 unchanged, 41 organisations added; 9 rows with problems left out." \
        in out.getvalue()
    assert Record.objects.filter(kind="summary", status="published").count() == 3_602
    nasa = Organisation.objects.get(slug="us-national-aeronautics-and-space-administration")
    assert nasa.org_type == "agency-or-public-body" and nasa.records.count() == 425
    out = io.StringIO()
    call_command("import_records", *args, stdout=out)
    assert "Imported: 0 created, 0 updated, 3,602 unchanged; 9 rows with problems left out." in out.getvalue()
