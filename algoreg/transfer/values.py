"""Turning the text of one cell into the value a record stores, with a plain-English problem when it cannot be."""

from __future__ import annotations

import re
from datetime import date, datetime

from algoreg.standard.cleaning import clean_text
from algoreg.standard.fields import Field, FieldType
from algoreg.standard.validation import WITHHELD

from .cells import looks_like_formula, unescape
from .layout import Target, match_choice, text_as_items

FORMULA = "This cell holds a spreadsheet formula (it starts with “=”). Put the text or value itself in the cell instead"
MULTI_SPLIT = re.compile(r"[;|\n]")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")


class CellProblem(Exception):
    """What is wrong with one cell, in words for the person who wrote the file."""


def cell_text(raw: str) -> str:
    """A raw cell as text the register keeps: formulas refused, the export's apostrophe removed, text tidied."""
    if looks_like_formula(raw):
        raise CellProblem(FORMULA)
    return clean_text(unescape(raw))


def parse_date(text: str, formats: tuple[str, ...] = DATE_FORMATS) -> str:
    candidate = text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$", text) else text
    for fmt in formats:
        try:
            return datetime.strptime(candidate, fmt).date().isoformat()
        except ValueError:
            continue
    raise CellProblem(f"“{text}” is not a real date. Write dates as YYYY-MM-DD, for example 2026-03-27")


def parse_number(text: str) -> int:
    plain = text.replace(",", "").replace(" ", "")
    if plain.endswith(".0"):
        plain = plain[:-2]
    if not plain.isdigit():
        raise CellProblem(f"“{text}” is not a whole number")
    return int(plain)


def parse_choice(f: Field, text: str) -> str:
    value = match_choice(f, text)
    if value is None:
        options = "; ".join(label for _, label in f.choices)
        raise CellProblem(f"“{text}” is not one of the options for {f.label.lower()} ({options})")
    return value


def parse_choices(f: Field, text: str) -> list[str]:
    values, unknown = [], []
    for part in (p.strip() for p in MULTI_SPLIT.split(text)):
        if not part:
            continue
        value = match_choice(f, part)
        if value is None:
            unknown.append(f"“{part}”")
        elif value not in values:
            values.append(value)
    if unknown:
        options = "; ".join(label for _, label in f.choices)
        raise CellProblem(f"{', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} not among the options for "
                          f"{f.label.lower()} ({options})")
    return values


def typed(f: Field, text: str, date_formats: tuple[str, ...] = DATE_FORMATS):
    """The stored value of a field from tidy, non-empty text."""
    if f.type == FieldType.NUMBER:
        return parse_number(text)
    if f.type == FieldType.DATE:
        return parse_date(text, date_formats)
    if f.type == FieldType.CHOICE:
        return parse_choice(f, text)
    if f.type == FieldType.MULTI_CHOICE:
        return parse_choices(f, text) or None
    return text


def group_from_text(group: Field, text: str) -> list[dict]:
    """A repeatable group written as one piece of text (ATRS): items back from the export's shape, converted."""
    items, _ = text_as_items(group, text)
    subs = {sub.key: sub for sub in group.fields}
    result = []
    for item in items:
        converted = {}
        for key, value in item.items():
            value = clean_text(value)
            if value:
                converted[key] = typed(subs[key], value)
        if converted:
            result.append(converted)
    return result


def target_value(target: Target, text: str, date_formats: tuple[str, ...] = DATE_FORMATS):
    """The stored value for a column's tidy text, or None when the text is empty."""
    if not text:
        return None
    if target.withheld:
        return text
    if target.as_text:
        return group_from_text(target.field, text) or None
    return typed(target.field, text, date_formats)


class Assembler:
    """Builds one record's content from (column target, value) pairs, in any order."""

    def __init__(self):
        self.data: dict = {}
        self.withheld: dict[str, str] = {}
        self.items: dict[str, dict[int, dict]] = {}
        self.touched: set[str] = set()

    def add(self, target: Target, value) -> None:
        if target.withheld:
            self.touched.add(WITHHELD)
            if value is not None:
                self.withheld[target.field.key] = value
            return
        self.touched.add(target.key)
        if target.group is not None:
            item = self.items.setdefault(target.group.key, {}).setdefault(target.index, {})
            if value is not None:
                item[target.field.key] = value
        elif value is not None:
            self.data[target.field.key] = value

    def result(self) -> dict:
        data = dict(self.data)
        for key, items in self.items.items():
            filled = [items[index] for index in sorted(items) if items[index]]
            if filled:
                data[key] = filled
        if self.withheld:
            data[WITHHELD] = dict(self.withheld)
        return data


def is_iso_date(value) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True
