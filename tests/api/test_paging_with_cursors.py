"""Lists come in pages joined by keyset cursors of a published form: following them gives every item once, in order."""

import pytest

from algoreg.api.cursors import DRAFTS, ORGANISATIONS, RECORDS
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


@pytest.mark.parametrize("cursor", ["3", "abc", "1.2.3", "-1.0.0.0.", "1.0.0.x.name", "9" * 19 + ".0.0.0.",
                                    "1.0.0.0." + "n" * 400])
def test_a_cursor_not_in_the_published_form_is_a_400_json_error(client, records, cursor):
    response = client.get(f"{API}/records", {"limit": 3, "cursor": cursor})
    assert response.status_code == 400
    assert response.json() == {"errors": [{"path": "cursor", "location": "query", "message": (
        "This cursor is not in the form this list gives out. Send back the `next_cursor` of the page before as it "
        "came, or leave `cursor` out to start from the first page.")}]}


def test_a_cursor_names_the_walk_and_the_last_record_given(client, records):
    body = client.get(f"{API}/records", {"limit": 3, "sort": "name"}).json()
    began, score, published, record_id, name = body["next_cursor"].split(".", 4)
    assert name == "tool number 02" and score == "0"
    assert int(record_id) == records[2].pk and int(published) > 0 and int(began) >= int(published)


def test_any_cursor_of_the_published_form_is_a_place_in_the_list(client, records):
    response = client.get(f"{API}/records", {"sort": "name", "cursor": f"{10**17}.0.0.0.tool number 04"})
    assert [r["name"] for r in response.json()["results"]] == ["Tool number 04", "Tool number 05", "Tool number 06"]


def test_the_formats_and_the_400_are_in_the_openapi_document(client):
    schema = client.get(f"{API}/openapi.json").json()
    for path, form in (("/records", RECORDS), ("/drafts", DRAFTS), ("/organisations", ORGANISATIONS)):
        operation = schema["paths"][API + path]["get"]
        cursor = next(p for p in operation["parameters"] if p["name"] == "cursor")
        assert cursor["schema"].get("pattern") == form.pattern and cursor["schema"]["maxLength"] == form.max_length
        assert "refused with 400" in cursor["description"]
        assert "400" in operation["responses"]


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


def test_an_organisations_cursor_with_a_nul_character_is_not_a_database_error(client):
    assert client.get(f"{API}/organisations", {"cursor": "Council\x00"}).status_code == 200
    assert client.get(f"{API}/organisations", {"cursor": "C" * 201}).status_code == 400
