"""Comparing two published versions of a record, field by field, following the field definition.

Everything here works on plain data dicts and the definition, so it can be tested without a database. A change
knows its field, whether the value was added, removed or changed, and both values ready to show. Text gets a
word-level diff so a reader sees exactly which words went and which arrived.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from algoreg.standard.fields import SECTIONS, Field, FieldType, Section
from algoreg.standard.validation import WITHHELD, is_empty

from .display import Value, display_value

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
UNCHANGED = "unchanged"

# Text fields that get a word-level diff; other types are short enough to read whole.
WORD_DIFF_TYPES = (FieldType.TEXT, FieldType.LONG_TEXT)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Piece:
    """A run of text in a diff: `mark` is "ins" (added), "del" (removed) or "" (the same in both)."""

    text: str
    mark: str = ""


@dataclass(frozen=True)
class Change:
    """One field (or one part of a repeatable item) compared across two versions, ready for a template."""

    field: Field
    kind: str
    before: Value
    after: Value
    # The repeatable group this field belongs to, for the parts of an item.
    group: Field | None = None
    # Word- or option-level marks: paragraphs (or list entries) of pieces, for text and multiple choices.
    before_marked: list[list[Piece]] = field(default_factory=list)
    after_marked: list[list[Piece]] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.field.label

    @property
    def key(self) -> str:
        """The field's key in the definition, with its group's key in front for the parts of an item."""
        return f"{self.group.key}.{self.field.key}" if self.group else self.field.key


@dataclass(frozen=True)
class ItemChange:
    """One entry of a repeatable group (a risk, a model...) compared with its counterpart in the other version."""

    group: Field
    kind: str
    before_number: int | None
    after_number: int | None
    title: str
    changes: list[Change]

    @property
    def number(self) -> int:
        return self.after_number or self.before_number or 0

    @property
    def moved(self) -> bool:
        return bool(self.before_number and self.after_number and self.before_number != self.after_number)

    @property
    def changed_count(self) -> int:
        return sum(1 for c in self.changes if c.kind != UNCHANGED)


@dataclass(frozen=True)
class SectionComparison:
    """One section of the definition with its compared fields and items, in the definition's order."""

    key: str
    title: str
    entries: list[Change | ItemChange]

    @property
    def changed_count(self) -> int:
        return sum(_entry_count(e) for e in self.entries)


@dataclass(frozen=True)
class Comparison:
    """The whole comparison of two versions: sections in order, and how many fields changed."""

    sections: list[SectionComparison]

    @property
    def changed_count(self) -> int:
        return sum(s.changed_count for s in self.sections)

    @property
    def changed_keys(self) -> set[str]:
        """The definition keys of the top-level fields (and groups) that have any change."""
        return {_entry_field(e).key for s in self.sections for e in s.entries if _entry_count(e)}


def _entry_count(entry: Change | ItemChange) -> int:
    """How many fields changed in one entry: 1 or 0 for a field, the changed parts for an item."""
    if isinstance(entry, ItemChange):
        return entry.changed_count
    return 0 if entry.kind == UNCHANGED else 1


def _entry_field(entry: Change | ItemChange) -> Field:
    """The top-level field (or group) an entry belongs to."""
    return entry.group if isinstance(entry, ItemChange) else entry.field


# --- What to compare -------------------------------------------------------------------------------------------


def sections_to_compare(before_standard: str, after_standard: str) -> list[Section]:
    """The definition's sections in order, each with the fields either version's standard has."""
    result = []
    for s in SECTIONS:
        kept = tuple(f for f in s.fields if f.applies_to(before_standard) or f.applies_to(after_standard))
        if kept:
            result.append(Section(s.key, s.title, s.tier, s.intro, kept, s.ref))
    return result


def withheld_reasons(data: dict) -> dict:
    """The record's "withheld, with reason" map, or an empty one if it is missing or malformed."""
    withheld = data.get(WITHHELD)
    return withheld if isinstance(withheld, dict) else {}


def kind_of(before: Value, after: Value) -> str:
    """Added, removed, changed or unchanged, from what the record page shows of a field in each version."""
    if before == after:
        return UNCHANGED
    if before.kind == "empty":
        return ADDED
    if after.kind == "empty":
        return REMOVED
    return CHANGED


# --- Comparing -------------------------------------------------------------------------------------------------


def compare(before: dict, after: dict, before_standard: str, after_standard: str,
            include_unchanged: bool = False) -> Comparison:
    """Compare two versions' data field by field; by default keep only what changed."""
    before_withheld, after_withheld = withheld_reasons(before), withheld_reasons(after)
    sections = []
    for s in sections_to_compare(before_standard, after_standard):
        entries: list[Change | ItemChange] = []
        for f in s.fields:
            reasons = (before_withheld.get(f.key), after_withheld.get(f.key))
            entries.extend(compare_field(f, before.get(f.key), after.get(f.key), *reasons))
        if not include_unchanged:
            entries = [only_changes(e) for e in entries if _entry_count(e)]
        if entries:
            sections.append(SectionComparison(s.key, s.title, entries))
    return Comparison(sections)


def only_changes(entry: Change | ItemChange) -> Change | ItemChange:
    """An entry with its unchanged parts left out (an item keeps only the parts that changed)."""
    if isinstance(entry, ItemChange):
        return replace(entry, changes=[c for c in entry.changes if c.kind != UNCHANGED])
    return entry


def compare_field(f: Field, before_raw, after_raw, before_reason=None, after_reason=None) -> list[Change | ItemChange]:
    """The entries for one top-level field: one change, or one per item for a repeatable group shown on both sides."""
    if f.is_group and not before_reason and not after_reason:
        return compare_items(f, as_items(before_raw, f), as_items(after_raw, f))
    return [compare_value(f, before_raw, after_raw, before_reason, after_reason)]


def compare_value(f: Field, before_raw, after_raw, before_reason=None, after_reason=None,
                  group: Field | None = None) -> Change:
    """Compare what the record page shows of one field in each version, with word or option marks where they help.

    A withheld field shows only its reason, so a change to the value hidden behind it is neither shown nor counted.
    """
    if f.is_group:
        before_raw, after_raw = as_items(before_raw, f), as_items(after_raw, f)
    before, after = display_value(f, before_raw, before_reason), display_value(f, after_raw, after_reason)
    kind = kind_of(before, after)
    marks = marked(f, before, after, before_raw, after_raw) if kind == CHANGED else ([], [])
    return Change(f, kind, before, after, group, *marks)


def marked(f: Field, before: Value, after: Value, before_raw, after_raw) -> tuple[list[list[Piece]], list[list[Piece]]]:
    """Word marks for text and withheld reasons, option marks for multiple choices; nothing for other types."""
    if before.kind == "withheld" and after.kind == "withheld":
        return word_diff(str(before.text), str(after.text))
    if "withheld" in (before.kind, after.kind):
        return [], []
    if f.type in WORD_DIFF_TYPES and isinstance(before_raw, str) and isinstance(after_raw, str):
        return word_diff(before_raw, after_raw)
    if f.type == FieldType.MULTI_CHOICE and isinstance(before_raw, list) and isinstance(after_raw, list):
        return choice_diff(f, before_raw, after_raw)
    return [], []


# --- Repeatable groups -----------------------------------------------------------------------------------------


def as_items(raw, group: Field) -> list[dict]:
    """A group's entries as a list of dicts, ignoring anything malformed and entries with nothing filled in."""
    if not isinstance(raw, list):
        return []
    return [item for item in raw if isinstance(item, dict) and any(not is_empty(item.get(s.key)) for s in group.fields)]


def item_fingerprint(group: Field, item: dict) -> str:
    """A stable text form of an entry's filled-in parts, so equal entries can be matched up."""
    return json.dumps({s.key: item.get(s.key) for s in group.fields if not is_empty(item.get(s.key))},
                      sort_keys=True, default=str)


def align_items(group: Field, before: list[dict], after: list[dict]) -> list[tuple[int | None, int | None]]:
    """Pair up entries across versions (indexes, None where an entry was added or removed), keeping list order.

    Unchanged entries are matched wherever they moved to, so removing the first risk does not make every later risk
    look changed; the remaining entries are paired in order.
    """
    matcher = SequenceMatcher(None, [item_fingerprint(group, i) for i in before],
                              [item_fingerprint(group, i) for i in after], autojunk=False)
    pairs: list[tuple[int | None, int | None]] = []
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        paired = min(len(olds), len(news))
        pairs.extend(zip(olds[:paired], news[:paired], strict=True))
        pairs.extend((i, None) for i in olds[paired:])
        pairs.extend((None, j) for j in news[paired:])
    return pairs


def item_title(group: Field, item: dict) -> str:
    """An entry's name: its first filled-in short text, as on the record page."""
    return next((str(item[s.key]) for s in group.fields if s.type == FieldType.TEXT and item.get(s.key)), "")


def compare_items(group: Field, before: list[dict], after: list[dict]) -> list[ItemChange]:
    """Compare a group's entries one by one, and each entry part by part."""
    result = []
    for i, j in align_items(group, before, after):
        old = before[i] if i is not None else {}
        new = after[j] if j is not None else {}
        changes = [compare_value(sub, old.get(sub.key), new.get(sub.key), group=group) for sub in group.fields]
        shown = [c for c in changes if not (is_empty(old.get(c.field.key)) and is_empty(new.get(c.field.key)))]
        title = item_title(group, new) or item_title(group, old)
        result.append(ItemChange(group, item_kind(i, j, changes), None if i is None else i + 1,
                                 None if j is None else j + 1, title, shown))
    return result


def item_kind(before_index: int | None, after_index: int | None, changes: list[Change]) -> str:
    """Added or removed when the entry is on one side only, otherwise changed if any part changed."""
    if before_index is None:
        return ADDED
    if after_index is None:
        return REMOVED
    return CHANGED if any(c.kind != UNCHANGED for c in changes) else UNCHANGED


# --- Word and option marks -------------------------------------------------------------------------------------


def word_pieces(before: str, after: str) -> tuple[list[Piece], list[Piece]]:
    """Diff two texts word by word: the before side marks removed words, the after side added ones."""
    old, new = TOKENS.findall(before), TOKENS.findall(after)
    before_side: list[Piece] = []
    after_side: list[Piece] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new).get_opcodes():
        if tag == "equal":
            before_side.append(Piece("".join(old[i1:i2])))
            after_side.append(Piece("".join(new[j1:j2])))
            continue
        before_side.extend(marked_piece("".join(old[i1:i2]), "del"))
        after_side.extend(marked_piece("".join(new[j1:j2]), "ins"))
    return merge_pieces(before_side), merge_pieces(after_side)


def marked_piece(text: str, mark: str) -> list[Piece]:
    """A marked run of words, with the spaces around it left unmarked."""
    core = text.strip()
    if not core:
        return [Piece(text)] if text else []
    start = text.index(core)
    parts = [Piece(text[:start]), Piece(core, mark), Piece(text[start + len(core):])]
    return [p for p in parts if p.text]


def merge_pieces(pieces: list[Piece]) -> list[Piece]:
    """Join neighbouring pieces with the same mark, and marked words kept apart only by a space."""
    result: list[Piece] = []
    for piece in pieces:
        if result and result[-1].mark == piece.mark:
            result[-1] = Piece(result[-1].text + piece.text, piece.mark)
        elif len(result) > 1 and piece.mark and result[-2].mark == piece.mark and _is_space(result[-1].text):
            result[-2:] = [Piece(result[-2].text + result[-1].text + piece.text, piece.mark)]
        else:
            result.append(piece)
    return result


def _is_space(text: str) -> bool:
    """True for spaces within a paragraph (a blank line ends a paragraph, so it is not joined over)."""
    return not text.strip() and not PARAGRAPH_BREAK.search(text)


def paragraphs(pieces: list[Piece]) -> list[list[Piece]]:
    """Split a run of pieces into paragraphs at blank lines, dropping marks on bare spaces that nobody could see."""
    result: list[list[Piece]] = [[]]
    for piece in pieces:
        for n, part in enumerate(PARAGRAPH_BREAK.split(piece.text)):
            if n:
                result.append([])
            if part:
                result[-1].append(Piece(part, piece.mark if part.strip() else ""))
    return [_trim(p) for p in result if any(piece.text.strip() for piece in p)]


def _trim(paragraph: list[Piece]) -> list[Piece]:
    """A paragraph without leading or trailing spaces."""
    while paragraph and not paragraph[0].text.strip():
        paragraph = paragraph[1:]
    while paragraph and not paragraph[-1].text.strip():
        paragraph = paragraph[:-1]
    return paragraph


def word_diff(before: str, after: str) -> tuple[list[list[Piece]], list[list[Piece]]]:
    """Both sides of a word-level diff, as paragraphs of marked pieces."""
    before_side, after_side = word_pieces(before, after)
    return paragraphs(before_side), paragraphs(after_side)


def choice_diff(f: Field, before: list, after: list) -> tuple[list[list[Piece]], list[list[Piece]]]:
    """Each side's options as a list, marking options that were dropped or newly chosen."""
    before_side = [[Piece(f.choice_label(v), "" if v in after else "del")] for v in before]
    after_side = [[Piece(f.choice_label(v), "" if v in before else "ins")] for v in after]
    return before_side, after_side
