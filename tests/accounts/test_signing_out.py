import pytest

from algoreg.audit.models import AuditEvent
from tests.accounts.helpers import html, last_event

pytestmark = pytest.mark.django_db


def test_signing_out_ends_the_session_and_is_audited(client, editor, council):
    client.force_login(editor)
    response = client.post("/account/sign-out/")
    assert response.status_code == 302 and response["Location"] == "/account/signed-out/"
    assert client.get("/account/").status_code == 302
    event = last_event()
    assert event.action == AuditEvent.Action.SIGNED_OUT and event.actor == editor and event.organisation == council
    assert "You have signed out" in html(client.get("/account/signed-out/"))


def test_signing_out_needs_a_form_post_not_a_link(client, editor):
    client.force_login(editor)
    assert client.get("/account/sign-out/").status_code == 405
    assert client.get("/account/").status_code == 200


def test_every_page_for_a_signed_in_person_has_a_sign_out_button(client, editor):
    client.force_login(editor)
    assert 'action="/account/sign-out/"' in html(client.get("/account/"))
