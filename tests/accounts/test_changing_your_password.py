import pytest
from django.test import Client

from algoreg.audit.models import AuditEvent
from tests.accounts.helpers import html, last_event, sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
NEW = "a brand new passphrase"
URL = "/account/password/change/"


def test_you_can_change_your_password_and_it_is_audited(client, editor):
    sign_in(client, editor.email)
    response = client.post(URL, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert response["Location"] == "/account/"
    assert "Your password has been changed" in html(client.get("/account/"))
    assert last_event().action == AuditEvent.Action.PASSWORD_CHANGED
    editor.refresh_from_db()
    assert editor.check_password(NEW)


def test_changing_it_signs_out_your_other_sessions_but_not_this_one(client, editor):
    other = Client()
    sign_in(other, editor.email)
    sign_in(client, editor.email)
    client.post(URL, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert client.get("/account/").status_code == 200
    assert other.get("/account/").status_code == 302


def test_the_current_password_must_be_right(client, editor):
    client.force_login(editor)
    page = html(client.post(URL, {"old_password": "nope", "new_password1": NEW, "new_password2": NEW}))
    assert "Your current password is not right" in page and 'href="#id_old_password"' in page
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


def test_you_must_be_signed_in(client, db):
    assert client.get(URL)["Location"].startswith("/account/sign-in/?next=")
