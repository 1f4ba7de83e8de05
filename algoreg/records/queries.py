"""Record lookups shared by the public pages."""

from django.db.models import QuerySet

from .models import Record


def listed_records() -> QuerySet[Record]:
    """Records that appear in public lists: published or retired (withdrawn ones keep only their own page)."""
    return Record.objects.filter(status__in=[Record.Status.PUBLISHED, Record.Status.RETIRED])
