"""Atom feeds of published versions: one for the whole register and one for each organisation.

Each entry is one published version: a new record is its version 1, an update its next version. Entries say which
version it is and what changed, in the council's own change note. Withdrawn records leave the feeds.

The feeds are paged as RFC 5005 archived feeds, so a subscriber who polls after many changes can still catch up.
The versions a feed covers are taken in the order they were published (their database number) and cut into blocks
of ENTRIES: archive 1 is the first block, archive 2 the next, and the feed itself holds the newest block, which may
not be full yet. A block becomes an archive only once it is full and a newer version exists, so an archive's address
always holds the same entries (save those of records withdrawn later, which leave every feed). The feed links to
the newest archive (`prev-archive`); each archive links to the one before, the one after and the feed (`current`).
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from algoreg.jinja2 import govuk_date
from algoreg.organisations.models import Organisation
from algoreg.records.models import Record, RecordVersion
from algoreg.standard.cleaning import displayable

ENTRIES = 50  # versions in each block: each archive has this many, the feed itself up to this many
HISTORY = "http://purl.org/syndication/history/1.0"  # RFC 5005's namespace


@dataclass
class FeedPage:
    """The feed of the register or one organisation: its current document, or one of its archives."""

    organisation: Organisation | None
    archive: int | None  # 1 for the oldest block; None for the current document
    total: int  # versions the feed covers, including those of records withdrawn since

    @property
    def archives(self) -> int:
        """How many archives there are: every block before the newest non-empty one."""
        return max(0, (self.total - 1) // ENTRIES)

    @property
    def block(self) -> int:
        return self.archive - 1 if self.archive is not None else self.archives


def _sequence(organisation: Organisation | None):
    """Every version the feed covers, withdrawn or not: a withdrawal must not move later versions between blocks."""
    versions = RecordVersion.objects.all()
    return versions if organisation is None else versions.filter(record__organisation=organisation)


def feed_page(organisation: Organisation | None, archive: int | None) -> FeedPage:
    page = FeedPage(organisation, archive, _sequence(organisation).count())
    if archive is not None and not 1 <= archive <= page.archives:
        raise Http404
    return page


def _entries(page: FeedPage) -> list[RecordVersion]:
    """The versions of the page's block that are still public, newest first. The block is read from whichever
    end of the sequence is nearer, so no page reads past many rows."""
    start, end = page.block * ENTRIES, min(page.total, (page.block + 1) * ENTRIES)
    versions = _sequence(page.organisation).select_related("record__organisation")
    if start <= page.total - end:
        block = list(versions.order_by("pk")[start:end])[::-1]
    else:
        block = list(versions.order_by("-pk")[page.total - end:page.total - start])
    return [v for v in block if v.record.is_listed]


class ArchivedAtomFeed(Atom1Feed):
    """Atom with RFC 5005's paging links and, on archives, <fh:archive/>."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:fh": HISTORY}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        for rel, href in self.feed["history_links"]:
            handler.addQuickElement("link", "", {"rel": rel, "href": href})
        if self.feed["is_archive"]:
            handler.addQuickElement("fh:archive", "")


class RecordsFeed(Feed):
    feed_type = ArchivedAtomFeed

    def get_object(self, request, archive: int | None = None) -> FeedPage:
        return feed_page(None, archive)

    def get_feed(self, page: FeedPage, request):
        feed = super().get_feed(page, request)
        feed.feed["history_links"] = [(rel, request.build_absolute_uri(path)) for rel, path in self._history(page)]
        feed.feed["is_archive"] = page.archive is not None
        return feed

    def _history(self, page: FeedPage) -> list[tuple[str, str]]:
        links = []
        if page.archive is not None:
            links.append(("current", self._address(page, None)))
        if page.block >= 1:
            links.append(("prev-archive", self._address(page, page.block)))
        if page.archive is not None and page.archive < page.archives:
            links.append(("next-archive", self._address(page, page.archive + 1)))
        return links

    def _address(self, page: FeedPage, archive: int | None) -> str:
        if archive is None:
            return reverse("feeds:records")
        return reverse("feeds:records_archive", args=[archive])

    def title(self, page: FeedPage) -> str:
        return f"{settings.SITE_NAME}: new and updated records{_archive_title(page)}"

    def subtitle(self, page: FeedPage) -> str:
        return ("Each time a council or other public body publishes a record of an algorithmic tool, or a new version "
                "of one.")

    def link(self) -> str:
        return reverse("records:list")

    def feed_url(self, page: FeedPage) -> str:
        return self._address(page, page.archive)

    def feed_guid(self, page: FeedPage) -> str:
        return f"{settings.SITE_URL.rstrip('/')}{self._address(page, page.archive)}"

    def items(self, page: FeedPage):
        return _entries(page)

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


def _archive_title(page: FeedPage) -> str:
    return f" (archive {page.archive} of {page.archives})" if page.archive is not None else ""


class OrganisationFeed(RecordsFeed):
    def get_object(self, request, slug: str, archive: int | None = None) -> FeedPage:
        return feed_page(get_object_or_404(Organisation, slug=slug), archive)

    def _address(self, page: FeedPage, archive: int | None) -> str:
        slug = page.organisation.slug
        if archive is None:
            return reverse("feeds:organisation", args=[slug])
        return reverse("feeds:organisation_archive", args=[slug, archive])

    def title(self, page: FeedPage) -> str:
        return f"{page.organisation.name}: new and updated records{_archive_title(page)}"

    def subtitle(self, page: FeedPage) -> str:
        name = page.organisation.name
        return f"Each time {name} publishes a record of an algorithmic tool, or a new version of one."

    def link(self, page: FeedPage) -> str:
        return reverse("organisations:detail", args=[page.organisation.slug])
