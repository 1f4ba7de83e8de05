"""What an editor types is stored tidied: no control characters, no unclosed right-to-left override, no spaces at the
ends and \\n line ends, exactly as the API and imports store it (algoreg.standard.cleaning)."""

import pytest

from algoreg.records.models import Record
from tests.untidy_text import BALANCED, MULTI_LINE, MULTI_LINE_TIDY, SINGLE_LINE, SINGLE_LINE_TIDY

from .helpers import new_draft, section_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_record(council, editor, client):
    client.force_login(editor)
    return new_draft(council, editor)


def save(client, record, section, **fields):
    response = client.post(f"/manage/records/{record.public_id}/sections/{section}/",
                           section_post(record.draft, **fields))
    assert response.status_code == 302, response.content.decode()
    record.draft.refresh_from_db()
    return record.draft.data


def test_text_in_a_section_is_stored_tidied(client, draft_record):
    data = save(client, draft_record, "summary", name=SINGLE_LINE, description=MULTI_LINE, task=BALANCED,
                **{"withheld-region": MULTI_LINE})
    assert data["name"] == SINGLE_LINE_TIDY
    assert data["description"] == MULTI_LINE_TIDY
    assert data["task"] == BALANCED
    assert data["withheld"] == {"region": MULTI_LINE_TIDY}


def test_text_of_a_repeatable_entry_is_stored_tidied(client, draft_record):
    data = save(client, draft_record, "risks", **{"risks-count": "1", "risks-0-category": "data",
                                                  "risks-0-name": SINGLE_LINE, "risks-0-mitigation": MULTI_LINE})
    assert data["risks"] == [{"category": "data", "name": SINGLE_LINE_TIDY, "mitigation": MULTI_LINE_TIDY}]


def test_a_new_records_name_is_stored_tidied(client, editor):
    client.force_login(editor)
    client.post("/manage/records/new/", {"name": SINGLE_LINE})
    record = Record.objects.get()
    assert record.name == SINGLE_LINE_TIDY and record.draft.data["name"] == SINGLE_LINE_TIDY


def test_a_name_of_nothing_but_control_characters_is_no_name(client, editor):
    client.force_login(editor)
    response = client.post("/manage/records/new/", {"name": "\x07\x1b \u202e"})
    assert "Enter the name of the tool" in response.content.decode()
    assert not Record.objects.exists()
