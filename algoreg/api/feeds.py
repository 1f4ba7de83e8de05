"""Atom feeds of published versions: one for the whole register and one for each organisation.

Each entry is one published version: a new record is its version 1, an update its next version. Entries say which
version it is and what changed, in the council's own change note. Withdrawn records leave the feeds.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from algoreg.jinja2 import govuk_date
from algoreg.organisations.models import Organisation
from algoreg.records.models import Record, RecordVersion
from algoreg.standard.cleaning import displayable

ENTRIES = 50


def _versions():
    return (RecordVersion.objects.filter(record__status__in=[Record.Status.PUBLISHED, Record.Status.RETIRED])
            .select_related("record__organisation").order_by("-published_at", "-pk"))


class RecordsFeed(Feed):
    feed_type = Atom1Feed

    def title(self) -> str:
        return f"{settings.SITE_NAME}: new and updated records"

    def subtitle(self) -> str:
        return ("Each time a council or other public body publishes a record of an algorithmic tool, or a new version "
                "of one.")

    def link(self) -> str:
        return reverse("records:list")

    def feed_url(self) -> str:
        return reverse("feeds:records")

    def feed_guid(self) -> str:
        return f"{settings.SITE_URL.rstrip('/')}{reverse('feeds:records')}"

    def items(self):
        return _versions()[:ENTRIES]

    def item_title(self, version: RecordVersion) -> str:
        name = version.data.get("name") or version.record.name
        # displayable: XML cannot hold control characters, which versions published before tidying may have.
        name = displayable(name)
        return f"{name}: version {version.number}" if version.number > 1 else f"{name}: first published"

    def item_description(self, version: RecordVersion) -> str:
        record = version.record
        what = "First published" if version.number == 1 else f"Version {version.number}"
        description = version.data.get("one_sentence_description") or version.data.get("description") or ""
        parts = [f"{what} by {record.organisation.name} on {govuk_date(version.published_at)}.",
                 f"What changed: {version.change_note}" if version.change_note else "", description]
        if record.status == Record.Status.RETIRED:
            parts.append("The tool has since been retired.")
        return displayable(" ".join(part for part in parts if part))

    def item_link(self, version: RecordVersion) -> str:
        return reverse("records:version", args=[version.record.reference, version.number])

    def item_guid(self, version: RecordVersion) -> str:
        """Stable even if the record is renamed: the public ID and version number never change."""
        return f"{settings.SITE_URL.rstrip('/')}/records/{version.record.public_id}/versions/{version.number}/"

    def item_pubdate(self, version: RecordVersion):
        return version.published_at

    def item_updateddate(self, version: RecordVersion):
        return version.published_at

    def item_author_name(self, version: RecordVersion) -> str:
        return version.record.organisation.name

    def item_author_link(self, version: RecordVersion) -> str:
        page = reverse("organisations:detail", args=[version.record.organisation.slug])
        return f"{settings.SITE_URL.rstrip('/')}{page}"


class OrganisationFeed(RecordsFeed):
    def get_object(self, request, slug: str) -> Organisation:
        return get_object_or_404(Organisation, slug=slug)

    def title(self, organisation: Organisation) -> str:
        return f"{organisation.name}: new and updated records"

    def subtitle(self, organisation: Organisation) -> str:
        return f"Each time {organisation.name} publishes a record of an algorithmic tool, or a new version of one."

    def link(self, organisation: Organisation) -> str:
        return reverse("organisations:detail", args=[organisation.slug])

    def feed_url(self, organisation: Organisation) -> str:
        return reverse("feeds:organisation", args=[organisation.slug])

    def feed_guid(self, organisation: Organisation) -> str:
        return f"{settings.SITE_URL.rstrip('/')}{self.feed_url(organisation)}"

    def items(self, organisation: Organisation):
        return _versions().filter(record__organisation=organisation)[:ENTRIES]
