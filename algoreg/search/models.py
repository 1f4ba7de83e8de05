"""The search index's own tables. The text itself lives in a table each backend creates for itself (an FTS5 table on
SQLite, tsvector columns with GIN indexes on PostgreSQL): see backends/."""

from django.db import models


class SearchDocument(models.Model):
    """The filter values and sort keys of one record, as of the version the index holds."""

    record = models.OneToOneField("records.Record", primary_key=True, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey("records.RecordVersion", null=True, on_delete=models.SET_NULL, related_name="+")
    listed = models.BooleanField(default=False)
    # The index generation that last changed this row: workers use it to load only what changed.
    generation = models.BigIntegerField(db_index=True)
    # When the record was last published, in microseconds since 1970: the "recently updated" order.
    published = models.BigIntegerField(default=0)
    sort_name = models.CharField(max_length=300, blank=True)
    # Filter values as space-separated "filter=value" pairs (the organisation is its id): quick to read in bulk.
    facets = models.TextField(blank=True)


class SearchLog(models.Model):
    """One row per change to the index. A worker's cached filter counts are valid while the row it was built from
    is still there with the same token (a rolled-back change leaves no row)."""

    generation = models.BigIntegerField(primary_key=True)
    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now_add=True)


class SearchWord(models.Model):
    """A word that appears in the index, as written (folded), with its stem and how many records have it: the
    vocabulary for "did you mean"."""

    word = models.CharField(max_length=60, unique=True)
    stem = models.CharField(max_length=60)
    records = models.IntegerField(default=0)
    generation = models.BigIntegerField(db_index=True)
