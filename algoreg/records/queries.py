"""Record lookups shared by the public pages."""

from datetime import UTC, datetime

from django.db.models import QuerySet

from .models import Record

LISTED = (Record.Status.PUBLISHED, Record.Status.RETIRED)
# Listed, written as "not one of these" for queries over most of the register: see listed_records_in_full.
UNLISTED = tuple(status for status in Record.Status.values if status not in LISTED)
NEVER = datetime.min.replace(tzinfo=UTC)


def listed_records() -> QuerySet[Record]:
    """Records that appear in public lists: published or retired (withdrawn ones keep only their own page)."""
    return Record.objects.filter(status__in=LISTED)


def listed_records_in_full() -> QuerySet[Record]:
    """The same records as listed_records(), for a query that reads most of the register (counts per
    organisation, an export in primary key order).

    The condition is written as "neither draft nor withdrawn", which no index can answer, so SQLite reads the table
    or a covering index from end to end. Asked for "published or retired" it expects an index on status to pick out
    a few records, looks up every listed record through it and sorts them: 250 ms at 100,000 records.
    """
    return Record.objects.exclude(status__in=UNLISTED)


def recently_published(count: int) -> list[Record]:
    """The `count` listed records published most recently, newest first, with their organisations.

    One small query per listed status, each read in order from the index on status and publication time: asked for
    both statuses at once, neither database reads that index in order, and both sorted every listed record (200 ms
    at 100,000 records).
    """
    newest = [record for status in LISTED for record in Record.objects.filter(status=status)
              .select_related("organisation").order_by("-last_published_at", "pk")[:count]]
    newest.sort(key=lambda r: r.pk)
    newest.sort(key=lambda r: r.last_published_at or NEVER, reverse=True)
    return newest[:count]
