"""Spreadsheets whose columns are named as in the ATRS template of version 2.1, 3.0 or 4.0 are recognised by their
keys (through field_for_atrs_key) and become drafts of that version."""

import csv
import io

import pytest

from algoreg.records.models import RecordDraft
from algoreg.standard.fields import FIELDS, field_for_atrs_key
from tests.factories import make_published_record
from tests.transfer.helpers import export, import_file

pytestmark = pytest.mark.django_db


def csv_bytes(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


def keyed(version: str, values: dict[str, str]) -> dict[str, str]:
    """Cells for fields (by our key), with the column names of that ATRS version."""
    return {FIELDS[key].atrs_key(version): value for key, value in values.items()}


@pytest.mark.parametrize("version", ["2.1", "3.0", "4.0"])
def test_the_version_is_recognised_from_the_column_keys(council, editor, version):
    values = {"name": "Repairs triage", "website_url": "https://www.example.gov.uk/repairs",
              "benefits": "Quicker repairs.", "third_party_involvement": "Yes"}
    row = keyed(version, values)
    assert all(field_for_atrs_key(version, column) for column in row)
    plan = import_file(csv_bytes([row]), council, user=editor)
    assert plan.parsed.description == f"Columns of the ATRS {version} template"
    draft = RecordDraft.objects.get()
    assert draft.standard_version == version
    assert draft.data == {"name": "Repairs triage", "website_url": "https://www.example.gov.uk/repairs",
                          "benefits": "Quicker repairs.", "third_party_involvement": "yes"}


def test_numbered_columns_become_repeated_items(council, editor):
    raw = csv_bytes([{"name": "Chatbot", "model_name.1": "Intent classifier", "model_name.2": "Answer ranker",
                      "model_version.2": "3"}])
    import_file(raw, council, user=editor)
    assert RecordDraft.objects.get().data["model_specifications"] == [
        {"model_name": "Intent classifier"}, {"model_name": "Answer ranker", "model_version": "3"}]


def test_the_atrs_export_imports_back_with_its_lists_rebuilt(council, other_council, editor):
    make_published_record(council, name="Repairs triage", risks=[
        {"category": "data", "name": "Old addresses", "description": "Letters go astray.\nOften.",
         "mitigation": "Checked monthly."},
        {"category": "outputs", "name": "Wrong order"},
    ], withheld={"system_architecture": "Security."})
    raw = export("atrs", council)
    other_editor = editor.__class__.objects.create_user(email="e@sampleshire.example", password="x" * 20)
    plan = import_file(raw, other_council, user=other_editor)
    assert plan.ok and plan.parsed.description == "Columns of the ATRS 4.0 template"
    data = RecordDraft.objects.get(record__organisation=other_council).data
    assert data["risks"] == [
        {"category": "data", "name": "Old addresses", "description": "Letters go astray.\nOften.",
         "mitigation": "Checked monthly."},
        {"category": "outputs", "name": "Wrong order"},
    ]
    assert data["withheld"] == {"system_architecture": "Security."} and "system_architecture" not in data
    assert data["phase"] == "pre-deployment" and data["region"] == ["international"]


def test_free_text_risks_from_elsewhere_are_kept_in_one_item_to_tidy_up(council, editor):
    import_file(csv_bytes([{"name": "Tool", "risks_and_mitigations": "Bias against renters; we audit it."}]),
                council, user=editor)
    assert RecordDraft.objects.get().data["risks"] == [{"description": "Bias against renters; we audit it."}]


def test_columns_that_are_not_atrs_keys_are_named(council, editor):
    plan = import_file(csv_bytes([{"name": "Tool", "description": "x", "colour": "blue"}]), council, user=editor)
    assert plan.problems == ["Column “colour” is not a field of version 4.0 of the ATRS template."]
    assert not RecordDraft.objects.exists()


def test_a_file_with_no_known_columns_needs_a_mapping(council, editor):
    plan = import_file(csv_bytes([{"Tool": "A", "Owner": "B"}]), council, user=editor)
    assert "mapping file" in plan.problems[0]
