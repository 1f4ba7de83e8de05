"""The feeds are paged as RFC 5005 archived feeds: a subscriber who polls after many publications follows
`prev-archive` links from the feed and finds every entry exactly once, and an archive never changes."""

import xml.etree.ElementTree as ET
from urllib.parse import urlparse

import pytest

from algoreg.api.feeds import ENTRIES
from algoreg.records.models import RecordVersion
from algoreg.records.publishing import publish
from tests.factories import complete_data, make_published_record

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
HISTORY = "{http://purl.org/syndication/history/1.0}"


def read(client, address: str) -> ET.Element:
    response = client.get(urlparse(address).path)
    assert response.status_code == 200, address
    return ET.fromstring(response.content)


def links(feed: ET.Element) -> dict[str, str]:
    return {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}


def ids(feed: ET.Element) -> list[str]:
    return [entry.find(f"{ATOM}id").text for entry in feed.findall(f"{ATOM}entry")]


def follow(client, address: str) -> tuple[list[str], list[str]]:
    """Every entry id from the feed back through its archives, and the archives' addresses."""
    feed = read(client, address)
    seen, archives = ids(feed), []
    while "prev-archive" in links(feed):
        archives.append(links(feed)["prev-archive"])
        feed = read(client, archives[-1])
        seen += ids(feed)
    return seen, archives


def every_version_id() -> set[str]:
    versions = RecordVersion.objects.select_related("record")
    return {f"/records/{v.record.public_id}/versions/{v.number}/" for v in versions}


@pytest.fixture
def publications(council, other_council):
    """120 publications: 100 new records across two organisations and 20 new versions of some of them."""
    records = [make_published_record(council if n % 2 else other_council, name=f"Tool {n}") for n in range(100)]
    for record in records[:20]:
        publish(record, complete_data(name=record.name), "4.0", "Updated.")
    return records


def test_a_subscriber_following_prev_archive_sees_every_entry_exactly_once(client, publications):
    seen, archives = follow(client, "/feeds/records.atom")
    assert len(seen) == len(set(seen)) == 120
    assert {urlparse(i).path for i in seen} == every_version_id()
    assert [urlparse(a).path for a in archives] == ["/feeds/records/archive/2.atom", "/feeds/records/archive/1.atom"]
    assert ENTRIES == 50


def test_each_organisations_feed_is_paged_the_same_way(client, publications, council):
    seen, archives = follow(client, f"/feeds/organisations/{council.slug}.atom")
    published_by_council = RecordVersion.objects.filter(record__organisation=council).count()
    assert len(seen) == len(set(seen)) == published_by_council == 60
    assert [urlparse(a).path for a in archives] == [f"/feeds/organisations/{council.slug}/archive/1.atom"]


def test_archives_are_marked_and_linked_both_ways_and_to_the_feed(client, publications):
    archive = read(client, "/feeds/records/archive/1.atom")
    assert archive.find(f"{HISTORY}archive") is not None
    assert {rel: urlparse(href).path for rel, href in links(archive).items() if rel != "alternate"} == {
        "self": "/feeds/records/archive/1.atom", "current": "/feeds/records.atom",
        "next-archive": "/feeds/records/archive/2.atom"}
    middle = links(read(client, "/feeds/records/archive/2.atom"))
    assert urlparse(middle["prev-archive"]).path == "/feeds/records/archive/1.atom" and "next-archive" not in middle
    current = read(client, "/feeds/records.atom")
    assert current.find(f"{HISTORY}archive") is None and "current" not in links(current)


def test_archives_do_not_change_when_more_records_are_published(client, publications, council):
    before = {n: client.get(f"/feeds/records/archive/{n}.atom").content for n in (1, 2)}
    for n in range(45):
        make_published_record(council, name=f"Later tool {n}")
    for n in (1, 2):
        assert ids(ET.fromstring(client.get(f"/feeds/records/archive/{n}.atom").content)) == ids(
            ET.fromstring(before[n]))
    seen, archives = follow(client, "/feeds/records.atom")
    assert len(seen) == len(set(seen)) == 165 and len(archives) == 3


def test_an_archive_that_does_not_exist_yet_is_404(client, publications, council):
    assert client.get("/feeds/records/archive/3.atom").status_code == 404
    assert client.get("/feeds/records/archive/0.atom").status_code == 404
    assert client.get(f"/feeds/organisations/{council.slug}/archive/2.atom").status_code == 404


def test_the_home_page_links_to_the_feed(client):
    html = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml" title="New and updated records" ' \
           'href="/feeds/records.atom">' in html
