import time

import pytest

from algoreg.audit.models import AuditEvent
from tests.accounts.helpers import CODE, code_for, give_device, html, last_event, sign_in, wrong_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def device(editor):
    return give_device(editor)


def test_the_password_alone_does_not_sign_you_in(client, editor, device):
    response = sign_in(client, editor.email)
    assert response["Location"] == CODE
    assert client.get("/account/").status_code == 302
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.SIGNED_IN).exists()
    assert "Enter your security code" in html(client.get(CODE))


def test_the_right_code_signs_you_in_fully_and_it_is_audited(client, editor, device):
    sign_in(client, editor.email, next="/account/")
    response = client.post(CODE, {"code": code_for(device)})
    assert response["Location"] == "/account/"
    account = client.get("/account/")
    assert account.status_code == 200
    assert account.wsgi_request.user.is_verified()
    event = last_event()
    assert event.action == AuditEvent.Action.SIGNED_IN and "security code" in event.detail


def test_a_wrong_code_is_refused_and_audited(client, editor, device):
    sign_in(client, editor.email)
    page = html(client.post(CODE, {"code": wrong_code(device)}))
    assert "The security code is not right" in page and "<title>Error: " in page
    assert client.get("/account/").status_code == 302
    event = last_event()
    assert event.action == AuditEvent.Action.SIGN_IN_FAILED and event.actor == editor
    assert event.organisation is None


def test_a_code_cannot_be_used_twice(client, editor, device):
    code = code_for(device)
    sign_in(client, editor.email)
    client.post(CODE, {"code": code})
    client.post("/account/sign-out/")
    sign_in(client, editor.email)
    assert "The security code is not right" in html(client.post(CODE, {"code": code}))


def test_the_code_page_without_a_password_first_sends_you_to_sign_in(client, db):
    response = client.get(CODE)
    assert response["Location"] == "/account/sign-in/"


def test_the_second_step_times_out(client, editor, device, monkeypatch):
    sign_in(client, editor.email)
    later = time.time() + 11 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    response = client.post(CODE, {"code": code_for(device)})
    assert response["Location"] == "/account/sign-in/"
    assert "Your sign-in timed out" in html(client.get("/account/sign-in/"))


def test_someone_who_turned_it_on_elsewhere_is_asked_for_a_code_here(client, editor, device):
    client.force_login(editor)  # a session that began before two-factor sign-in was turned on
    response = client.get("/account/")
    assert response["Location"].startswith(CODE)
    client.post(CODE, {"code": code_for(device)})
    assert client.get("/account/").status_code == 200
