"""Two people editing the same draft: the later save is refused and nothing either of them typed is lost."""

import pytest
from django.test import Client

from algoreg.records.models import RecordDraft

from .helpers import new_draft

pytestmark = pytest.mark.django_db


def test_the_second_save_from_an_old_copy_is_refused_and_its_text_shown_back(editor, approver, council):
    record = new_draft(council, editor)
    page = f"/manage/records/{record.public_id}/sections/description/"
    edie, abe = Client(), Client()
    edie.force_login(editor)
    abe.force_login(approver)
    # Both open the section at revision 1.
    assert 'name="revision" value="1"' in edie.get(page).content.decode()
    assert 'name="revision" value="1"' in abe.get(page).content.decode()

    first = edie.post(page, {"revision": "1", "action": "save", "benefits": "Edie's benefits text."})
    assert first.status_code == 302
    second = abe.post(page, {"revision": "1", "action": "save", "benefits": "Abe's benefits text.",
                             "previous_process": "Abe also wrote this."})

    html = second.content.decode()
    assert second.status_code == 200
    assert "Someone else saved this section while you were editing" in html
    assert "Abe&#39;s benefits text." in html and "Abe also wrote this." in html  # his text is kept in the form
    assert "Saved by someone else: Edie&#39;s benefits text." in html  # and hers is shown beside it
    draft = RecordDraft.objects.get(record=record)
    assert draft.data["benefits"] == "Edie's benefits text." and draft.revision == 2

    # Having seen both, saving again is a deliberate choice and goes through.
    third = abe.post(page, {"revision": "2", "action": "save", "benefits": "Abe's benefits text."})
    assert third.status_code == 302
    assert RecordDraft.objects.get(record=record).data["benefits"] == "Abe's benefits text."


def test_saving_one_section_does_not_touch_another(editor, council, client):
    record = new_draft(council, editor, team="Repairs team")
    client.force_login(editor)
    client.post(f"/manage/records/{record.public_id}/sections/description/",
                {"revision": "1", "action": "save", "benefits": "Faster repairs."})
    data = RecordDraft.objects.get(record=record).data
    assert data["team"] == "Repairs team" and data["benefits"] == "Faster repairs."
