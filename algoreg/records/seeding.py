"""Seed records: summaries of the real records on GOV.UK, and complete examples from fictional councils."""

import json
from datetime import datetime
from pathlib import Path

from django.db import transaction

from algoreg.organisations.models import Organisation
from algoreg.standard.validation import validate

from .models import Record
from .publishing import publish

HERE = Path(__file__).resolve().parent
GOVUK_INDEX = HERE / "data" / "govuk_atrs_record_index_2026-07.json"
EXAMPLE_ORGANISATIONS = HERE / "seed" / "example_organisations.json"
EXAMPLE_RECORDS = HERE / "seed" / "example_records.json"


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def govuk_index() -> list[dict]:
    return json.loads(GOVUK_INDEX.read_text(encoding="utf-8"))["records"]


@transaction.atomic
def seed_govuk_summaries(publisher_for) -> int:
    """One summary record per GOV.UK record, linking to the full text there. We add no content of our own."""
    count = 0
    for entry in govuk_index():
        description = " ".join((entry.get("description") or "").split())
        record = Record.objects.create(
            organisation=publisher_for(entry), kind=Record.Kind.SUMMARY, source_url=entry["url"]
        )
        data = {"name": entry["tool_name"].strip(), "one_sentence_description": description,
                "description": description}
        publish(record, data, "", "Summary of the record published on GOV.UK.", parse_time(entry["published"]))
        count += 1
    return count


def seed_example_organisations() -> dict[str, Organisation]:
    organisations = {}
    for entry in json.loads(EXAMPLE_ORGANISATIONS.read_text(encoding="utf-8")):
        slug = entry["slug"]
        organisations[slug], _ = Organisation.objects.update_or_create(
            slug=slug, defaults={**{k: v for k, v in entry.items() if k != "slug"}, "is_example": True}
        )
    return organisations


@transaction.atomic
def seed_examples() -> int:
    """The example records, each with its earlier published versions so history has something to show."""
    organisations = seed_example_organisations()
    examples = json.loads(EXAMPLE_RECORDS.read_text(encoding="utf-8"))
    for example in examples:
        version = example["standard_version"]
        problems = validate(example["data"], version)
        if problems:
            raise ValueError(f"Example record {example['data'].get('name')!r} is not complete: {problems}")
        record = Record.objects.create(organisation=organisations[example["organisation"]])
        for earlier in example.get("earlier_versions", []):
            publish(record, {**example["data"], **earlier["changes"]}, version, earlier["change_note"],
                    parse_time(earlier["published_at"]))
        publish(record, example["data"], version, example["change_note"], parse_time(example["published_at"]))
    return len(examples)
