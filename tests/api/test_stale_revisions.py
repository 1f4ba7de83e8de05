"""A change based on an old copy of a draft is refused with 409, so nobody overwrites someone else's work unseen."""

import pytest

from algoreg.records.models import RecordDraft
from tests.api.conftest import bearer
from tests.editor.helpers import complete_draft, new_draft

pytestmark = pytest.mark.django_db
API = "/api/v1"


def test_a_change_with_an_old_revision_is_409_and_saves_nothing(client, token, council, editor):
    draft = new_draft(council, editor, name="Repairs triage")
    url = f"{API}/drafts/{draft.public_id}"
    first = client.patch(url, {"standard_version": "4.0", "revision": 1, "content": {"team": "A"}},
                         content_type="application/json", **bearer(token))
    assert first.status_code == 200 and first.json()["revision"] == 2
    second = client.patch(url, {"standard_version": "4.0", "revision": 1, "content": {"team": "B"}},
                          content_type="application/json", **bearer(token))
    assert second.status_code == 409
    body = second.json()
    assert body["revision"] == 2
    assert body["errors"][0]["path"] == "revision"
    assert "revision 2" in body["errors"][0]["message"]
    assert RecordDraft.objects.get(record=draft).data["team"] == "A"


def test_an_edit_in_the_web_editor_makes_an_api_copy_stale(client, token, council, editor):
    draft = new_draft(council, editor, name="Repairs triage")
    RecordDraft.objects.filter(record=draft).update(revision=5)
    response = client.patch(f"{API}/drafts/{draft.public_id}",
                            {"standard_version": "4.0", "revision": 1, "content": {"team": "B"}},
                            content_type="application/json", **bearer(token))
    assert response.status_code == 409 and response.json()["revision"] == 5


def test_submitting_an_old_revision_is_409(client, token, council, editor):
    draft = complete_draft(council, editor)
    response = client.post(f"{API}/drafts/{draft.public_id}/submit", {"revision": draft.draft.revision + 1},
                           content_type="application/json", **bearer(token))
    assert response.status_code == 409
    assert RecordDraft.objects.get(record=draft).state == "in_progress"


def test_the_revision_must_be_given(client, token, council, editor):
    draft = new_draft(council, editor)
    response = client.patch(f"{API}/drafts/{draft.public_id}", {"standard_version": "4.0", "content": {}},
                            content_type="application/json", **bearer(token))
    assert response.status_code == 422
    assert response.json()["errors"][0]["path"] == "revision"
