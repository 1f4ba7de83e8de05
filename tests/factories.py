"""Test data built from the field definition, so tests never list the record's fields themselves."""

from algoreg.organisations.models import Organisation
from algoreg.records.models import Record
from algoreg.records.publishing import publish
from algoreg.standard.fields import Field, FieldType, sections_for

SAMPLE = {
    FieldType.TEXT: "Sample text",
    FieldType.LONG_TEXT: "A longer sample.\n\nWith a second paragraph.",
    FieldType.URL: "https://www.example-borough.example/page",
    FieldType.EMAIL: "team@example-borough.example",
    FieldType.DATE: "2026-03-01",
    FieldType.NUMBER: 1200,
}


def sample_value(f: Field, version: str = "4.0"):
    if f.key == "companies_house_number":
        return "01234567"
    if f.type == FieldType.CHOICE:
        return f.choices[0][0]
    if f.type == FieldType.MULTI_CHOICE:
        return [f.choices[0][0]]
    if f.type == FieldType.GROUP:
        return [{sub.key: sample_value(sub, version) for sub in f.fields if sub.applies_to(version)}]
    return SAMPLE[f.type]


def complete_data(version: str = "4.0", **overrides) -> dict:
    """A record with every field of `version` filled in."""
    data = {f.key: sample_value(f, version) for s in sections_for(version) for f in s.fields}
    return {**data, **overrides}


def make_organisation(name: str = "Example Borough Council", **kwargs) -> Organisation:
    slug = kwargs.pop("slug", name.lower().replace(" ", "-"))
    defaults = {"org_type": "local-authority", "council_type": "london-borough", "region": "london"}
    return Organisation.objects.create(name=name, slug=slug, **{**defaults, **kwargs})


def make_published_record(organisation: Organisation, version: str = "4.0", **overrides) -> Record:
    record = Record.objects.create(organisation=organisation)
    publish(record, complete_data(version, **overrides), version, "First published.")
    return record

