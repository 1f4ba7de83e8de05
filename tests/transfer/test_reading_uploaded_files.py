"""Files are recognised by what is in them: CSV in the usual encodings and separators, XLSX, JSON and gzip; files too
large, too long or unreadable are refused with a message that says what to do."""

import gzip
import io

import pytest
from openpyxl import Workbook

from algoreg.transfer.readers import Refused, read


def only_sheet(raw: bytes):
    [sheet] = read(raw).sheets
    return sheet


def cells(raw: bytes) -> list[list[str]]:
    sheet = only_sheet(raw)
    return [sheet.header] + [row.cells for row in sheet.rows]


EXPECTED = [["name", "description"], ["Café triage", "Sorts “urgent” repairs"], ["Rent model", "Two\nlines"]]


def csv_text(delimiter: str = ",") -> str:
    lines = [delimiter.join(EXPECTED[0]), f"Café triage{delimiter}Sorts “urgent” repairs",
             f'Rent model{delimiter}"Two\nlines"']
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_in_utf8_with_or_without_a_bom_windows_1252_or_utf16_reads_the_same(encoding):
    assert cells(csv_text().encode(encoding)) == EXPECTED


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_commas_semicolons_and_tabs_all_separate_columns(delimiter):
    assert cells(csv_text(delimiter).encode()) == EXPECTED


def test_a_quoted_cell_may_hold_line_breaks_commas_and_quotes():
    raw = b'name,description\n"A, B","He said ""no""\nthen left"\n'
    assert cells(raw)[1] == ["A, B", 'He said "no"\nthen left']


def test_rows_are_numbered_as_a_spreadsheet_shows_them():
    raw = b'name,description\n"One","two\nlines"\n\nThree,four\n'
    assert [row.number for row in only_sheet(raw).rows] == [2, 4]


def test_an_xlsx_workbook_is_read_whatever_its_name(tmp_path):
    book = Workbook()
    book.active.append(EXPECTED[0])
    book.active.append(["Café triage", 1200])
    book.active.append(["Formula", "=1+1"])
    buffer = io.BytesIO()
    book.save(buffer)
    table = read(buffer.getvalue())
    assert table.kind == "xlsx"
    assert [row.cells for row in table.sheets[0].rows] == [["Café triage", "1200"], ["Formula", "=1+1"]]


def test_a_gzipped_file_is_unpacked():
    assert cells(gzip.compress(csv_text().encode())) == EXPECTED


def test_json_is_recognised_by_its_content():
    table = read(b'  {"records": [{"data": {"name": "A"}}]}')
    assert table.kind == "json" and table.document == [{"data": {"name": "A"}}]


@pytest.mark.parametrize(("raw", "says"), [
    (b"", "empty"),
    (b"\xd0\xcf\x11\xe0rest of an old workbook", ".xls"),
    (b"PK\x03\x04not really a zip", "damaged"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "does not look like"),
    (b'{"records": 3}', "list of records"),
    (b'{"records": [', "could not be read"),
    (b"\x1f\x8bnot gzip", "could not be unpacked"),
])
def test_files_that_cannot_be_read_are_refused_with_a_reason(raw, says):
    with pytest.raises(Refused, match=says):
        read(raw)


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.IMPORT_MAX_BYTES = 1000
    with pytest.raises(Refused, match="Files must be 1 KB or smaller"):
        read(b"name\n" + b"x" * 1000)


def test_a_gzipped_file_that_unpacks_past_the_limit_is_refused(settings):
    settings.IMPORT_MAX_BYTES = 10_000
    with pytest.raises(Refused, match="Unpacked"):
        read(gzip.compress(b"name\n" + b"x" * 20_000))


def test_a_file_with_more_rows_than_the_limit_is_refused(settings):
    settings.IMPORT_MAX_ROWS = 3
    read(b"name\na\nb\nc\n")
    with pytest.raises(Refused, match="more than 3 rows"):
        read(b"name\na\nb\nc\nd\n")


def test_an_unclosed_quote_is_reported_with_its_row():
    sheet = only_sheet(b'name,description\nOne,fine\nTwo,"never closed\n')
    assert sheet.problems and sheet.problems[0].startswith("Row 3:")
