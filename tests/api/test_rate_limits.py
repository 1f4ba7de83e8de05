"""Requests without a token are limited per address: past API_ANON_RATE the answer is 429 with Retry-After."""

import pytest

from tests.api.conftest import bearer

pytestmark = pytest.mark.django_db
API = "/api/v1"


def test_too_many_requests_are_answered_429_with_retry_after(client, settings, record):
    settings.API_ANON_RATE = "3/min"
    for _ in range(3):
        assert client.get(f"{API}/records").status_code == 200
    response = client.get(f"{API}/records/{record.public_id}")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "Too many requests" in response.json()["errors"][0]["message"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_each_address_has_its_own_limit(client, settings):
    settings.API_ANON_RATE = "2/min"
    for _ in range(2):
        client.get(f"{API}/organisations", REMOTE_ADDR="192.0.2.1")
    assert client.get(f"{API}/organisations", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get(f"{API}/organisations", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_a_made_up_forwarded_address_does_not_get_round_the_limit(client, settings):
    settings.API_ANON_RATE = "1/min"
    client.get(f"{API}/organisations", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client.get(f"{API}/organisations", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


def test_tokens_have_their_own_limit(client, settings, token):
    settings.API_ANON_RATE = "1/min"
    settings.API_TOKEN_RATE = "2/min"
    client.get(f"{API}/organisations")
    assert client.get(f"{API}/organisations").status_code == 429
    assert client.get(f"{API}/drafts", **bearer(token)).status_code == 200
    assert client.get(f"{API}/drafts", **bearer(token)).status_code == 200
    response = client.get(f"{API}/drafts", **bearer(token))
    assert response.status_code == 429 and int(response["Retry-After"]) >= 1
