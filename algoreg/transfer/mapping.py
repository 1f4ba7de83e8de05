"""Mapping files: how to import a CSV or XLSX whose columns are its own. The format is in docs/import-mapping.md.

A mapping is a small JSON document that names, for each field of the register, the column (or columns, or fixed
value) it comes from, how to translate the file's words into the register's choices, which columns identify a row,
and which columns are deliberately left out. Every column of the file must be used or listed under "ignore", so
nothing is dropped without anyone deciding it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from algoreg.standard.fields import FieldType
from algoreg.standard.validation import value_error
from algoreg.standard.vocabularies import ORGANISATION_TYPES, REGIONS, STANDARD_VERSIONS

from .layout import Target, match_choice, resolve_own
from .readers import Sheet, Table
from .sources import Parsed, ParsedRow, header_problems, name_id, row_cells, texts
from .values import DATE_FORMATS, Assembler, CellProblem, cell_text, typed

TOP_KEYS = {"title", "about", "standard_version", "sheet", "source_id", "organisation", "source_url", "fields",
            "ignore"}
RULE_KEYS = {"column", "columns", "join", "value", "values", "split", "if_invalid", "date_format", "note"}


class MappingError(Exception):
    """The mapping file itself is wrong; `problems` lists each thing to fix."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class Rule:
    key: str
    target: Target
    columns: list[str] = field(default_factory=list)
    join: str = "\n\n"
    value: object = None  # a fixed value instead of columns
    values: dict[str, object] = field(default_factory=dict)
    split: str = ";"
    leave_blank_if_invalid: bool = False
    date_formats: tuple[str, ...] = DATE_FORMATS


@dataclass
class Mapping:
    title: str
    rules: list[Rule]
    standard_version: str = "4.0"
    sheet: str = ""
    id_columns: list[str] = field(default_factory=list)
    id_otherwise: list[str] = field(default_factory=list)
    organisation_column: str = ""
    new_organisations: dict | None = None
    source_url_column: str = ""
    source_url: str = ""
    ignore: set[str] = field(default_factory=set)

    def used_columns(self) -> set[str]:
        used = {c for rule in self.rules for c in rule.columns} | set(self.id_columns) | set(self.id_otherwise)
        return used | {c for c in (self.organisation_column, self.source_url_column) if c}

    def parse(self, table: Table, check_length: bool) -> Parsed:
        """The rows of `table` read through this mapping: sources.parse hands a file uploaded with one here."""
        return parse_mapped(table, self, check_length)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def load_mapping(text: str | bytes) -> Mapping:
    """Read a mapping file. Raises MappingError listing every problem with it."""
    try:
        spec = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise MappingError([f"The mapping file is not valid JSON: {error}"]) from None
    if not isinstance(spec, dict):
        raise MappingError(["The mapping file must be a JSON object, as in docs/import-mapping.md."])
    problems = [f"“{key}” is not a setting of a mapping file." for key in spec if key not in TOP_KEYS]
    mapping = Mapping(title=str(spec.get("title") or "a mapping file"), rules=[])
    _read_settings(spec, mapping, problems)
    fields = spec.get("fields")
    if not isinstance(fields, dict) or not fields:
        problems.append("Give “fields”: an object naming, for each field, where its value comes from.")
        fields = {}
    for key, rule_spec in fields.items():
        rule = _read_rule(key, rule_spec, problems)
        if rule is not None:
            mapping.rules.append(rule)
    if not any(rule.key == "name" for rule in mapping.rules):
        problems.append("Map the field “name”: every record needs the name of the tool.")
    if problems:
        raise MappingError(problems)
    return mapping


def _read_settings(spec: dict, mapping: Mapping, problems: list[str]) -> None:
    version = spec.get("standard_version", "4.0")
    if version != "" and version not in STANDARD_VERSIONS:
        problems.append(f"“standard_version” must be one of {', '.join(STANDARD_VERSIONS)}, or \"\" for none.")
    mapping.standard_version = version if isinstance(version, str) else "4.0"
    mapping.sheet = str(spec.get("sheet") or "")
    ids = spec.get("source_id", {})
    if not isinstance(ids, dict) or not _strings(ids.get("columns", [])) or not _strings(ids.get("otherwise", [])):
        problems.append("“source_id” must be an object with a list of “columns” (and optionally “otherwise”).")
    else:
        mapping.id_columns, mapping.id_otherwise = ids.get("columns", []), ids.get("otherwise", [])
    organisation = spec.get("organisation", {})
    if not isinstance(organisation, dict) or not isinstance(organisation.get("column", ""), str):
        problems.append("“organisation” must be an object naming the “column” that holds the organisation.")
    else:
        mapping.organisation_column = organisation.get("column", "")
        mapping.new_organisations = _read_new_organisations(organisation.get("new"), problems)
    source_url = spec.get("source_url", {})
    if not isinstance(source_url, dict) or not all(isinstance(v, str) for v in source_url.values()):
        problems.append("“source_url” must be an object with a “column” or a fixed “value”.")
    else:
        mapping.source_url_column, mapping.source_url = source_url.get("column", ""), source_url.get("value", "")
    ignore = spec.get("ignore", [])
    if not _strings(ignore):
        problems.append("“ignore” must be a list of column names.")
    else:
        mapping.ignore = set(ignore)


def _read_new_organisations(new, problems: list[str]) -> dict | None:
    if new is None:
        return None
    types, regions = dict(ORGANISATION_TYPES), dict(REGIONS)
    if not isinstance(new, dict) or new.get("type") not in types or new.get("region", "") not in {"", *regions}:
        problems.append("“organisation.new” must give a “type” (one of " + ", ".join(types) + ") and may give a "
                        "“region” and a “slug_prefix”.")
        return None
    return {"org_type": new["type"], "region": new.get("region", ""), "slug_prefix": str(new.get("slug_prefix", ""))}


def _read_rule(key: str, spec, problems: list[str]) -> Rule | None:
    target = resolve_own(key)
    if target is None:
        problems.append(f"“{key}” is not a field of the register. Use the column names of the register's own CSV "
                        "export, such as name, phase or risks.1.name.")
        return None
    if not isinstance(spec, dict) or set(spec) - RULE_KEYS:
        problems.append(f"{key}: a field's mapping may only have " + ", ".join(sorted(RULE_KEYS)) + ".")
        return None
    sources = [k for k in ("column", "columns", "value") if k in spec]
    if len(sources) != 1:
        problems.append(f"{key}: give exactly one of “column”, “columns” or “value”.")
        return None
    rule = Rule(key, target)
    if "column" in spec:
        rule.columns = [spec["column"]] if isinstance(spec["column"], str) else []
    elif "columns" in spec:
        rule.columns = spec["columns"] if _strings(spec["columns"]) else []
    else:
        rule.value = spec["value"]
    if "value" not in spec and not rule.columns:
        problems.append(f"{key}: name the column or columns as text.")
    rule.join = str(spec.get("join", "\n\n"))
    rule.split = str(spec.get("split", ";"))
    rule.leave_blank_if_invalid = spec.get("if_invalid", "error") == "leave_blank"
    if spec.get("if_invalid", "error") not in ("error", "leave_blank"):
        problems.append(f"{key}: “if_invalid” must be \"error\" or \"leave_blank\".")
    if "date_format" in spec:
        rule.date_formats = (str(spec["date_format"]),)
    values = spec.get("values", {})
    if not isinstance(values, dict):
        problems.append(f"{key}: “values” must be an object from the file's words to the register's values.")
    else:
        rule.values = {_norm(k): v for k, v in values.items()}
        problems += _check_values(key, target, rule)
    return rule


def _check_values(key: str, target: Target, rule: Rule) -> list[str]:
    """Translated values must be real choices, so a mistake in the mapping shows before any row is read."""
    f = target.field
    if f.type not in (FieldType.CHOICE, FieldType.MULTI_CHOICE):
        return []
    wanted = [*rule.values.values(), *([rule.value] if rule.value is not None else [])]
    flat = [v for value in wanted for v in (value if isinstance(value, list) else [value])]
    bad = [v for v in flat if not isinstance(v, str) or (v and match_choice(f, v) is None)]
    return [f"{key}: “{v}” is not one of the options for {f.label.lower()}." for v in bad]


# --- Applying a mapping ------------------------------------------------------------------------------------------


def choose_sheet(table: Table, mapping: Mapping) -> Sheet | None:
    sheets = [s for s in table.sheets if s.header]
    if mapping.sheet:
        return next((s for s in sheets if s.name == mapping.sheet), None)
    return sheets[0] if sheets else None


def parse_mapped(table: Table, mapping: Mapping, check_length: bool) -> Parsed:
    parsed = Parsed(f"Columns mapped by {mapping.title}")
    sheet = choose_sheet(table, mapping)
    if sheet is None:
        parsed.problems.append(f"The workbook has no sheet called “{mapping.sheet}” with a header row."
                               if mapping.sheet else "The file has no header row naming its columns.")
        return parsed
    parsed.problems += header_problems(sheet)
    header = set(sheet.header)
    used = mapping.used_columns()
    parsed.problems += [f"The mapping uses the column “{c}”, which the file does not have." for c in
                        sorted(used - header)]
    parsed.problems += [f"Column “{c}” is not in the mapping. Map it to a field, or list it under “ignore” to "
                        "leave it out." for c in sheet.header if c and c not in used and c not in mapping.ignore]
    parsed.new_organisations = mapping.new_organisations
    for row in sheet.rows:
        if row.cells:
            parsed.rows.append(mapped_row(sheet, row, mapping, check_length))
    return parsed


def mapped_row(sheet: Sheet, row, mapping: Mapping, check_length: bool) -> ParsedRow:
    result = ParsedRow(f"Row {row.number}", row.number, version=mapping.standard_version)
    cells = row_cells(sheet, row, result, check_length)
    assembler = Assembler()
    for rule in mapping.rules:
        try:
            value = rule_value(rule, cells)
        except CellProblem as problem:
            result.problem(_where(rule), str(problem))
            continue
        if value is not None and rule.leave_blank_if_invalid and not rule.target.withheld:
            problem = value_error(rule.target.field, value)
            if problem:
                result.notes.append(f"{_where(rule)}: “{value}” was left out ({problem}).")
                value = None
        assembler.add(rule.target, value)
    result.data = assembler.result()
    result.touched = frozenset(assembler.touched)
    found = texts(cells, [*mapping.id_columns, *mapping.id_otherwise, mapping.organisation_column,
                          mapping.source_url_column], result)
    result.source_id = (_joined(found, mapping.id_columns) or _joined(found, mapping.id_otherwise)
                        or name_id(result.name))
    result.organisation = found.get(mapping.organisation_column, "") if mapping.organisation_column else ""
    result.meta["source_url"] = found.get(mapping.source_url_column, "") or mapping.source_url
    return result


def _where(rule: Rule) -> str:
    return f"{' + '.join(rule.columns)} (for {rule.key})" if rule.columns else rule.key


def _joined(found: dict[str, str], columns: list[str]) -> str:
    parts = [found.get(c, "") for c in columns]
    return "-".join(parts) if columns and all(parts) else ""


def rule_value(rule: Rule, cells: dict[str, str]):
    """The stored value one rule gives for a row, or None. Raises CellProblem."""
    if rule.value is not None:
        pieces = rule.value if isinstance(rule.value, list) else [rule.value]
        text = rule.split.join(str(p) for p in pieces)
    else:
        text = rule.join.join(part for part in (cell_text(cells.get(c, "")) for c in rule.columns) if part)
    if not text:
        return None
    f = rule.target.field
    if rule.values and f.type == FieldType.MULTI_CHOICE:
        parts = [p.strip() for p in re.split("|".join(map(re.escape, {rule.split, "\n"})), text) if p.strip()]
        translated = [rule.values.get(_norm(p), p) for p in parts]
        text = ";".join(v for t in translated for v in (t if isinstance(t, list) else [t]) if v)
    elif rule.values:
        translated = rule.values.get(_norm(text), text)
        text = ";".join(translated) if isinstance(translated, list) else str(translated)
    elif f.type == FieldType.MULTI_CHOICE and rule.split != ";":
        text = text.replace(rule.split, ";")
    if not text or rule.target.withheld:
        return text or None
    return typed(f, text, rule.date_formats)
