"""Publishing stays a person's action in the web pages: no request to the API can publish a record."""

import pytest

from algoreg.records.models import Record, RecordDraft
from tests.api.conftest import bearer
from tests.editor.helpers import complete_draft

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def submitted(client, token, council, editor):
    draft = complete_draft(council, editor)
    client.post(f"{API}/drafts/{draft.public_id}/submit", {"revision": draft.draft.revision},
                content_type="application/json", **bearer(token))
    return draft


def test_there_is_no_publish_operation(client, token, submitted):
    for method in ("post", "put", "patch"):
        response = getattr(client, method)(f"{API}/drafts/{submitted.public_id}/publish", {},
                                           content_type="application/json", **bearer(token))
        assert response.status_code in (404, 405)
    schema = client.get(f"{API}/openapi.json").json()
    assert not [path for path in schema["paths"] if "publish" in path]


def test_a_state_or_status_cannot_be_written(client, token, submitted):
    for content in ({"state": "published"}, {"status": "published"}):
        response = client.patch(f"{API}/drafts/{submitted.public_id}",
                                {"standard_version": "4.0", "revision": submitted.draft.revision, "content": content},
                                content_type="application/json", **bearer(token))
        assert response.status_code == 422
    body = {"standard_version": "4.0", "revision": submitted.draft.revision, "content": {}, "state": "published"}
    assert client.patch(f"{API}/drafts/{submitted.public_id}", body, content_type="application/json",
                        **bearer(token)).status_code == 422


def test_after_everything_the_record_is_still_unpublished(client, token, submitted):
    record = Record.objects.get(pk=submitted.pk)
    assert record.status == "draft" and record.current_version is None
    assert RecordDraft.objects.get(record=record).state == "submitted"
    assert client.get(f"{API}/records/{record.public_id}").status_code == 404
