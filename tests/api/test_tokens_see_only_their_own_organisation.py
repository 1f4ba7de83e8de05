"""A token of one organisation can never read or change another's drafts: they do not exist for it (404)."""

import pytest

from tests.api.conftest import bearer
from tests.editor.helpers import complete_draft

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def their_draft(other_council, outsider):
    return complete_draft(other_council, outsider)


def test_another_organisations_draft_is_404_for_every_action(client, token, their_draft):
    revision = their_draft.draft.revision
    responses = [
        client.get(f"{API}/drafts/{their_draft.public_id}", **bearer(token)),
        client.patch(f"{API}/drafts/{their_draft.public_id}",
                     {"standard_version": "4.0", "revision": revision, "content": {"team": "Taken over"}},
                     content_type="application/json", **bearer(token)),
        client.post(f"{API}/drafts/{their_draft.public_id}/submit", {"revision": revision},
                    content_type="application/json", **bearer(token)),
    ]
    assert [r.status_code for r in responses] == [404, 404, 404]
    their_draft.draft.refresh_from_db()
    assert their_draft.draft.revision == revision and their_draft.draft.data["team"] != "Taken over"
    assert their_draft.draft.state == "in_progress"


def test_another_organisations_drafts_are_not_listed(client, token, their_draft, council, editor):
    mine = complete_draft(council, editor)
    listed = [d["public_id"] for d in client.get(f"{API}/drafts", **bearer(token)).json()["results"]]
    assert listed == [mine.public_id]


def test_a_new_draft_belongs_to_the_tokens_organisation(client, token, council):
    response = client.post(f"{API}/drafts", {"content": {"name": "Mine"}}, content_type="application/json",
                           **bearer(token))
    assert response.json()["organisation"]["slug"] == council.slug


def test_their_token_cannot_see_ours(client, make_token, other_council, outsider, council, editor):
    theirs = make_token(organisation=other_council, user=outsider)
    ours = complete_draft(council, editor)
    assert client.get(f"{API}/drafts/{ours.public_id}", **bearer(theirs)).status_code == 404


def test_a_nul_character_in_an_address_is_just_not_found(client, token):
    assert client.get(f"{API}/drafts/a%00b", **bearer(token)).status_code == 404
