"""Exports never carry control characters or an unclosed right-to-left override, even from versions published
before text was tidied on the way in, so no cell can ring a terminal or show the cells after it reversed. Closed
right-to-left writing is exported exactly as written."""

import csv
import io
import re

import pytest

from algoreg.records.models import Record
from algoreg.records.publishing import publish
from tests.factories import complete_data
from tests.transfer.helpers import export, xlsx_sheets
from tests.untidy_text import BALANCED

pytestmark = pytest.mark.django_db

REVERSING = "\u202e"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@pytest.fixture
def stored_raw(council):
    record = Record.objects.create(organisation=council)
    data = complete_data(name=f"{REVERSING}Repairs triage", team="Housing\x07 repairs", task=BALANCED,
                         description=f"Esc\x1b[31m and {REVERSING}reversed\x0b.")
    publish(record, data, "4.0", f"{REVERSING}First\x07 version.")
    publish(record, {**data, "team": f"{REVERSING}Housing"}, "4.0", "Second version.")
    return record


@pytest.mark.parametrize("fmt", ["history", "csv", "atrs"])
def test_csv_exports_hold_no_control_character_or_unclosed_override(stored_raw, fmt):
    text = export(fmt, stored_raw.organisation).decode("utf-8-sig")
    assert REVERSING not in text and not CONTROL.search(text)
    rows = list(csv.reader(io.StringIO(text)))
    assert any("Repairs triage" in row for row in rows[1:])
    assert any(BALANCED in row for row in rows[1:])


def test_the_history_export_tidies_every_version_and_its_change_note(stored_raw):
    rows = list(csv.DictReader(io.StringIO(export("history", stored_raw.organisation).decode("utf-8-sig"))))
    assert [(r["team"], r["change_note"]) for r in rows] == [("Housing repairs", "First version."),
                                                              ("Housing", "Second version.")]
    assert rows[0]["description"] == "Esc[31m and reversed."


def test_the_spreadsheet_export_holds_none_either(stored_raw):
    cells = [cell for rows in xlsx_sheets(export("xlsx", stored_raw.organisation)).values()
             for row in rows for cell in row if isinstance(cell, str)]
    assert "Repairs triage" in cells and BALANCED in cells
    assert not any(REVERSING in cell or CONTROL.search(cell) for cell in cells)
