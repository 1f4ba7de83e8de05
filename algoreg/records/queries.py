"""Record lookups shared by the public pages."""

from datetime import UTC, datetime

from .models import Record

NEVER = datetime.min.replace(tzinfo=UTC)


def recently_published(count: int) -> list[Record]:
    """The `count` listed records published most recently, newest first, with their organisations.

    One small query per listed status, each read in order from the index on status and publication time: asked for
    both statuses at once, neither database reads that index in order, and both sorted every listed record (200 ms
    at 100,000 records).
    """
    newest = [record for status in Record.LISTED_STATUSES
              for record in Record.objects.listed().filter(status=status)
              .select_related("organisation").order_by("-last_published_at", "pk")[:count]]
    newest.sort(key=lambda r: r.pk)
    newest.sort(key=lambda r: r.last_published_at or NEVER, reverse=True)
    return newest[:count]
