"""The CSV for the national collection: ATRS 4.0 keys, readable text for the lists ATRS keeps as one field."""

import csv
import io

import pytest

from algoreg.standard.fields import FIELDS
from algoreg.transfer.layout import ATRS_META_COLUMNS, EXTRA_PREFIX, EXTRA_VERSION_COLUMN
from tests.factories import make_published_record
from tests.transfer.helpers import export

pytestmark = pytest.mark.django_db


def only_row(raw: bytes) -> dict:
    [row] = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
    return row


def test_the_columns_are_the_atrs_4_0_keys_of_the_fields(record):
    header = next(csv.reader(io.StringIO(export("atrs", record.organisation).decode("utf-8-sig"))))
    keys = [f.atrs_key("4.0") for f in FIELDS.values() if f.atrs_key("4.0")]
    assert header[:len(ATRS_META_COLUMNS)] == list(ATRS_META_COLUMNS)
    assert set(keys) <= set(header)
    assert "human_involvement" not in header and "risks" not in header  # our extensions are not ATRS columns
    assert "model_name.1" in header and "third_party.1" in header


def test_the_register_s_own_fields_follow_in_extra_columns_named_from_the_field_definition(record):
    header = next(csv.reader(io.StringIO(export("atrs", record.organisation).decode("utf-8-sig"))))
    first_extra = header.index(EXTRA_VERSION_COLUMN)
    assert all(not name.startswith(EXTRA_PREFIX) for name in header[:first_extra])
    assert all(name.startswith(EXTRA_PREFIX) for name in header[first_extra:])
    extensions = [f.key for f in FIELDS.values() if f.is_extension and not f.is_group]
    assert {f"{EXTRA_PREFIX}{key}" for key in extensions} <= set(header[first_extra:])
    assert {"register.legal_basis.1.title", "register.legal_basis.1.url",
            "register.development_datasets.1.dataset_name"} <= set(header)
    assert "register.development_datasets.1.data_modality" not in header  # ATRS has it: data_modality.1


def test_the_extra_columns_hold_the_record_s_own_values(council):
    make_published_record(council, human_involvement="person-decides", decisions_per_year=4000,
                          legal_basis=[{"title": "Housing Act 1996", "url": "https://www.legislation.gov.uk/"}])
    row = only_row(export("atrs", council))
    assert row["register.human_involvement"] == "person-decides"  # the register's own layout: stored codes
    assert row["register.decisions_per_year"] == "4000"
    assert row["register.legal_basis.1.title"] == "Housing Act 1996"
    assert row["register.development_datasets.1.dataset_name"] == "Sample text"
    assert row[EXTRA_VERSION_COLUMN] == "4.0"


def test_risks_and_impact_assessments_become_readable_text(council):
    make_published_record(council, risks=[
        {"category": "data", "name": "Out-of-date addresses", "mitigation": "Checked monthly."},
        {"category": "outputs", "name": "Wrong priority"},
    ], impact_assessments=[{"name": "DPIA", "date": "2025-02-01"}])
    row = only_row(export("atrs", council))
    assert row["risks_and_mitigations"] == (
        "Risk 1\nKind of risk: Data\nRisk: Out-of-date addresses\nWhat the council does about it: Checked monthly."
        "\n\nRisk 2\nKind of risk: Outputs and decisions\nRisk: Wrong priority")
    assert row["impact_assessment"] == "Impact assessment 1\nName of the assessment: DPIA\nDate completed: 2025-02-01"


def test_choices_are_written_as_gov_uk_labels_them(council):
    make_published_record(council, phase="public-beta", region=["england", "wales"])
    row = only_row(export("atrs", council))
    assert (row["phase"], row["region"]) == ("Public Beta", "England; Wales")
    assert row["organisation_type"] == "Local authority"


def test_a_withheld_field_says_it_is_not_published_and_why(council):
    make_published_record(council, withheld={"system_architecture": "Security."})
    assert only_row(export("atrs", council))["system_architecture"] == "Not published: Security."
