import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse

from algoreg.organisations.models import Organisation
from algoreg.standard import vocabularies as vocab

# Crockford's base32 without vowels that could spell words or be misread (i, l, o, u).
PUBLIC_ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


def new_public_id() -> str:
    return "".join(secrets.choice(PUBLIC_ID_ALPHABET) for _ in range(7))


def listed_filter(via: str = "") -> models.Q:
    """The condition for a record to appear in public lists, searches, feeds and exports: published or retired, with
    a published version to show (withdrawn records keep only their own page; drafts never show). `via` is the path
    to the record from another model, such as "records__" from an organisation."""
    return models.Q(**{f"{via}status__in": Record.LISTED_STATUSES, f"{via}current_version__isnull": False})


class RecordQuerySet(models.QuerySet):
    def listed(self) -> "RecordQuerySet":
        """Records the public sees in lists: see listed_filter."""
        return self.filter(listed_filter())

    def listed_in_full(self) -> "RecordQuerySet":
        """The same records as listed(), for a query that reads most of the register (counts per organisation, an
        export in primary key order).

        The status is written as "neither draft nor withdrawn", which no index can answer, so SQLite reads the table
        or a covering index from end to end. Asked for "published or retired" it expects an index on status to pick
        out a few records, looks up every listed record through it and sorts them: 250 ms at 100,000 records.
        """
        unlisted = [status for status in Record.Status.values if status not in Record.LISTED_STATUSES]
        return self.exclude(status__in=unlisted).filter(current_version__isnull=False)


class Record(models.Model):
    """One algorithmic tool of one organisation. Its content lives in versions and the working draft."""

    class Kind(models.TextChoices):
        FULL = "full", "Full record"
        SUMMARY = "summary", "Summary of a record published elsewhere"

    class Status(models.TextChoices):
        DRAFT = "draft", "Not yet published"
        PUBLISHED = "published", "Published"
        RETIRED = "retired", "Retired"
        WITHDRAWN = "withdrawn", "Withdrawn"

    LISTED_STATUSES = (Status.PUBLISHED, Status.RETIRED)

    # The public identifier never changes, even if the tool is renamed; the slug follows the name.
    public_id = models.CharField(max_length=12, unique=True, default=new_public_id, editable=False)
    slug = models.SlugField(max_length=120)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="records")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.FULL)
    source_url = models.URLField(blank=True, help_text="Where the full record is published, for summaries.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    current_version = models.ForeignKey(
        "RecordVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The published version of another record this one started as a copy of (councils learning from each other).
    based_on = models.ForeignKey("RecordVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    retired_at = models.DateTimeField(null=True, blank=True)
    retired_reason = models.TextField(blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)
    # For imported records: the record's identifier in the file it came from, so importing the same file again
    # updates this record instead of adding a copy. Blank for records written here.
    source_id = models.CharField(max_length=300, blank=True)

    # Copies of the current published version, kept for listing, sorting and filtering without reading JSON.
    name = models.CharField(max_length=300, blank=True)
    one_sentence_description = models.TextField(blank=True)
    phase = models.CharField(max_length=30, choices=vocab.PHASES, blank=True)
    standard_version = models.CharField(max_length=5, blank=True)
    first_published_at = models.DateTimeField(null=True, blank=True)
    last_published_at = models.DateTimeField(null=True, blank=True)
    # What decides an export's columns (transfer.layout.Shape.key), for the current version and for every published
    # version together: an export of 100,000 records reads the few different values from an index instead of every
    # record's content (10 seconds on SQLite).
    content_shape = models.TextField(blank=True)
    history_shape = models.TextField(blank=True)
    # From the impact questionnaire frozen into the current version (algoreg.impact), and the date the record is
    # next due for review (its own field, or a default set by the impact level), for filters and reminders.
    impact_level = models.PositiveSmallIntegerField(null=True, blank=True)
    risk_category = models.CharField(max_length=20, blank=True)
    next_review_date = models.DateField(null=True, blank=True)

    objects = RecordQuerySet.as_manager()

    class Meta:
        ordering = ["-last_published_at", "name"]
        indexes = [
            models.Index(fields=["status", "-last_published_at"]),
            models.Index(fields=["status", "phase"]),
            models.Index(fields=["status", "standard_version"]),
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["status", "name"]),
            models.Index(fields=["organisation", "name"]),  # the dashboard's pages
            # Every column the export's shape query reads, so it is answered from the index alone.
            models.Index(fields=["status", "content_shape", "current_version"]),
            models.Index(fields=["status", "history_shape", "current_version"]),
            models.Index(fields=["status", "next_review_date"]),  # reminders and the overdue filter
        ]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "source_id"], condition=~models.Q(source_id=""),
                                    name="unique_source_id_per_organisation"),
        ]

    def __str__(self) -> str:
        return self.name or self.public_id

    @property
    def reference(self) -> str:
        """The public ID with the readable slug: old links keep working after a rename, via the ID."""
        return f"{self.public_id}-{self.slug}" if self.slug else self.public_id

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=[self.reference])

    @property
    def is_public(self) -> bool:
        return self.status in (self.Status.PUBLISHED, self.Status.RETIRED, self.Status.WITHDRAWN)

    @property
    def is_listed(self) -> bool:
        """The same condition as listed_filter, for one record already read."""
        return self.status in self.LISTED_STATUSES and self.current_version_id is not None


class ImmutableError(Exception):
    pass


class RecordVersion(models.Model):
    """A published version: a frozen snapshot of the whole record. Never edited after it is written."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    standard_version = models.CharField(max_length=5, blank=True)
    data = models.JSONField()
    change_note = models.TextField()
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["record", "number"], name="unique_version_number")]

    def __str__(self) -> str:
        return f"{self.record} version {self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError("A published version cannot be changed; publish a new version instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("A published version cannot be deleted.")


class RecordDraft(models.Model):
    """The working copy a council edits. Publishing copies it into a new RecordVersion and removes the draft."""

    class State(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        SUBMITTED = "submitted", "Waiting for review"

    record = models.OneToOneField(Record, on_delete=models.CASCADE, related_name="draft")
    standard_version = models.CharField(max_length=5, default=vocab.CURRENT_STANDARD_VERSION)
    data = models.JSONField(default=dict)
    # Raised by one on every save, so a save based on an older copy can be refused.
    revision = models.PositiveIntegerField(default=1)
    state = models.CharField(max_length=12, choices=State.choices, default=State.IN_PROGRESS)
    # Sections the editor has marked as completed (the task list's "Completed" status).
    completed_sections = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    last_edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+")
    # The API token the last change came through, or None when a person made it in the register: who holds a
    # token is not known, so such a draft has its own rule for publishing (records.token_changes).
    last_edited_through = models.ForeignKey("api.ApiToken", null=True, blank=True, on_delete=models.SET_NULL,
                                            related_name="+")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The approver's comments when they send a draft back, shown to the editor until the next submission.
    review_comment = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
