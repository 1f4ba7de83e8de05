import time

import pytest
from django.conf import settings

from algoreg.audit.models import AuditEvent
from tests.accounts.helpers import sign_in

pytestmark = pytest.mark.django_db


def test_sessions_end_after_30_idle_minutes_and_when_the_browser_closes():
    assert settings.SESSION_IDLE_MINUTES == 30
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_each_request_pushes_the_expiry_back(client, editor):
    sign_in(client, editor.email)
    first = client.session.get_expiry_date()
    time.sleep(0.01)
    client.get("/account/")
    assert client.session.get_expiry_date() > first


def test_the_session_cookie_is_not_kept_after_the_browser_closes(client, editor):
    response = sign_in(client, editor.email)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_signing_in_starts_a_new_session(client, editor):
    client.get("/account/sign-in/")
    client.session["something"] = "before"
    before = client.cookies.get(settings.SESSION_COOKIE_NAME)
    sign_in(client, editor.email)
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != (before.value if before else None)


def test_a_session_ends_after_its_maximum_lifetime_however_active(client, editor, monkeypatch):
    sign_in(client, editor.email)
    later = time.time() + settings.SESSION_MAX_HOURS * 3600 + 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.get("/account/").status_code == 302
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SIGNED_OUT, actor=editor).exists()
