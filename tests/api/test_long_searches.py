"""A search longer than the register takes gets the API's usual JSON error, documented in the OpenAPI document,
well before the server's own limit on the length of an address."""

import pytest

from algoreg.search.query import MAX_CHARACTERS
from tests.factories import make_published_record

pytestmark = pytest.mark.django_db
API = "/api/v1"


def test_a_search_too_long_is_a_400_json_error(client):
    response = client.get(f"{API}/records", {"q": "x" * (MAX_CHARACTERS + 1)})
    assert response.status_code == 400
    assert response.json() == {"errors": [{"path": "q", "location": "query", "message": (
        f"Your search must be {MAX_CHARACTERS} characters or less. It has {MAX_CHARACTERS + 1}.")}]}


def test_a_search_of_the_longest_length_allowed_is_run(client, council):
    make_published_record(council, name="Housing repairs triage")
    response = client.get(f"{API}/records", {"q": ("housing " * 40)[:MAX_CHARACTERS]})
    assert response.status_code == 200


def test_the_limit_and_its_400_are_in_the_openapi_document(client):
    operation = client.get(f"{API}/openapi.json").json()["paths"][f"{API}/records"]["get"]
    q = next(p for p in operation["parameters"] if p["name"] == "q")
    assert q["schema"]["maxLength"] == MAX_CHARACTERS and "refused with 400" in q["description"]
    assert "400" in operation["responses"]
