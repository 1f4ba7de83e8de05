"""Column layouts of the exports, all derived from the field definition in algoreg.standard.fields.

The register's own layout (CSV, and XLSX split into one sheet per section) has one row per record:

- the record's metadata columns (META_COLUMNS);
- one column per field, named by its key (`name`, `phase`); several choices in one cell are separated by "; ";
- repeatable items as numbered columns, `risks.1.name`, `risks.1.category`, `risks.2.name`…, as many as the record
  with the most items needs (at least one set);
- `withheld.<key>` after a field, holding the reason it is not published, for fields some exported record withholds.

The ATRS 4.0 layout uses each field's ATRS 4.0 key, and GOV.UK's labels for choices. Groups that ATRS 4.0 keeps in
one free-text field (impact assessments, risks) are written as readable text; groups that ATRS repeats per item (third
parties, models, development data) are numbered `model_name.1`, `model_name.2`…. After the standard's columns come
`register.` columns for everything the template has no column for (our extensions, fields of earlier versions, a
dataset's name, the record's standard version), in the register's own layout, so the file imports back without loss.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from algoreg.standard import vocabularies as vocab
from algoreg.standard.fields import FIELDS, SECTIONS, Field, FieldType, field_for_atrs_key
from algoreg.standard.validation import WITHHELD

MULTI_SEPARATOR = "; "
WITHHELD_PREFIX = "Not published: "  # how the ATRS layout shows a withheld field, followed by the reason
ATRS_VERSION = "4.0"

# Columns that describe the record rather than its content, in the order they are written.
META_COLUMNS = (
    "id", "url", "organisation", "organisation_slug", "organisation_type", "kind", "status", "standard_version",
    "version", "published_at", "first_published_at", "change_note", "source_url", "retired_at", "retired_reason",
)
# Columns of the ATRS layout that describe the record (keys from fields.METADATA_KEYS).
ATRS_META_COLUMNS = ("id", "organisation_name", "organisation_type")
# The ATRS layout's extra columns, after the standard's: this register's own, which GOV.UK ignores.
EXTRA_PREFIX = "register."
EXTRA_VERSION_COLUMN = f"{EXTRA_PREFIX}standard_version"
# Together these mark a file as one of this register's own exports.
OWN_MARKERS = frozenset({"id", "kind", "organisation_slug"})

ITEM_COLUMN = re.compile(r"^(?P<group>[a-z0-9_]+)\.(?P<index>\d+)\.(?P<field>[a-z0-9_]+)$")
NUMBERED_COLUMN = re.compile(r"^(?P<key>[a-z0-9_]+)\.(?P<index>\d+)$")


@dataclass(frozen=True)
class Target:
    """Where the value of one column goes in a record's content."""

    field: Field  # the field itself, or for an item the field within the item
    group: Field | None = None
    index: int = 0  # item number, counted from 1
    withheld: bool = False
    as_text: bool = False  # a whole repeatable group written as one piece of text

    @property
    def key(self) -> str:
        """The top-level key of the content this column sets."""
        return self.group.key if self.group else self.field.key


def group_fields() -> list[Field]:
    return [f for f in FIELDS.values() if f.is_group]


def withholdable_fields() -> list[Field]:
    return [f for f in FIELDS.values() if f.withholdable]


# --- The register's own layout ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """What the exported records hold that decides the columns: items per group and which fields are withheld."""

    items: dict[str, int]
    withheld: frozenset[str] = frozenset()

    def count(self, group: Field) -> int:
        return max(self.items.get(group.key, 0), 1)

    @classmethod
    def of(cls, data: dict) -> Shape:
        """The shape of one record's content: the length of every list in it and every key it withholds. Lists
        that are not groups are counted too, so a stored shape stays right whatever the field definition becomes."""
        withheld = data.get(WITHHELD)
        return cls(items={key: len(value) for key, value in data.items() if isinstance(value, list) and value},
                   withheld=frozenset(withheld if isinstance(withheld, dict) else ()))

    @property
    def key(self) -> str:
        """The shape as short text, the same for the same shape. Each record keeps the key of its content
        (Record.content_shape) and of all its versions together (Record.history_shape), so an export works out its
        columns from the few different keys among its records instead of reading every record's content."""
        return json.dumps([self.items, sorted(self.withheld)], sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_keys(cls, keys: Iterable[str]) -> Shape:
        """The smallest shape that holds every shape given by key (blank keys are skipped)."""
        items: dict[str, int] = {}
        withheld: set[str] = set()
        for key in keys:
            if key:
                counts, keys_withheld = json.loads(key)
                for name, count in counts.items():
                    items[name] = max(items.get(name, 0), count)
                withheld.update(keys_withheld)
        return cls(items, frozenset(withheld))


def field_columns(f: Field, shape: Shape) -> Iterator[tuple[str, Target]]:
    if f.is_group:
        for index in range(1, shape.count(f) + 1):
            for sub in f.fields:
                yield f"{f.key}.{index}.{sub.key}", Target(sub, f, index)
    else:
        yield f.key, Target(f)
    if f.key in shape.withheld:
        yield f"withheld.{f.key}", Target(f, withheld=True)


def own_columns(shape: Shape, fields: list[Field] | None = None) -> list[tuple[str, Target]]:
    """The content columns of the register's own layout, in field-definition order."""
    return [column for f in (fields or FIELDS.values()) for column in field_columns(f, shape)]


def own_header(shape: Shape) -> list[str]:
    return [*META_COLUMNS, *(name for name, _ in own_columns(shape))]


def section_columns(shape: Shape) -> list[tuple[str, str, list[tuple[str, Target]]]]:
    """(sheet name, section title, columns) for each section: the XLSX layout. Sheet names hold at most 31
    characters, so a longer section title gives way to the section's key."""
    return [(s.title if len(s.title) <= 31 else s.key, s.title, own_columns(shape, list(s.fields))) for s in SECTIONS]


def resolve_own(column: str) -> Target | None:
    """The target of a column of the register's own layout, or None if it is not one."""
    if column.startswith("withheld."):
        f = FIELDS.get(column.removeprefix("withheld."))
        return Target(f, withheld=True) if f and f.withholdable else None
    if match := ITEM_COLUMN.match(column):
        group = FIELDS.get(match["group"])
        sub = next((s for s in group.fields if s.key == match["field"]), None) if group else None
        index = int(match["index"])
        return Target(sub, group, index) if sub and 1 <= index <= 1000 else None
    f = FIELDS.get(column)
    return Target(f) if f and not f.is_group else None


# --- Values in cells -------------------------------------------------------------------------------------------


def cell_text(f: Field, value, labels: bool = False) -> str:
    """A field's stored value as cell text: choices as their codes (or as GOV.UK labels them), several choices joined
    by '; '."""
    if value is None or value == "" or value == []:
        return ""
    if f.type == FieldType.MULTI_CHOICE:
        return MULTI_SEPARATOR.join(f.standard_label(v) if labels else v for v in value)
    if f.type == FieldType.CHOICE and labels:
        return f.standard_label(value)
    return str(value)


def target_value(data: dict, target: Target):
    """The stored value a column shows for one record's content."""
    if target.withheld:
        return (data.get(WITHHELD) or {}).get(target.field.key)
    if target.group is None:
        return data.get(target.field.key)
    items = data.get(target.group.key) or []
    if target.index > len(items) or not isinstance(items[target.index - 1], dict):
        return None
    return items[target.index - 1].get(target.field.key)


def own_cells(data: dict, columns: list[tuple[str, Target]]) -> list[str]:
    return [cell_text(t.field, target_value(data, t)) if not t.withheld else (target_value(data, t) or "")
            for _, t in columns]


# --- The ATRS 4.0 layout ---------------------------------------------------------------------------------------


def atrs_columns(shape: Shape) -> list[tuple[str, Target]]:
    """Content columns keyed as in the ATRS 4.0 template."""
    columns = []
    for f in FIELDS.values():
        key = f.atrs_key(ATRS_VERSION)
        if key and f.is_group:
            columns.append((key, Target(f, as_text=True)))
        elif key:
            columns.append((key, Target(f)))
        elif f.is_group:
            keyed = [(sub.atrs_key(ATRS_VERSION), sub) for sub in f.fields if sub.atrs_key(ATRS_VERSION)]
            for index in range(1, shape.count(f) + 1) if keyed else ():
                columns += [(f"{sub_key}.{index}", Target(sub, f, index)) for sub_key, sub in keyed]
    return columns


def in_atrs(f: Field) -> bool:
    return f.atrs_key(ATRS_VERSION) is not None


def extra_columns(shape: Shape) -> list[tuple[str, Target]]:
    """The register's own columns for what the ATRS 4.0 template has no column for, named `register.<own column>`:
    fields it lacks, the item fields it lacks in groups it numbers (a dataset's name), and the reasons such a group
    is withheld."""
    columns = []
    for f in FIELDS.values():
        if in_atrs(f):
            continue  # a withheld field shows its reason in its own cell
        numbered = f.is_group and any(in_atrs(sub) for sub in f.fields)
        columns += [(EXTRA_PREFIX + name, target) for name, target in field_columns(f, shape)
                    if not (numbered and not target.withheld and in_atrs(target.field))]
    return columns


def resolve_extra(column: str) -> Target | None:
    """The target of one of the ATRS layout's `register.` columns, or None if it is not one."""
    return resolve_own(column.removeprefix(EXTRA_PREFIX)) if column.startswith(EXTRA_PREFIX) else None


def group_as_text(group: Field, items: list[dict]) -> str:
    """Repeatable items as readable text, one block per item: 'Risk 1', then 'Label: value' lines."""
    blocks = []
    for number, item in enumerate(items, 1):
        lines = [f"{group.item_name.capitalize()} {number}"]
        lines += [f"{sub.label}: {cell_text(sub, item.get(sub.key), labels=True)}"
                  for sub in group.fields if item.get(sub.key) not in (None, "", [])]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def atrs_cells(data: dict, columns: list[tuple[str, Target]]) -> list[str]:
    cells = []
    withheld = data.get(WITHHELD) or {}
    for _, target in columns:
        if target.group is None and target.field.key in withheld:
            cells.append(f"{WITHHELD_PREFIX}{withheld[target.field.key]}")
        elif target.as_text:
            cells.append(group_as_text(target.field, data.get(target.field.key) or []))
        else:
            cells.append(cell_text(target.field, target_value(data, target), labels=True))
    return cells


def text_as_items(group: Field, text: str) -> tuple[list[dict], bool]:
    """Items back from `group_as_text`; (items, True) when the text has that shape, else one item holding the text."""
    heading = re.compile(rf"^{re.escape(group.item_name)} (\d+)$", re.IGNORECASE)
    labels = {sub.label.lower(): sub for sub in group.fields}
    items: list[dict] = []
    current: dict | None = None
    last: Field | None = None
    for line in text.split("\n"):
        if heading.match(line.strip()):
            current, last = {}, None
            items.append(current)
            continue
        label, sep, rest = line.partition(": ")
        if current is not None and sep and label.strip().lower() in labels:
            last = labels[label.strip().lower()]
            current[last.key] = rest
        elif current is not None and last is not None:
            current[last.key] += "\n" + line
        elif line.strip():
            return [{first_long_text(group).key: text}], False
    return items, True


def first_long_text(group: Field) -> Field:
    return next((sub for sub in group.fields if sub.type == FieldType.LONG_TEXT), group.fields[0])


def resolve_atrs(version: str, column: str) -> Target | None:
    """The target of a column keyed as in `version` of the ATRS template ('model_name.2' is the second model)."""
    key, index = column, 1
    if match := NUMBERED_COLUMN.match(column):
        key, index = match["key"], int(match["index"])
    f = field_for_atrs_key(version, key)
    if f is None or not 1 <= index <= 1000:
        return None
    if f.key in FIELDS and FIELDS[f.key] is f:
        return Target(f, as_text=f.is_group)
    group = next(g for g in group_fields() if any(sub is f for sub in g.fields))
    return Target(f, group, index)


# --- Choices -----------------------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def match_choice(f: Field, text: str) -> str | None:
    """The stored value for a choice written as its code, its label or GOV.UK's label, in any case; None if it is
    none of them."""
    wanted = _norm(text)
    for value, label in f.choices:
        if wanted in (_norm(value), _norm(label), _norm(f.standard_label(value))):
            return value
    return None


def choice_list(f: Field) -> str:
    return ", ".join(label for _, label in f.choices)


ORGANISATION_TYPES = dict(vocab.ORGANISATION_TYPES)
