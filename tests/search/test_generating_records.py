from io import StringIO

import pytest
from django.core.management import call_command

from algoreg.records.models import Record, RecordVersion
from algoreg.standard.validation import validate

pytestmark = pytest.mark.django_db


def generated(count: int, seed: int) -> list[tuple]:
    before = set(RecordVersion.objects.values_list("pk", flat=True))
    call_command("generate_records", str(count), "--seed", str(seed), stdout=StringIO())
    versions = RecordVersion.objects.exclude(pk__in=before).select_related("record__organisation").order_by("pk")
    return [(v.record.organisation.slug, v.published_at, v.data) for v in versions]


def test_the_same_seed_makes_the_same_records(db):
    first = generated(15, seed=7)
    assert generated(15, seed=7) == first
    assert generated(15, seed=8) != first


def test_generated_records_are_complete_published_and_spread_across_councils(db):
    generated(40, seed=1)
    records = Record.objects.select_related("current_version")
    assert records.count() == 40 and {r.status for r in records} == {"published"}
    assert records.values("organisation").distinct().count() > 30
    for record in records:
        assert validate(record.current_version.data, record.current_version.standard_version) == {}, record.name


def test_generated_records_can_be_searched_and_filtered(search, db):
    generated(60, seed=1)
    assert search(q="council")
    assert len(search(phase="production")) == min(20, Record.objects.filter(phase="production").count())
