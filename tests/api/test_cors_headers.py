"""Web pages on any site may read the public API; the drafts part gets no such permission."""

import pytest

from tests.api.conftest import bearer

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.mark.parametrize("path", ["/records", "/organisations", "/openapi.json"])
def test_public_answers_are_open_to_every_site(client, record, path):
    response = client.get(API + path, HTTP_ORIGIN="https://news.example")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Retry-After" in response["Access-Control-Expose-Headers"]


def test_one_record_and_its_errors_are_open_too(client, record):
    assert client.get(f"{API}/records/{record.public_id}")["Access-Control-Allow-Origin"] == "*"
    assert client.get(f"{API}/records/nothing")["Access-Control-Allow-Origin"] == "*"


def test_drafts_are_not_open_to_other_sites(client, token):
    response = client.get(f"{API}/drafts", HTTP_ORIGIN="https://news.example", **bearer(token))
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    assert "no-store" in response["Cache-Control"]


def test_public_answers_may_be_cached_for_a_while(client, record, settings):
    response = client.get(f"{API}/records/{record.public_id}")
    assert f"max-age={settings.API_CACHE_SECONDS}" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
