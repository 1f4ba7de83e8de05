"""What the index holds for a record, derived from the field definition: its text in three weights, and the values
of every filter.

- name: the tool's name;
- summary: the one-sentence description and "what the tool does and why";
- rest: every other text field the record's standard version has, including the text fields of repeatable items
  (models, datasets, risks, impact assessments, suppliers...), and the organisation's name.
"""

from dataclasses import dataclass, field

from algoreg.records.models import Record, RecordVersion
from algoreg.standard.fields import FIELDS, Field, FieldType
from algoreg.standard.validation import is_empty

TEXT_TYPES = (FieldType.TEXT, FieldType.LONG_TEXT)
NAME_FIELDS = ("name",)
SUMMARY_FIELDS = ("one_sentence_description", "description")
NOT_STATED = "not-stated"


@dataclass
class Passage:
    """One piece of a record's text and the field (with the item, for repeatable ones) it came from."""

    label: str
    text: str


@dataclass
class Document:
    record_id: int
    version_id: int | None
    listed: bool
    name: list[Passage] = field(default_factory=list)
    summary: list[Passage] = field(default_factory=list)
    rest: list[Passage] = field(default_factory=list)
    facets: dict[str, list[str]] = field(default_factory=dict)
    published_at: object = None
    sort_name: str = ""

    @property
    def weights(self) -> tuple[list[Passage], list[Passage], list[Passage]]:
        return self.name, self.summary, self.rest


def text_fields(version: str) -> list[tuple[Field, Field | None]]:
    """(field, item field) for every text field a record of `version` has, in the definition's order."""
    found = []
    for f in FIELDS.values():
        if not f.applies_to(version):
            continue
        if f.type in TEXT_TYPES:
            found.append((f, None))
        elif f.is_group:
            found.extend((f, sub) for sub in f.fields if sub.type in TEXT_TYPES and sub.applies_to(version))
    return found


def passages(data: dict, version: str, organisation_name: str = "") -> tuple[list, list, list]:
    """The record's text split into name, summary and the rest."""
    name, summary, rest = [], [], []
    for f, sub in text_fields(version):
        value = data.get(f.key)
        if is_empty(value):
            continue
        if sub is None:
            target = name if f.key in NAME_FIELDS else summary if f.key in SUMMARY_FIELDS else rest
            target.append(Passage(f.label, str(value)))
            continue
        for n, item in enumerate(value if isinstance(value, list) else [], start=1):
            if isinstance(item, dict) and not is_empty(item.get(sub.key)):
                rest.append(Passage(f"{f.item_name.capitalize()} {n}: {sub.label.lower()}", str(item[sub.key])))
    if organisation_name:
        rest.append(Passage("Organisation", organisation_name))
    return name, summary, rest


def has_published_impact_assessment(data: dict) -> bool:
    """True when the record lists at least one impact assessment with a link to it."""
    items = data.get("impact_assessments")
    return isinstance(items, list) and any(isinstance(i, dict) and not is_empty(i.get("url")) for i in items)


def facet_values(record: Record, data: dict, standard_version: str) -> dict[str, list[str]]:
    organisation = record.organisation
    regions = {v for v in (data.get("region") or []) if isinstance(v, str)}
    regions |= {v for v in (organisation.region, _nation_slug(organisation.nation)) if v}
    phase = "retired" if record.status == Record.Status.RETIRED else data.get("phase") or NOT_STATED
    return {
        "organisation": [str(organisation.pk)],
        "organisation_type": [organisation.council_type or organisation.org_type or NOT_STATED],
        "region": sorted(regions),
        "phase": [phase if isinstance(phase, str) else NOT_STATED],
        "function": sorted({v for v in (data.get("function") or []) if isinstance(v, str)}),
        "capability": sorted({v for v in (data.get("capability") or []) if isinstance(v, str)}),
        "human_involvement": [data.get("human_involvement") or NOT_STATED],
        "impact_assessment": ["yes" if has_published_impact_assessment(data) else "no"],
        "standard_version": [standard_version or NOT_STATED],
    }


def _nation_slug(nation: str) -> str:
    return nation.strip().lower().replace(" ", "-") if nation else ""


def document_for(record: Record, version: RecordVersion | None = None) -> Document:
    """The search document of a record as it is now: listed with its current version's text, or not listed."""
    if not record.is_listed:
        return Document(record.pk, None, False)
    version = version or record.current_version
    data = version.data if isinstance(version.data, dict) else {}
    name, summary, rest = passages(data, version.standard_version, record.organisation.name)
    if not name and record.name:
        name = [Passage("Name of the tool", record.name)]
    return Document(
        record.pk, version.pk, True, name, summary, rest,
        facets=facet_values(record, data, version.standard_version),
        published_at=record.last_published_at or version.published_at,
        sort_name=(record.name or data.get("name") or "").casefold(),
    )
