"""Reading an uploaded file into rows of text cells, whatever it is: CSV, XLSX or JSON.

The file is recognised by its content, not its name. CSV may be UTF-8 (with or without a byte order mark), UTF-16
with a byte order mark, or Windows-1252, separated by commas, semicolons or tabs, with quoted cells over several
lines. Files over IMPORT_MAX_BYTES or with more than IMPORT_MAX_ROWS rows are refused before anything else happens.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.conf import settings

XLSX_MAX_UNPACKED = 400 * 1024 * 1024  # an XLSX is a zip: refuse one that would unpack to more than this


class Refused(Exception):
    """The file cannot be imported at all; the message says why in plain words."""


@dataclass
class Row:
    number: int  # as a spreadsheet shows it: the header is row 1
    cells: list[str]


@dataclass
class Sheet:
    name: str
    header: list[str]
    rows: list[Row]
    problems: list[str] = field(default_factory=list)
    filled: int = 0  # rows with something in them


@dataclass
class Table:
    """What was read: sheets of rows (CSV has one sheet), or a JSON document."""

    kind: str  # "csv", "xlsx" or "json"
    sheets: list[Sheet] = field(default_factory=list)
    document: object = None


def max_bytes() -> int:
    return settings.IMPORT_MAX_BYTES


def max_rows() -> int:
    return settings.IMPORT_MAX_ROWS


def size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def read(raw: bytes) -> Table:
    """Read a whole file. Raises Refused with a message for a person when it cannot be read."""
    if len(raw) > max_bytes():
        raise Refused(f"The file is {size_text(len(raw))}. Files must be {size_text(max_bytes())} or smaller: "
                      "split it into smaller files.")
    if raw.startswith(b"\x1f\x8b"):
        raw = gunzip(raw)
    if not raw.strip():
        raise Refused("The file is empty.")
    if raw.startswith(b"PK\x03\x04"):
        return read_xlsx(raw)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise Refused("This is an older Excel file (.xls). Save it as an Excel workbook (.xlsx) or as CSV and "
                      "upload that.")
    text = decode(raw)
    if text.lstrip().startswith(("{", "[")):
        return read_json(text)
    return read_csv(text)


def gunzip(raw: bytes) -> bytes:
    """A gzipped file, unpacked to at most IMPORT_MAX_BYTES."""
    unpacker = zlib.decompressobj(wbits=31)
    try:
        unpacked = unpacker.decompress(raw, max_bytes() + 1)
    except zlib.error:
        raise Refused("The file looks gzipped but could not be unpacked.") from None
    if len(unpacked) > max_bytes():
        raise Refused(f"Unpacked, the file is over {size_text(max_bytes())}. Split it into smaller files.")
    return unpacked


def decode(raw: bytes) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise Refused("The file says it is UTF-16 text but is not. Save it as CSV (UTF-8).") from None
    if b"\x00" in raw:
        raise Refused("This does not look like a CSV, XLSX or JSON file. Save the spreadsheet as CSV (UTF-8) or "
                      "as an Excel workbook (.xlsx).")
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Refused("The file's characters could not be read. Save it as CSV (UTF-8) and upload it again.")


def delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever the header row uses most (a comma when it uses none)."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(text: str) -> Table:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text), strict=True)
    sheet = Sheet("CSV", [], [])
    number = 0
    try:
        for number, values in enumerate(reader, 1):
            if not sheet.header:
                sheet.header = [v.strip() for v in values] if any(v.strip() for v in values) else []
                continue
            add_row(sheet, number, values)
    except csv.Error as error:
        sheet.problems.append(f"Row {number + 1}: the file could not be read from here on ({error}). "
                              "A cell may have a quotation mark that is never closed, or the file may be cut short.")
    if not sheet.header:
        raise Refused("The file has no header row. The first row must name the columns.")
    return Table("csv", [sheet])


def add_row(sheet: Sheet, number: int, values: list[str]) -> None:
    """Keep a row that has anything in it (blank rows are skipped), refusing the file when it has too many rows."""
    if not any(v.strip() for v in values):
        return
    sheet.filled += 1
    if sheet.filled > max_rows():
        raise Refused(f"The file has more than {max_rows():,} rows. Split it into files of {max_rows():,} rows "
                      "or fewer.")
    sheet.rows.append(Row(number, values))


def read_xlsx(raw: bytes) -> Table:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            if sum(info.file_size for info in archive.infolist()) > XLSX_MAX_UNPACKED:
                raise Refused("The workbook is too large once unpacked. Split it into smaller files.")
            if "xl/workbook.xml" not in archive.namelist():
                raise Refused("This is a zip file but not an Excel workbook. Upload an .xlsx, CSV or JSON file.")
    except zipfile.BadZipFile:
        raise Refused("The workbook could not be opened: it may be damaged. Save it again and upload it.") from None
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds of error for damaged files
        raise Refused("The workbook could not be opened: it may be damaged. Save it again as .xlsx and upload "
                      "it.") from None
    try:
        return Table("xlsx", [read_sheet(ws) for ws in book.worksheets])
    finally:
        book.close()


def read_sheet(ws) -> Sheet:
    sheet = Sheet(ws.title, [], [])
    for number, values in enumerate(ws.iter_rows(values_only=True), 1):
        cells = [cell_text(v) for v in values]
        while cells and cells[-1] == "":
            cells.pop()
        if not sheet.header:
            if cells:
                sheet.header = [c.strip() for c in cells]
            continue
        add_row(sheet, number, cells)
    return sheet


def cell_text(value) -> str:
    """An XLSX cell as text: whole numbers without '.0', dates as YYYY-MM-DD, formulas as written ('=…')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, (str, int, float)):
        text = getattr(value, "text", None) or str(value)  # array formulas and the like
        return text if text.startswith("=") else "=" + text
    return str(value)


def read_json(text: str) -> Table:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise Refused(f"The JSON could not be read: {error.msg} at line {error.lineno}, column {error.colno}.") \
            from None
    records = document.get("records") if isinstance(document, dict) else document
    if not isinstance(records, list):
        raise Refused("The JSON must be a list of records, or an object with a list called “records”, as in this "
                      "register's JSON export.")
    if len(records) > max_rows():
        raise Refused(f"The file has more than {max_rows():,} records. Split it into files of {max_rows():,} "
                      "records or fewer.")
    return Table("json", document=records)
