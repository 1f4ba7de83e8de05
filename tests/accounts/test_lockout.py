import pytest
from django.conf import settings

from algoreg.audit.models import AuditEvent
from tests.accounts.helpers import html, link_in_last_email, sign_in

pytestmark = pytest.mark.django_db


def fail(client, email, times):
    for _ in range(times):
        sign_in(client, email, "wrong password, again")


def test_the_lockout_settings_default_to_5_failures_and_30_minutes():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_MINUTES == 30


def test_four_failures_still_let_you_sign_in(client, editor):
    fail(client, editor.email, 4)
    assert sign_in(client, editor.email).status_code == 302


def test_after_five_failures_even_the_right_password_is_refused_for_a_while(client, editor):
    fail(client, editor.email, 4)
    fifth = sign_in(client, editor.email, "wrong password, again")
    assert fifth.status_code == 429
    response = sign_in(client, editor.email)
    page = html(response)
    assert response.status_code == 429
    assert "You cannot sign in for now" in page
    assert "30 minutes" in page and "You can try again after" in page
    assert client.get("/account/").status_code == 302


def test_attempts_while_locked_out_are_audited_as_failures(client, editor):
    fail(client, editor.email, 5)
    sign_in(client, editor.email)
    event = AuditEvent.objects.filter(action=AuditEvent.Action.SIGN_IN_FAILED).first()
    assert "locked" in event.detail
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SIGN_IN_FAILED).count() == 6


def test_failures_count_per_email_address_whatever_its_case(client, editor, approver):
    fail(client, editor.email.upper(), 5)
    assert sign_in(client, editor.email).status_code == 429
    assert sign_in(client, approver.email).status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, editor, settings):
    fail(client, editor.email, 5)
    settings.AXES_COOLOFF_TIME = settings.AXES_COOLOFF_TIME * 0  # as if the 30 minutes had passed
    assert sign_in(client, editor.email).status_code == 302


def test_setting_a_new_password_ends_the_lockout(client, editor):
    fail(client, editor.email, 5)
    client.post("/account/password/reset/", {"email": editor.email})
    form_page = client.get(link_in_last_email(), follow=True)
    client.post(form_page.redirect_chain[-1][0], {"new_password1": "a brand new passphrase",
                                                  "new_password2": "a brand new passphrase"})
    assert sign_in(client, editor.email, "a brand new passphrase").status_code == 302
