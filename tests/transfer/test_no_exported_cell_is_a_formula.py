"""Property: whatever the text, no cell of a CSV or XLSX export can start a spreadsheet formula, and the escaping is
undone exactly on import."""

import csv
import io

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from algoreg.transfer.cells import DANGEROUS, escape, unescape, xlsx_text
from tests.transfer.helpers import export, publish_records, xlsx_sheets
from tests.transfer.strategies import records

pytestmark = pytest.mark.django_db

# Any text at all, with the dangerous first characters made likely.
ANY_TEXT = st.builds(lambda start, rest: start + rest, st.sampled_from(["", *DANGEROUS, "'", "'=", " ="]), st.text())


@given(ANY_TEXT)
def test_an_escaped_cell_never_starts_with_a_formula_character(text):
    assert not escape(text).startswith(DANGEROUS)
    assert not xlsx_text(text).startswith(DANGEROUS)


@given(ANY_TEXT)
def test_unescaping_gives_back_exactly_the_text(text):
    assert unescape(escape(text)) == text


@given(st.text())
def test_text_that_needs_no_escape_is_left_alone(text):
    if not text.startswith((*DANGEROUS, "'")):
        assert escape(text) == text == unescape(text)


def csv_cells(raw: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(raw.decode("utf-8-sig"))) for cell in row]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=records())
def test_no_cell_of_any_export_is_a_formula(council, specs):
    with transaction.atomic():
        publish_records(council, specs)
        files = {fmt: export(fmt, council) for fmt in ("csv", "atrs", "history", "xlsx")}
        transaction.set_rollback(True)
    for fmt in ("csv", "atrs", "history"):
        assert not [cell for cell in csv_cells(files[fmt]) if cell.startswith(DANGEROUS)], fmt
    for rows in xlsx_sheets(files["xlsx"]).values():
        cells = [cell for row in rows for cell in row if isinstance(cell, str)]
        assert not [cell for cell in cells if cell.startswith(DANGEROUS)]
