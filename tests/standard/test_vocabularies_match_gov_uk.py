"""The lists GOV.UK's ATRS finder also has use its values, and the ATRS layout (meant for the national collection)
uses its labels exactly, even where the register's pages word them differently. Compared with a copy of GOV.UK's
finder schema (algoreg/standard/data/README.md says where it comes from)."""

import csv
import io
import json
from pathlib import Path

import pytest

from algoreg.standard import vocabularies as vocab
from algoreg.standard.fields import FIELDS
from algoreg.transfer.importing import Target, dry_run
from tests.factories import make_organisation, make_published_record
from tests.transfer.helpers import export

SCHEMA = Path(__file__).parents[2] / "algoreg/standard/data/govuk_finder_schema_algorithmic_transparency_records.json"
FACETS = {facet["key"]: facet for facet in json.loads(SCHEMA.read_text())["facets"]}


def govuk_labels(facet_key: str) -> dict[str, str]:
    return {value["value"]: value["label"] for value in FACETS[facet_key]["allowed_values"]}


@pytest.mark.parametrize("facet_key", list(vocab.GOVUK_FACETS))
def test_each_list_has_exactly_gov_uk_s_values_with_gov_uk_s_labels_for_the_national_collection(facet_key):
    choices = vocab.GOVUK_FACETS[facet_key]
    expected = govuk_labels(facet_key)
    assert {value: vocab.govuk_label(choices, value) for value, _ in choices} == expected


def test_the_wording_kept_for_gov_uk_is_only_where_ours_differs():
    for choices, wording in vocab.GOVUK_WORDING.items():
        assert all(vocab.label_for(choices, value) != label for value, label in wording.items())


def only_row(raw: bytes) -> dict:
    [row] = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
    return row


@pytest.mark.django_db
@pytest.mark.parametrize("phase", [value for value, _ in vocab.PHASES])
def test_the_atrs_export_writes_gov_uk_s_labels_and_the_import_reads_them_back(phase):
    council = make_organisation()
    version = "4.0" if phase in vocab.PHASES_V4 else "3.0"
    every = {key: [value for value, _ in FIELDS[key].choices] for key in ("region", "function", "capability")}
    record = make_published_record(council, version, phase=phase, **every)
    row = only_row(export("atrs", council))

    assert row["phase"] == govuk_labels("algorithmic_transparency_record_phase")[phase]
    for key, facet in (("region", "region"), ("function", "function"), ("capability", "capability")):
        labels = govuk_labels(f"algorithmic_transparency_record_{facet}")
        assert row[key].split("; ") == [labels[value] for value in every[key]]
    assert row["organisation_type"] == govuk_labels("algorithmic_transparency_record_organisation_type")[
        "local-authority"]

    plan = dry_run(export("atrs", council), Target(organisation=council, filename="atrs.csv"))
    assert [(r.action, r.record) for r in plan.rows] == [("unchanged", record)]
