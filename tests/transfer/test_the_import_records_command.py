"""manage.py import_records: a report for every row, a dry run that writes nothing, and clear refusals."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from algoreg.records.models import Record, RecordDraft

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_records", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "tools.csv"
    path.write_bytes(b"name;phase\nRepairs triage;Production\nParking checks;Public beta\n")
    return path


def test_a_dry_run_reports_each_row_and_writes_nothing(council, sheet):
    out = run(str(sheet), "--organisation", council.slug, "--dry-run")
    assert "Row 2 · Repairs triage: new draft in Example Borough Council" in out
    assert "Row 3 · Parking checks: new draft" in out
    assert "Summary: 2 to create, 0 to update, 0 unchanged, 0 with problems." in out
    assert "Dry run: nothing was changed." in out
    assert not Record.objects.exists()


def test_an_import_makes_drafts_and_says_how_many(council, sheet):
    out = run(str(sheet), "--organisation", council.slug)
    assert "Imported: 2 created, 0 updated, 0 unchanged." in out
    assert RecordDraft.objects.filter(record__organisation=council).count() == 2
    assert "Imported: 0 created, 0 updated, 2 unchanged." in run(str(sheet), "--organisation", council.slug)


def test_rows_with_problems_can_be_left_out_when_asked(council, tmp_path):
    path = tmp_path / "tools.csv"
    path.write_bytes(b"name,phase\nRepairs triage,Production\nParking checks,Alpha\n")
    with pytest.raises(CommandError, match="--skip-rows-with-problems"):
        run(str(path), "--organisation", council.slug)
    out = run(str(path), "--organisation", council.slug, "--skip-rows-with-problems")
    assert "1 rows with problems left out" in out
    assert list(Record.objects.values_list("name", flat=True)) == ["Repairs triage"]


def test_without_an_organisation_each_row_must_name_one(council, sheet):
    with pytest.raises(CommandError, match="Nothing was imported"):
        run(str(sheet))


@pytest.mark.parametrize(("args", "says"), [
    (["/no/such/file.csv"], "There is no file"),
    (["{sheet}", "--organisation", "nowhere"], "no organisation with the slug"),
    (["{sheet}", "--mapping", "/no/such/map.json"], "There is no mapping file"),
])
def test_mistakes_in_the_command_are_explained(council, sheet, args, says):
    with pytest.raises(CommandError, match=says):
        run(*[a.format(sheet=sheet) for a in args])


def test_a_bad_mapping_file_lists_its_problems(council, sheet, tmp_path):
    mapping = tmp_path / "map.json"
    mapping.write_text('{"fields": {"colour": {"column": "x"}}}')
    with pytest.raises(CommandError, match="“colour” is not a field"):
        run(str(sheet), "--mapping", str(mapping))


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(council, sheet, settings):
    settings.IMPORT_MAX_BYTES = 10
    with pytest.raises(CommandError, match="Files must be"):
        run(str(sheet), "--organisation", council.slug)
