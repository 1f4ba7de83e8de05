"""Shared pieces for the API tests: tokens for the personas' council, and a clean slate for rate limits."""

import pytest
from django.core.cache import cache

from algoreg.api.tokens import create_token

API = "/api/v1"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits count in the cache, which outlives a test; every test starts with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_token(org_admin, council):
    """make_token(write_drafts=True, ...) -> the secret text of a new token of Example Borough Council."""

    def make(organisation=None, user=None, name="Case system", read_drafts=True, write_drafts=False,
             submit_drafts=False) -> str:
        _, secret = create_token(organisation or council, user or org_admin, name, read_drafts=read_drafts,
                                 write_drafts=write_drafts, submit_drafts=submit_drafts)
        return secret

    return make


@pytest.fixture
def token(make_token) -> str:
    """A token of Example Borough Council that may read, write and submit drafts."""
    return make_token(write_drafts=True, submit_drafts=True)


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def api(client, token):
    """api("get", "/drafts", json={...}, token=...) with the council's token unless another is given."""

    def call(method: str, path: str, json=None, token_secret: str | None = token, **extra):
        headers = bearer(token_secret) if token_secret else {}
        send = getattr(client, method.lower())
        if json is not None:
            return send(API + path, data=json, content_type="application/json", **headers, **extra)
        return send(API + path, **headers, **extra)

    return call
