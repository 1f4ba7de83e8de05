"""Lists come in pages joined by opaque cursors: following them gives every item once, in order."""

import pytest

from tests.factories import make_organisation, make_published_record

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def records(council):
    return [make_published_record(council, name=f"Tool number {n:02d}") for n in range(7)]


def follow(client, url: str) -> tuple[list[str], int]:
    seen, pages = [], 0
    while url:
        body = client.get(url).json()
        seen += [item.get("public_id") or item.get("slug") for item in body["results"]]
        url, pages = body["next"], pages + 1
    return seen, pages


def test_following_next_gives_every_record_once_in_order(client, records):
    everything = [r["public_id"] for r in client.get(f"{API}/records?limit=100&sort=name").json()["results"]]
    seen, pages = follow(client, f"{API}/records?limit=3&sort=name")
    assert seen == everything == [r.public_id for r in records]
    assert pages == 3


def test_the_last_page_has_no_cursor(client, records):
    body = client.get(f"{API}/records?limit=7").json()
    assert body["next_cursor"] is None and body["next"] is None
    assert body["count"] == 7


def test_a_cursor_is_opaque_and_cannot_be_edited(client, records):
    cursor = client.get(f"{API}/records?limit=3").json()["next_cursor"]
    assert "3" not in cursor.split(":")[0] or len(cursor) > 20
    response = client.get(f"{API}/records", {"limit": 3, "cursor": cursor[:-2] + "xx"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == "cursor"


def test_a_cursor_only_works_with_the_search_it_came_from(client, records):
    cursor = client.get(f"{API}/records", {"limit": 3, "q": "tool"}).json()["next_cursor"]
    assert client.get(f"{API}/records", {"limit": 3, "q": "tool", "cursor": cursor}).status_code == 200
    response = client.get(f"{API}/records", {"limit": 3, "q": "number", "cursor": cursor})
    assert response.status_code == 400
    assert "different search" in response.json()["errors"][0]["message"]


def test_organisations_page_by_name(client):
    for n in range(5):
        make_organisation(f"Council {n}")
    seen, pages = follow(client, f"{API}/organisations?limit=2")
    assert seen == [f"council-{n}" for n in range(5)]
    assert pages == 3


def test_a_cursor_of_one_list_does_not_work_on_another(client):
    for n in range(3):
        make_organisation(f"Council {n}")
    cursor = client.get(f"{API}/organisations?limit=1").json()["next_cursor"]
    assert client.get(f"{API}/records", {"cursor": cursor}).status_code == 400
