"""Every published field of a record is on its public page, walked from the field definition: a resident sees all
that the API and the downloads give, including whom to contact."""

import html as html_lib
import re
from datetime import date

import pytest

from algoreg.records.models import Record
from algoreg.records.publishing import publish
from algoreg.standard.fields import Field, FieldType, sections_for
from algoreg.standard.vocabularies import STANDARD_VERSIONS

pytestmark = pytest.mark.django_db

ROW = re.compile(r'<dt class="govuk-summary-list__key">(.*?)</dt>\s*<dd class="govuk-summary-list__value">(.*?)</dd>',
                 re.S)


def text(fragment: str) -> str:
    """What a reader sees of some HTML: the words without the tags, spaces as one."""
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def rows(page: str) -> list[tuple[str, str]]:
    """Every (label, value) row of the page's summary lists, as a reader sees them."""
    return [(text(key), text(value)) for key, value in ROW.findall(page)]


def distinct_value(f: Field, path: str):
    """A value of the field that no other field has, so finding it on the page proves this field is shown."""
    match f.type:
        case FieldType.TEXT:
            return "01234567" if f.key == "companies_house_number" else f"Text of {path}"
        case FieldType.LONG_TEXT:
            return f"First paragraph of {path}.\n\nSecond paragraph of {path}."
        case FieldType.URL:
            return f"https://www.example-borough.example/{path}"
        case FieldType.EMAIL:
            return f"{path}@example-borough.example"
        case FieldType.DATE:
            return "2026-03-01"
        case FieldType.NUMBER:
            return 1200
        case FieldType.CHOICE:
            return f.choices[-1][0]
        case FieldType.MULTI_CHOICE:
            return [value for value, _ in f.choices[:2]]
    return [{sub.key: distinct_value(sub, f"{path}.{sub.key}") for sub in f.fields}]


def as_shown(f: Field, value) -> list[str]:
    """How the page shows a value: choices by their labels, dates and numbers as people write them."""
    match f.type:
        case FieldType.LONG_TEXT:
            return [part.strip() for part in value.split("\n\n")]
        case FieldType.DATE:
            return [date.fromisoformat(value).strftime("%-d %B %Y")]
        case FieldType.NUMBER:
            return [f"{value:,}"]
        case FieldType.CHOICE:
            return [f.choice_label(value)]
        case FieldType.MULTI_CHOICE:
            return [f.choice_label(v) for v in value]
    return [value]


def complete_record(council, version: str) -> tuple[Record, dict]:
    data = {f.key: distinct_value(f, f.key) for s in sections_for(version) for f in s.fields}
    record = Record.objects.create(organisation=council)
    publish(record, data, version, "First published.")
    return record, data


def shown_fields(version: str, data: dict):
    """Each filled field of the record (the fields of a repeatable entry too), with its value."""
    for section in sections_for(version):
        for f in section.fields:
            if not f.is_group:
                yield f, data[f.key]
                continue
            for sub in f.fields:
                if sub.applies_to(version):
                    yield sub, data[f.key][0][sub.key]


def missing_from(page: str, version: str, data: dict) -> list[str]:
    found = rows(page)
    missing = []
    for f, value in shown_fields(version, data):
        if not any(label == f.label and all(part in shown for part in as_shown(f, value)) for label, shown in found):
            missing.append(f"{f.label} ({f.key})")
    return missing


@pytest.mark.parametrize("version", STANDARD_VERSIONS)
def test_every_filled_field_of_a_complete_record_is_on_its_page(client, council, version):
    record, data = complete_record(council, version)
    page = client.get(record.get_absolute_url()).content.decode()
    assert missing_from(page, version, data) == []


@pytest.mark.parametrize("version", STANDARD_VERSIONS)
def test_every_filled_field_is_on_the_page_of_a_published_version_too(client, council, version):
    record, data = complete_record(council, version)
    page = client.get(f"/records/{record.reference}/versions/1/").content.decode()
    assert missing_from(page, version, data) == []


def test_links_and_the_contact_email_can_be_followed(client, council):
    record, data = complete_record(council, "4.0")
    page = client.get(record.get_absolute_url()).content.decode()
    assert f'href="mailto:{data["contact_email"]}"' in page
    assert f'href="{data["website_url"]}"' in page


def test_the_at_a_glance_panel_says_whom_to_ask_and_still_opens_the_page(client, council):
    record, data = complete_record(council, "4.0")
    page = client.get(record.get_absolute_url()).content.decode()
    assert ("Who to ask about it", data["contact_email"]) in rows(page)
    assert page.index("At a glance") < page.index("Full record") < page.index("Summary")


def test_a_summary_shows_what_it_holds_beyond_the_top_of_the_page_once(client, council):
    record = Record.objects.create(organisation=council, kind=Record.Kind.SUMMARY,
                                   source_url="https://inventory.example/list")
    publish(record, {"name": "Chat helper", "description": "Answers questions.", "contact_email": "ai@example.gov",
                     "region": ["international"], "benefits": "Faster answers."}, "", "Imported.")
    page = client.get(record.get_absolute_url()).content.decode()
    found = rows(page)
    assert ("Area covered", "International") in found
    assert ("Benefits", "Faster answers.") in found
    assert ("Who to ask about it", "ai@example.gov") in found
    assert sum(shown.count("Answers questions.") for _, shown in found) == 1  # in the panel, not again below
    assert sum(shown.count("ai@example.gov") for _, shown in found) == 1
    assert "Not provided" not in page and "Full record" not in page
