"""Text sent through the API is stored tidied exactly as the editor stores it (algoreg.standard.cleaning)."""

import pytest

from algoreg.records.models import RecordDraft
from tests.editor.helpers import new_draft
from tests.untidy_text import BALANCED, MULTI_LINE, MULTI_LINE_TIDY, SINGLE_LINE, SINGLE_LINE_TIDY

pytestmark = pytest.mark.django_db


def test_a_new_draft_is_stored_tidied(api):
    response = api("post", "/drafts", json={"content": {"name": SINGLE_LINE, "description": MULTI_LINE}})
    assert response.status_code == 201
    assert response.json()["content"] == {"name": SINGLE_LINE_TIDY, "description": MULTI_LINE_TIDY}
    draft = RecordDraft.objects.get()
    assert draft.data == {"name": SINGLE_LINE_TIDY, "description": MULTI_LINE_TIDY}
    assert draft.record.name == SINGLE_LINE_TIDY


def test_changes_are_stored_tidied(api, council, editor):
    record = new_draft(council, editor)
    content = {"team": SINGLE_LINE, "benefits": MULTI_LINE, "task": BALANCED,
               "region": {"withheld": True, "reason": MULTI_LINE},
               "risks": [{"category": "data", "name": SINGLE_LINE, "mitigation": MULTI_LINE, "description": "\x07 "}]}
    response = api("patch", f"/drafts/{record.public_id}",
                   json={"standard_version": "4.0", "revision": record.draft.revision, "content": content})
    assert response.status_code == 200, response.json()
    data = RecordDraft.objects.get(record=record).data
    assert data["team"] == SINGLE_LINE_TIDY and data["benefits"] == MULTI_LINE_TIDY and data["task"] == BALANCED
    assert data["withheld"] == {"region": MULTI_LINE_TIDY}
    assert data["risks"] == [{"category": "data", "name": SINGLE_LINE_TIDY, "mitigation": MULTI_LINE_TIDY}]


def test_a_name_of_nothing_but_control_characters_is_no_name(api):
    response = api("post", "/drafts", json={"content": {"name": "\x07\x1b \u202e"}})
    assert response.status_code == 422
    assert response.json()["errors"] == [{"path": "name", "location": "content", "message": "Enter name of the tool"}]
    assert not RecordDraft.objects.exists()
