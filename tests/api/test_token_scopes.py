"""A token does only what its scopes allow: read drafts, write drafts, submit them for review."""

import pytest

from tests.api.conftest import bearer
from tests.editor.helpers import complete_draft

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def draft(council, editor):
    return complete_draft(council, editor)


def patch(client, draft, secret):
    body = {"standard_version": "4.0", "revision": draft.draft.revision, "content": {"team": "Repairs"}}
    return client.patch(f"{API}/drafts/{draft.public_id}", body, content_type="application/json", **bearer(secret))


def submit(client, draft, secret):
    return client.post(f"{API}/drafts/{draft.public_id}/submit", {"revision": draft.draft.revision},
                       content_type="application/json", **bearer(secret))


def test_a_read_only_token_reads_but_cannot_write_or_submit(client, make_token, draft):
    secret = make_token(read_drafts=True)
    assert client.get(f"{API}/drafts/{draft.public_id}", **bearer(secret)).status_code == 200
    refused = patch(client, draft, secret)
    assert refused.status_code == 403
    assert "cannot create or change drafts" in refused.json()["errors"][0]["message"]
    assert client.post(f"{API}/drafts", {"content": {"name": "New"}}, content_type="application/json",
                       **bearer(secret)).status_code == 403
    assert submit(client, draft, secret).status_code == 403


def test_a_writing_token_can_also_read_but_not_submit(client, make_token, draft):
    secret = make_token(read_drafts=False, write_drafts=True)
    assert client.get(f"{API}/drafts", **bearer(secret)).status_code == 200
    assert patch(client, draft, secret).status_code == 200
    draft.draft.refresh_from_db()
    assert submit(client, draft, secret).status_code == 403


def test_a_submitting_token_can_submit_but_not_write(client, make_token, draft):
    secret = make_token(read_drafts=False, submit_drafts=True)
    assert patch(client, draft, secret).status_code == 403
    assert submit(client, draft, secret).status_code == 200


def test_a_token_with_no_scopes_can_do_nothing(client, make_token, draft):
    secret = make_token(read_drafts=False)
    assert client.get(f"{API}/drafts", **bearer(secret)).status_code == 403
