"""Turns a published version into what the record page shows, following the field definition."""

from dataclasses import dataclass, field
from datetime import date

from algoreg.standard import vocabularies as vocab
from algoreg.standard.fields import FIELDS, Field, FieldType, sections_for
from algoreg.standard.validation import WITHHELD, is_empty

from .models import Record, RecordVersion


@dataclass
class Value:
    """One field's value, ready for a template: `kind` says how to show it."""

    field: Field
    kind: str  # "empty", "withheld", "text", "paragraphs", "link", "email", "list", "items"
    text: str = ""
    items: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.field.label


@dataclass
class DisplaySection:
    key: str
    title: str
    intro: str
    values: list[Value]

    @property
    def is_empty(self) -> bool:
        return all(v.kind == "empty" for v in self.values)


@dataclass
class RecordView:
    glance: list[tuple[str, Value]]
    sections: list[DisplaySection]


def display_value(f: Field, raw, withheld_reason: str | None = None) -> Value:
    if withheld_reason:
        return Value(f, "withheld", text=withheld_reason)
    if is_empty(raw):
        return Value(f, "empty")
    match f.type:
        case FieldType.LONG_TEXT:
            return Value(f, "paragraphs", items=[p.strip() for p in str(raw).split("\n\n") if p.strip()])
        case FieldType.URL:
            return Value(f, "link", text=str(raw))
        case FieldType.EMAIL:
            return Value(f, "email", text=str(raw))
        case FieldType.CHOICE:
            return Value(f, "text", text=f.choice_label(raw))
        case FieldType.MULTI_CHOICE:
            return Value(f, "list", items=[f.choice_label(v) for v in raw])
        case FieldType.DATE:
            return Value(f, "date", text=_date(raw))
        case FieldType.NUMBER:
            return Value(f, "text", text=f"{raw:,}" if isinstance(raw, int) else str(raw))
        case FieldType.GROUP:
            return Value(f, "items", items=[_item(f, item) for item in raw])
    return Value(f, "text", text=str(raw))


def _date(raw: str) -> str:
    try:
        return date.fromisoformat(raw).strftime("%-d %B %Y")
    except (TypeError, ValueError):
        return str(raw)


@dataclass
class Item:
    """One entry of a repeatable group, titled by its first short text (a name), showing only what was filled in."""

    title: str
    values: list[Value]


def _item(group: Field, item: dict) -> Item:
    title = next((str(item[s.key]) for s in group.fields if s.type == FieldType.TEXT and item.get(s.key)), "")
    values = [display_value(sub, item.get(sub.key)) for sub in group.fields if not is_empty(item.get(sub.key))]
    return Item(title, values)


# Fields every record page shows above the record itself: the name and the one-sentence description head the page,
# and the at-a-glance panel answers a resident's questions from the others.
HEADING = ("name", "one_sentence_description")
GLANCE = ("description", "senior_responsible_owner", "team", "human_involvement", "appeals_and_review", "appeal_url",
          "contact_email", "phase")


def present(record: Record, version: RecordVersion) -> RecordView:
    """What a record page shows of a published version. A full record shows every section, every field of it and
    "Not provided" where one is empty. A summary of a record published elsewhere shows only what it holds beyond
    the heading and the at-a-glance panel (often nothing)."""
    data = version.data
    withheld = data.get(WITHHELD) or {}
    sections = [
        DisplaySection(
            s.key, s.title, s.intro, [display_value(f, data.get(f.key), withheld.get(f.key)) for f in s.fields]
        )
        for s in sections_for(version.standard_version)
    ]
    if record.kind == Record.Kind.SUMMARY:
        sections = [section for section in map(_beyond_the_top, sections) if section.values]
    return RecordView(glance=at_a_glance(record, data, withheld), sections=sections)


def _beyond_the_top(section: DisplaySection) -> DisplaySection:
    """The section with only the filled fields the top of the page does not show already."""
    values = [v for v in section.values if v.kind != "empty" and v.field.key not in HEADING + GLANCE]
    return DisplaySection(section.key, section.title, section.intro, values)


def at_a_glance(record: Record, data: dict, withheld: dict) -> list[tuple[str, Value]]:
    """The plain-English summary that opens every record page. It shows the fields in GLANCE."""

    def value(key: str) -> Value:
        return display_value(FIELDS[key], data.get(key), withheld.get(key))

    responsible = ", ".join(
        part for part in (data.get("senior_responsible_owner"), data.get("team"), record.organisation.name) if part
    )
    involvement = data.get("human_involvement")
    rows = [
        ("What it does", value("description")),
        ("Who is responsible", Value(FIELDS["senior_responsible_owner"], "text", text=responsible)),
        (
            "Does a person make the decision?",
            Value(FIELDS["human_involvement"], "text", text=vocab.label_for(vocab.HUMAN_INVOLVEMENT, involvement))
            if involvement
            else Value(FIELDS["human_involvement"], "empty"),
        ),
        ("How to challenge an outcome", value("appeals_and_review")),
    ]
    if data.get("appeal_url"):
        rows.append(("Where to start a challenge", value("appeal_url")))
    rows.append(("Who to ask about it", value("contact_email")))
    rows.append(("Phase", value("phase")))
    return rows
