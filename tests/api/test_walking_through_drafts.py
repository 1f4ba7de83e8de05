"""The drafts list pages by record number: a walk gives each draft once, and a draft started during the walk comes
in it (new records have higher numbers) or, for a change to an older record, in the next walk."""

import pytest

from algoreg.records.workflow import start_new_draft
from tests.api.conftest import API, bearer
from tests.editor.helpers import new_draft
from tests.factories import make_published_record

pytestmark = pytest.mark.django_db


def walk(client, token, between_pages=None) -> list[str]:
    seen, url = [], f"{API}/drafts?limit=2"
    while url:
        body = client.get(url, **bearer(token)).json()
        seen += [item["public_id"] for item in body["results"]]
        url = body["next"]
        if between_pages and url:
            between_pages()
            between_pages = None
    return seen


def test_drafts_started_during_a_walk_are_given_once_and_none_is_skipped(client, token, council, editor):
    published = make_published_record(council, name="Older tool")
    drafts = [new_draft(council, editor, name=f"Tool {n}") for n in range(5)]
    started = []

    def start_two():
        started.append(new_draft(council, editor, name="Newest tool"))
        started.append(start_new_draft(published, editor).record)

    seen = walk(client, token, start_two)
    assert len(seen) == len(set(seen))
    assert {d.public_id for d in drafts} | {started[0].public_id} <= set(seen)
    assert started[1].public_id in walk(client, token)


@pytest.mark.parametrize("cursor", ["x", "1.2", "-3", "1" * 19])
def test_a_drafts_cursor_not_in_its_form_is_a_400_json_error(client, token, cursor):
    response = client.get(f"{API}/drafts", {"cursor": cursor}, **bearer(token))
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == "cursor"
