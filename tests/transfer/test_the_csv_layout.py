"""The register's own column layout: derived from the field definition, numbered items, withheld reasons."""

import csv
import io

import pytest

from algoreg.standard.fields import FIELDS, all_fields
from algoreg.transfer.layout import META_COLUMNS, Shape, own_header, resolve_own
from tests.factories import make_published_record
from tests.transfer.helpers import export

pytestmark = pytest.mark.django_db


def rows(raw: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_metadata_columns_never_clash_with_field_columns():
    # Item fields are always written inside their group's numbered columns (impact_assessments.1.url), so only
    # top-level keys could clash.
    assert not set(META_COLUMNS) & set(FIELDS)
    assert all("." not in f.key for f in all_fields())


def test_every_field_has_a_column_and_every_column_reads_back_to_its_field():
    header = own_header(Shape({}))
    for f in FIELDS.values():
        if f.is_group:
            assert all(f"{f.key}.1.{sub.key}" in header for sub in f.fields)
        else:
            assert f.key in header
    assert all(resolve_own(column) is not None for column in header if column not in META_COLUMNS)


def test_items_are_numbered_up_to_the_most_any_record_has(council):
    make_published_record(council, name="One", risks=[{"name": "A", "category": "data"}])
    make_published_record(council, name="Three", risks=[{"name": n, "category": "data"} for n in "XYZ"])
    [one, three] = rows(export("csv", council))
    assert "risks.3.name" in one and "risks.4.name" not in one
    assert (one["risks.1.name"], one["risks.2.name"]) == ("A", "")
    assert [three[f"risks.{n}.name"] for n in (1, 2, 3)] == ["X", "Y", "Z"]


def test_several_choices_share_a_cell_separated_by_semicolons(council):
    make_published_record(council, function=["health", "social-protection"])
    [row] = rows(export("csv", council))
    assert row["function"] == "health; social-protection"


def test_a_withheld_field_has_its_reason_in_a_column_of_its_own(council):
    make_published_record(council, name="Open")
    make_published_record(council, name="Closed", withheld={"system_architecture": "It would help attackers."})
    [open_row, closed_row] = rows(export("csv", council))
    assert closed_row["withheld.system_architecture"] == "It would help attackers."
    assert open_row["withheld.system_architecture"] == ""
    assert "withheld.team" not in closed_row


def test_numbers_and_dates_are_plain_text(council):
    make_published_record(council, decisions_per_year=12000, next_review_date="2027-01-31")
    [row] = rows(export("csv", council))
    assert (row["decisions_per_year"], row["next_review_date"]) == ("12000", "2027-01-31")
