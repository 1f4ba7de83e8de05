from datetime import UTC, datetime

import pytest

from algoreg.records.models import Record
from algoreg.records.queries import recently_published
from tests.factories import make_published_record

pytestmark = pytest.mark.django_db


def published_on(council, name: str, day: int, status: str = Record.Status.PUBLISHED) -> Record:
    record = make_published_record(council, name=name)
    Record.objects.filter(pk=record.pk).update(last_published_at=datetime(2026, 3, day, tzinfo=UTC), status=status)
    return record


def test_the_newest_records_come_first_whether_published_or_retired(council):
    published_on(council, "Oldest", 1)
    published_on(council, "Retired last week", 20, Record.Status.RETIRED)
    published_on(council, "Newest", 25)
    published_on(council, "Middle", 10)
    published_on(council, "Withdrawn", 28, Record.Status.WITHDRAWN)
    published_on(council, "Still a draft", 27, Record.Status.DRAFT)
    assert [r.name for r in recently_published(3)] == ["Newest", "Retired last week", "Middle"]


def test_records_published_at_the_same_moment_keep_the_order_they_were_added_in(council):
    first, second = published_on(council, "First", 5), published_on(council, "Second", 5)
    published_on(council, "Retired", 5, Record.Status.RETIRED)
    assert [r.pk for r in recently_published(2)] == [first.pk, second.pk]
