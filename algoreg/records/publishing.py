"""Writing published versions. All publishing goes through here so the listing columns never drift from the data."""

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from algoreg.search.indexing import index_records
from algoreg.transfer.layout import Shape

from .models import Record, RecordVersion


@transaction.atomic
def publish(
    record: Record, data: dict, standard_version: str, change_note: str, published_at: datetime | None = None,
    index: bool = True,
) -> RecordVersion:
    """Freeze `data` as the record's next published version and make it the one the public sees.

    With index=False the caller must pass the record to search.indexing.index_records itself before its transaction
    ends (an import publishing thousands of records indexes them together, which is much faster).
    """
    published_at = published_at or timezone.now()
    last = record.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = RecordVersion.objects.create(
        record=record,
        number=last + 1,
        standard_version=standard_version,
        data=data,
        change_note=change_note,
        published_at=published_at,
    )
    record.current_version = version
    record.status = Record.Status.PUBLISHED
    copy_listing_columns(record, version)
    record.save()
    if index:
        index_records([record])  # in this transaction: searchable exactly when the version is
    return version


def copy_listing_columns(record: Record, version: RecordVersion) -> None:
    data = version.data
    record.name = data.get("name", "")
    record.slug = slugify(record.name)[:120] or "record"
    record.one_sentence_description = data.get("one_sentence_description") or data.get("description", "")
    record.phase = data.get("phase", "")
    record.standard_version = version.standard_version
    record.first_published_at = record.first_published_at or version.published_at
    record.last_published_at = version.published_at
    record.content_shape = Shape.of(data).key
    record.history_shape = Shape.from_keys([record.history_shape, record.content_shape]).key
    result = (data.get("impact") or {}).get("result") or {}
    record.impact_level = result.get("level")
    record.risk_category = result.get("risk_category", "")
    record.next_review_date = _review_date(data)


def _review_date(data: dict):
    """The record's own next review date; the impact work adds a default from the level."""
    try:
        return date.fromisoformat(data.get("next_review_date") or "")
    except ValueError:
        return None
