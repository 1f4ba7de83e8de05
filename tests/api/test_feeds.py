"""Atom feeds of published versions, for the whole register and for each organisation, linked from the pages."""

import xml.etree.ElementTree as ET

import pytest

from algoreg.records import workflow
from algoreg.records.publishing import publish
from tests.editor.helpers import new_draft
from tests.factories import complete_data, make_published_record

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, path: str) -> tuple[ET.Element, list[dict]]:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    found = [{child.tag.removeprefix(ATOM): (child.text or child.get("href") or "") for child in entry}
             for entry in feed.findall(f"{ATOM}entry")]
    return feed, found


@pytest.fixture
def register(council, other_council, editor):
    repairs = make_published_record(council, name="Housing repairs triage")
    publish(repairs, complete_data(name="Housing repairs triage", phase="retired"), "4.0",
            "The tool was switched off in March.")
    make_published_record(other_council, name="School transport routes")
    new_draft(council, editor, name="Secret draft")
    return repairs


def test_the_register_feed_has_every_published_version(client, register):
    feed, found = entries(client, "/feeds/records.atom")
    assert feed.find(f"{ATOM}title").text == "Algorithm register: new and updated records"
    assert feed.find(f"{ATOM}updated").text
    titles = sorted(e["title"] for e in found)
    assert titles == ["Housing repairs triage: first published", "Housing repairs triage: version 2",
                      "School transport routes: first published"]
    assert "Secret draft" not in client.get("/feeds/records.atom").content.decode()


def test_entries_say_which_version_and_what_changed(client, register):
    _, found = entries(client, "/feeds/records.atom")
    second = next(e for e in found if e["title"].endswith("version 2"))
    assert "Version 2 by Example Borough Council" in second["summary"]
    assert "What changed: The tool was switched off in March." in second["summary"]
    assert second["link"].endswith(f"/records/{register.reference}/versions/2/")
    assert second["id"].endswith(f"/records/{register.public_id}/versions/2/")
    assert second["updated"] and second["published"]


def test_an_organisations_feed_has_only_its_records(client, register, council):
    feed, found = entries(client, f"/feeds/organisations/{council.slug}.atom")
    assert feed.find(f"{ATOM}title").text == "Example Borough Council: new and updated records"
    assert {e["title"].split(":")[0] for e in found} == {"Housing repairs triage"}
    assert client.get("/feeds/organisations/no-such-council.atom").status_code == 404


def test_withdrawn_records_leave_the_feeds(client, register, approver):
    workflow.withdraw(register, approver, "Published by mistake.")
    _, found = entries(client, "/feeds/records.atom")
    assert [e["title"] for e in found] == ["School transport routes: first published"]


def test_the_pages_link_to_their_feeds(client, register, council):
    records_page = client.get("/records/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in records_page
    assert 'href="/feeds/records.atom"' in records_page
    organisation_page = client.get(f"/organisations/{council.slug}/").content.decode()
    assert f'href="/feeds/organisations/{council.slug}.atom"' in organisation_page
