"""Understanding what was read: which kind of file it is, and each row as record content plus its problems.

Three kinds of file are understood without help: this register's own exports (CSV, XLSX, JSON), and columns keyed as
in the ATRS template of version 1.1, 2.1, 3.0 or 4.0 (recognised by their keys). Anything else needs a mapping file
(see mapping.py and docs/import-mapping.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.utils.text import slugify

from algoreg.records.models import Record
from algoreg.records.public_content import stored_content
from algoreg.standard.cleaning import clean_content, clean_text
from algoreg.standard.fields import METADATA_KEYS
from algoreg.standard.vocabularies import STANDARD_VERSIONS

from .layout import (
    EXTRA_PREFIX,
    EXTRA_VERSION_COLUMN,
    META_COLUMNS,
    OWN_MARKERS,
    WITHHELD_PREFIX,
    Target,
    resolve_atrs,
    resolve_extra,
    resolve_own,
)
from .readers import Row, Sheet, Table
from .values import Assembler, CellProblem, cell_text, target_value

ATRS_VERSIONS = ("4.0", "3.0", "2.1", "1.1")  # newest first: a tie goes to the newer version


@dataclass
class Problem:
    where: str  # the column or field, as the person knows it
    message: str


@dataclass
class ParsedRow:
    label: str  # "Row 4" or "Record 2"
    number: int
    data: dict = field(default_factory=dict)
    # The top-level keys the file sets. None: each row is a whole record, which replaces what the register holds.
    touched: frozenset[str] | None = None
    source_id: str = ""
    organisation: str = ""  # the organisation's slug or name, as the file gives it
    version: str | None = None
    meta: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        name = self.data.get("name")
        return name if isinstance(name, str) else ""

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))


@dataclass
class Parsed:
    description: str
    rows: list[ParsedRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    own: bool = False  # the register's own export: rows may be matched by the register's record id too
    # From a mapping file: how to add an organisation the register does not have yet (None: never add one).
    new_organisations: dict | None = None


def name_id(name: str) -> str:
    """The identifier of a row whose file gives none: its name, so the same file still finds the same record."""
    return f"name:{slugify(name)}" if name else ""


# --- Checks shared by every sheet ----------------------------------------------------------------------------------


def header_problems(sheet: Sheet) -> list[str]:
    problems = []
    seen = set()
    for position, name in enumerate(sheet.header, 1):
        if not name:
            problems.append(f"Column {position} has no name in the header row.")
        elif name in seen:
            problems.append(f"Column “{name}” appears more than once in the header row.")
        seen.add(name)
    return problems + sheet.problems


def row_cells(sheet: Sheet, row: Row, parsed: ParsedRow, check_length: bool) -> dict[str, str]:
    """The row's cells by column name, noting a row cut short or with cells beyond the header."""
    width = len(sheet.header)
    if check_length and len(row.cells) < width:
        parsed.problem("whole row", f"This row has {len(row.cells)} cells but the header row has {width}: it may "
                                    "have been cut short. Check the row ends with every column.")
    extra = [c for c in row.cells[width:] if c.strip()]
    if extra:
        parsed.problem("whole row", f"This row has {len(row.cells)} cells but the header row names only {width} "
                                    "columns.")
    return {name: (row.cells[i] if i < len(row.cells) else "") for i, name in enumerate(sheet.header) if name}


def add_cell(assembler: Assembler, parsed: ParsedRow, column: str, target: Target, raw: str) -> None:
    try:
        assembler.add(target, target_value(target, cell_text(raw)))
    except CellProblem as problem:
        parsed.problem(column, str(problem))


# --- The register's own exports ------------------------------------------------------------------------------------


def is_own(header: Iterable[str]) -> bool:
    return OWN_MARKERS <= set(header)


def parse_datetime(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def texts(cells: dict[str, str], columns: Iterable[str], parsed: ParsedRow) -> dict[str, str]:
    """The tidy text of the given columns that the row has, noting formulas."""
    found = {}
    for column in columns:
        if column in cells:
            try:
                found[column] = cell_text(cells[column])
            except CellProblem as problem:
                parsed.problem(column, str(problem))
    return found


def read_meta(cells: dict[str, str], parsed: ParsedRow, spreadsheet: bool = True) -> None:
    """The metadata columns of the register's own layout (from JSON, plain values rather than spreadsheet cells)."""
    text = texts(cells, META_COLUMNS, parsed) if spreadsheet else {k: clean_text(v) for k, v in cells.items()}
    parsed.source_id = text.get("id", "")
    parsed.organisation = text.get("organisation_slug") or text.get("organisation", "")
    version = text.get("standard_version")
    if version is not None:
        if version and version not in STANDARD_VERSIONS:
            parsed.problem("standard_version", f"“{version}” is not a version of the standard "
                                               f"({', '.join(STANDARD_VERSIONS)})")
        parsed.version = version
    kind = text.get("kind", "")
    if kind and kind not in Record.Kind.values:
        parsed.problem("kind", f"“{kind}” is not a kind of record (full or summary)")
    parsed.meta = {key: text.get(key, "") for key in ("kind", "status", "source_url", "change_note",
                                                      "retired_reason")}
    for key in ("published_at", "first_published_at", "retired_at"):
        if text.get(key):
            try:
                parsed.meta[key] = parse_datetime(text[key])
            except ValueError:
                parsed.problem(key, f"“{text[key]}” is not a date and time like 2026-03-27T09:30:00+00:00")


def parse_own(sheets: list[Sheet], check_length: bool) -> Parsed:
    parsed = Parsed("This register's own export", own=True)
    by_id: dict[str, ParsedRow] = {}
    cells_by_row: dict[int, dict[str, str]] = {}
    rows: list[ParsedRow] = []
    for sheet in sheets:
        if "id" not in sheet.header and len(sheets) > 1:
            continue  # a workbook's sheets are joined by id
        parsed.problems += [f"{sheet.name}: {p}" if len(sheets) > 1 else p for p in header_problems(sheet)]
        unknown = [c for c in sheet.header if c and c not in META_COLUMNS and resolve_own(c) is None]
        parsed.problems += [f"Column “{c}” is not a column of this register's export." for c in unknown]
        for row in sheet.rows:
            if not row.cells:
                continue
            probe = ParsedRow(f"Row {row.number}", row.number)
            cells = row_cells(sheet, row, probe, check_length)
            record_id = cells.get("id", "").strip()
            target = by_id.get(record_id) if record_id else None
            if target is None:
                target = probe
                rows.append(target)
                cells_by_row[id(target)] = {}
                if record_id:
                    by_id[record_id] = target
            else:
                target.problems += probe.problems
            cells_by_row[id(target)].update(cells)
    for row in rows:
        build_own_row(row, cells_by_row[id(row)])
    parsed.rows = rows
    return parsed


def build_own_row(parsed: ParsedRow, cells: dict[str, str]) -> None:
    read_meta(cells, parsed)
    assembler = Assembler()
    for column, raw in cells.items():
        target = resolve_own(column)
        if target is not None:
            add_cell(assembler, parsed, column, target, raw)
    parsed.data = assembler.result()
    parsed.source_id = parsed.source_id or name_id(parsed.name)


# --- ATRS template columns -----------------------------------------------------------------------------------------


def atrs_version(header: list[str]) -> tuple[str, int]:
    """The ATRS version whose keys match most columns, and how many they match."""
    scores = [(sum(1 for c in header if c and resolve_atrs(v, c)), v) for v in ATRS_VERSIONS]
    best = max(scores, key=lambda score: score[0])
    return best[1], best[0]


def parse_atrs(sheet: Sheet, version: str, check_length: bool) -> Parsed:
    parsed = Parsed(f"Columns of the ATRS {version} template")
    parsed.problems += header_problems(sheet)
    standard = {c: resolve_atrs(version, c) for c in sheet.header if c}
    extras = {c: resolve_extra(c) for c in sheet.header if c.startswith(EXTRA_PREFIX)}
    parsed.problems += [unknown_atrs_column(c, version) for c in sheet.header
                        if c and standard.get(c) is None and extras.get(c) is None
                        and c not in (*METADATA_KEYS, EXTRA_VERSION_COLUMN)]
    for row in sheet.rows:
        if not row.cells:
            continue
        result = ParsedRow(f"Row {row.number}", row.number, version=version)
        cells = row_cells(sheet, row, result, check_length)
        assembler = Assembler()
        for column, raw in cells.items():
            if target := standard.get(column):
                add_atrs_cell(assembler, result, column, target, raw)
            elif target := extras.get(column):
                add_cell(assembler, result, column, target, raw)
        result.data = assembler.result()
        result.touched = frozenset(assembler.touched)
        meta = texts(cells, ("id", "organisation_name", EXTRA_VERSION_COLUMN), result)
        result.source_id = meta.get("id") or name_id(result.name)
        result.organisation = meta.get("organisation_name", "")
        read_standard_version(meta.get(EXTRA_VERSION_COLUMN), result)
        parsed.rows.append(result)
    return parsed


def unknown_atrs_column(column: str, version: str) -> str:
    if column.startswith(EXTRA_PREFIX):
        return (f"Column “{column}” is not one of this register's extra columns: after “{EXTRA_PREFIX}” comes a "
                "column of the register's own export, such as “register.human_involvement”.")
    return f"Column “{column}” is not a field of version {version} of the ATRS template."


def add_atrs_cell(assembler: Assembler, parsed: ParsedRow, column: str, target: Target, raw: str) -> None:
    """A cell of the template's columns, where a withheld field reads 'Not published: <reason>'."""
    if is_withheld_cell(target, raw):
        assembler.touched.add(target.key)
        add_cell(assembler, parsed, column, Target(target.field, withheld=True), raw.strip()[len(WITHHELD_PREFIX):])
    else:
        add_cell(assembler, parsed, column, target, raw)


def is_withheld_cell(target: Target, raw: str) -> bool:
    """A field the ATRS export shows as 'Not published: <reason>'."""
    return target.group is None and target.field.withholdable and raw.strip().startswith(WITHHELD_PREFIX)


def read_standard_version(text: str | None, parsed: ParsedRow) -> None:
    """The version of the standard the record follows, from the register's extra column, when the file has it."""
    if not text:
        return
    if text not in STANDARD_VERSIONS:
        parsed.problem(EXTRA_VERSION_COLUMN, f"“{text}” is not a version of the standard "
                                             f"({', '.join(STANDARD_VERSIONS)})")
    else:
        parsed.version = text


# --- JSON ----------------------------------------------------------------------------------------------------------


def parse_json(records: list) -> Parsed:
    parsed = Parsed("This register's JSON export", own=True)
    for number, entry in enumerate(records, 1):
        row = ParsedRow(f"Record {number}", number)
        parsed.rows.append(row)
        if not isinstance(entry, dict) or not isinstance(entry.get("data"), dict):
            row.problem("data", "Each record must be an object with its content under “data”, as in this "
                                "register's JSON export")
            continue
        organisation = entry.get("organisation") if isinstance(entry.get("organisation"), dict) else {}
        version = entry.get("version") if isinstance(entry.get("version"), dict) else {}
        cells = {
            "id": entry.get("id"), "kind": entry.get("kind"), "status": entry.get("status"),
            "source_url": entry.get("source_url"), "first_published_at": entry.get("first_published_at"),
            "retired_at": entry.get("retired_at"), "retired_reason": entry.get("retired_reason"),
            "organisation_slug": organisation.get("slug"), "organisation": organisation.get("name"),
            "standard_version": version.get("standard_version"), "published_at": version.get("published_at"),
            "change_note": version.get("change_note"),
        }
        read_meta({k: str(v) for k, v in cells.items() if v is not None}, row, spreadsheet=False)
        row.data = clean_content(stored_content(entry["data"]))
        row.source_id = row.source_id or name_id(row.name)
    return parsed


# --- Any file ------------------------------------------------------------------------------------------------------


def parse(table: Table, mapping=None) -> Parsed:
    """What the rows of a file say, with every problem found in it. A file with columns of its own is read through
    its `mapping` (a mapping.Mapping, which builds on this module)."""
    if table.kind == "json":
        if mapping is not None:
            return Parsed("JSON", problems=["A mapping file is for CSV and XLSX files. Upload the JSON without one."])
        return parse_json(table.document)
    check_length = table.kind == "csv"
    if mapping is not None:
        return mapping.parse(table, check_length)
    sheets = [s for s in table.sheets if s.header]
    if not sheets:
        return Parsed("An empty file", problems=["The file has no header row naming its columns."])
    if any(is_own(s.header) for s in sheets):
        return parse_own([s for s in sheets if is_own(s.header) or "id" in s.header], check_length)
    sheet = sheets[0]
    version, matched = atrs_version(sheet.header)
    own_matched = sum(1 for c in sheet.header if resolve_own(c) is not None)
    if own_matched > matched:
        return parse_own([sheet], check_length)
    if matched == 0:
        return Parsed("A file with unknown columns", problems=[
            "None of the columns is a field of this register or of the ATRS template. To import a spreadsheet "
            "with columns of its own, give a mapping file that says which column holds which field."])
    return parse_atrs(sheet, version, check_length)
