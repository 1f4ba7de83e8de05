"""Real published records fit the register's length limits: the longest value of each text column of the Dutch
algorithm register and of the GOV.UK ATRS records (tests/standard/data/README.md) passes validation."""

import json
from pathlib import Path

import pytest

from algoreg.standard.fields import FIELDS, FieldType
from algoreg.standard.validation import validate, value_error

LONGEST = json.loads((Path(__file__).parent / "data" / "longest_real_values.json").read_text(encoding="utf-8"))
VALUES = LONGEST["values"]
TEXT_TYPES = (FieldType.TEXT, FieldType.LONG_TEXT, FieldType.URL, FieldType.EMAIL)


def field_at(path: str):
    group, _, part = path.partition(".")
    if not part:
        return FIELDS[path]
    return next(sub for sub in FIELDS[group].fields if sub.key == part)


def as_record(path: str, value: str) -> dict:
    group, _, part = path.partition(".")
    return {group: [{part: value}]} if part else {path: value}


@pytest.mark.parametrize("real", VALUES, ids=lambda v: f"{v['source']}-{v['column']}-{v['length']}")
def test_the_longest_real_value_of_each_column_fits_its_field(real):
    f = field_at(real["field"])
    assert f.type in TEXT_TYPES
    assert len(real["value"]) == real["length"]
    assert value_error(f, real["value"]) is None
    assert validate(as_record(real["field"], real["value"]), "4.0", for_publication=False) == {}


def test_the_dutch_registers_longest_legal_basis_imports(editor, council):
    """The 300-character limit on a law's name refused 279 of the Dutch register's 1,530 records."""
    from tests.transfer.helpers import import_file

    real = next(v for v in VALUES if v["column"] == "juridische_basis")
    assert real["length"] > 2000
    rows = [["name", "legal_basis.1.title"], ["Kindertoeslag checks", real["value"]]]
    csv = "\n".join(",".join(f'"{cell.replace(chr(34), chr(34) * 2)}"' for cell in row) for row in rows)
    plan = import_file(csv.encode(), organisation=council, user=editor)
    assert plan.ok, [row.problems for row in plan.rows]
    assert council.records.get().draft.data["legal_basis"] == [{"title": real["value"]}]

