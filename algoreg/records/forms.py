"""The form for one section of a record, built from the field definition.

Input names follow the field keys: `key` for a field, `key-day`/`key-month`/`key-year` for dates,
`group-N-key` for a field of the Nth entry of a repeatable group (with `group-count` saying how many entries the page
showed), and `withheld-key` for the reason a field is withheld.
"""

from dataclasses import dataclass, field
from datetime import date

from django.http import QueryDict

from algoreg.standard.cleaning import clean_text, is_multiline
from algoreg.standard.fields import Field, FieldType, Section
from algoreg.standard.validation import WITHHELD, is_empty, value_error

MAX_ITEMS = 50


@dataclass
class Input:
    """One field as the template draws it: its HTML name, what to show in it and any error."""

    field: Field
    name: str
    value: object = None  # str, list of str, or for dates a dict of day, month and year
    error: str = ""
    withheld: str | None = None  # the reason, for fields that can be withheld; None when they cannot
    items: list[list["Input"]] = field(default_factory=list)  # repeatable groups: the inputs of each entry

    @property
    def id(self) -> str:
        return f"{self.name}-day" if self.field.type == FieldType.DATE else self.name


class SectionForm:
    def __init__(self, section: Section, version: str, data: dict, post: QueryDict | None = None):
        self.section = section
        self.version = version
        self.fields = [f for f in section.fields if f.applies_to(version)]
        self.errors: dict[str, str] = {}  # input id -> message
        self.raw: dict[str, object] = {}  # what was typed, for inputs that could not be understood
        if post is None:
            self.values = {f.key: data.get(f.key) for f in self.fields}
            self.withheld = {k: v for k, v in (data.get(WITHHELD) or {}).items() if k in self.keys}
        else:
            self.values = {f.key: self._read(f, f.key, post) for f in self.fields}
            self.withheld = {f.key: reason for f in self.fields
                             if f.withholdable and (reason := clean_text(post.get(f"withheld-{f.key}", "")))}

    @property
    def keys(self) -> set[str]:
        return {f.key for f in self.fields}

    # Reading what was posted ------------------------------------------------------------------------------------

    def _read(self, f: Field, name: str, post: QueryDict):
        if f.type == FieldType.GROUP:
            return self._read_group(f, post)
        value = self._parse(f, name, post)
        if not is_empty(value) and name not in self.errors and (problem := value_error(f, value)):
            self.errors[self._id(f, name)] = problem
        return value

    def _read_group(self, group: Field, post: QueryDict) -> list[dict]:
        count = _int(post.get(f"{group.key}-count"), default=0, limit=MAX_ITEMS)
        items = []
        for index in range(count):
            item = {sub.key: self._read(sub, f"{group.key}-{index}-{sub.key}", post) for sub in self._parts(group)}
            items.append({k: v for k, v in item.items() if not is_empty(v)})
        return items

    def _parse(self, f: Field, name: str, post: QueryDict):
        match f.type:
            case FieldType.MULTI_CHOICE:
                return [v for v in post.getlist(name) if v]
            case FieldType.DATE:
                return self._parse_date(f, name, post)
            case FieldType.NUMBER:
                return self._parse_number(f, name, post)
        return clean_text(post.get(name, ""), multiline=is_multiline(f))

    def _parse_date(self, f: Field, name: str, post: QueryDict) -> str | None:
        parts = {part: _clean(post.get(f"{name}-{part}", "")) for part in ("day", "month", "year")}
        if not any(parts.values()):
            return None
        try:
            return date(int(parts["year"]), int(parts["month"]), int(parts["day"])).isoformat()
        except ValueError:
            self.raw[name] = parts
            self.errors[f"{name}-day"] = f"{f.label} must be a real date, for example 27 3 2026"
            return None

    def _parse_number(self, f: Field, name: str, post: QueryDict) -> int | None:
        text = _clean(post.get(name, "")).replace(",", "")
        if not text:
            return None
        if text.isdigit() and len(text) < 16:
            return int(text)
        self.raw[name] = post.get(name, "")
        self.errors[name] = f"{f.label} must be a whole number, like 1200"
        return None

    def _parts(self, group: Field) -> list[Field]:
        return [sub for sub in group.fields if sub.applies_to(self.version)]

    @staticmethod
    def _id(f: Field, name: str) -> str:
        return f"{name}-day" if f.type == FieldType.DATE else name

    # Adding and removing entries of repeatable groups ------------------------------------------------------------

    def apply(self, action: str) -> str | None:
        """Carry out an 'add:group' or 'remove:group:N' button; returns the id to return the reader to."""
        verb, _, rest = action.partition(":")
        key, _, index = rest.partition(":")
        group = next((f for f in self.fields if f.key == key and f.is_group), None)
        if group is None:
            return None
        items = list(self.values.get(key) or [])
        if verb == "add" and len(items) < MAX_ITEMS:
            items.append({})
            self.values[key] = items
            return f"{key}-{len(items) - 1}"
        if verb == "remove" and index.isdigit() and int(index) < len(items):
            del items[int(index)]
            self.values[key] = items
            self.errors = {k: v for k, v in self.errors.items() if not k.startswith(f"{key}-")}
            return key
        return None

    # What to save ---------------------------------------------------------------------------------------------

    def updates(self) -> dict:
        """The section's values to merge into the draft, leaving out entries with nothing in them."""
        result = {}
        for f in self.fields:
            value = self.values.get(f.key)
            if f.is_group:
                value = [item for item in value or [] if any(not is_empty(v) for v in item.values())]
            result[f.key] = None if is_empty(value) else value
        return result

    # What to draw ---------------------------------------------------------------------------------------------

    def inputs(self) -> list[Input]:
        return [self._input(f, f.key, self.values.get(f.key), top=True) for f in self.fields]

    def _input(self, f: Field, name: str, value, top: bool = False) -> Input:
        withheld = self.withheld.get(f.key, "") if top and f.withholdable else None
        if f.type == FieldType.GROUP:
            entries = list(value or [])
            items = [[self._input(sub, f"{name}-{i}-{sub.key}", entry.get(sub.key)) for sub in self._parts(f)]
                     for i, entry in enumerate(entries)]
            return Input(f, name, len(entries), self.errors.get(name, ""), withheld, items)
        shown = self.raw.get(name, _shown(f, value))
        return Input(f, name, shown, self.errors.get(self._id(f, name), ""), withheld)

    def error_list(self) -> list[dict]:
        """For the GOV.UK error summary: each message with a link to its input."""
        return [{"text": message, "href": f"#{input_id}"} for input_id, message in self.errors.items()]


def _shown(f: Field, value):
    """A stored value as the input shows it."""
    if f.type == FieldType.DATE:
        try:
            d = date.fromisoformat(value)
            return {"day": str(d.day), "month": str(d.month), "year": str(d.year)}
        except (TypeError, ValueError):
            return {"day": "", "month": "", "year": ""}
    if f.type == FieldType.MULTI_CHOICE:
        return list(value or [])
    return "" if value is None else str(value)


def _clean(text: str) -> str:
    """A part of a date or a number, tidied as any single line of text."""
    return clean_text(text, multiline=False)


def _int(text: str | None, default: int, limit: int) -> int:
    try:
        return max(0, min(int(text or default), limit))
    except ValueError:
        return default
