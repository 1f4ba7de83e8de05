import pytest

from algoreg.audit.models import AuditEvent
from tests.accounts.helpers import SIGN_IN, html, last_event, sign_in

pytestmark = pytest.mark.django_db


def test_the_sign_in_page_is_a_gov_uk_form(client):
    page = html(client.get(SIGN_IN))
    assert '<h1 class="govuk-heading-xl">Sign in</h1>' in page
    assert 'autocomplete="email"' in page and 'autocomplete="current-password"' in page
    assert "govuk-error-summary" not in page


def test_the_right_email_and_password_sign_you_in_and_it_is_audited(client, editor, council):
    response = sign_in(client, editor.email)
    assert response.status_code == 302
    assert client.get("/account/").status_code == 200
    event = last_event()
    assert event.action == AuditEvent.Action.SIGNED_IN
    assert event.actor == editor and event.organisation == council


def test_the_email_address_is_not_case_sensitive(client, editor):
    sign_in(client, "  EDIE@Example-Borough.example ")
    assert client.get("/account/").status_code == 200


def test_a_wrong_password_shows_the_error_summary_and_is_audited(client, editor):
    response = sign_in(client, editor.email, "not my password at all")
    page = html(response)
    assert response.status_code == 200
    assert "<title>Error: Sign in" in page
    assert 'class="govuk-error-summary"' in page and "There is a problem" in page
    assert 'href="#id_username"' in page
    assert 'class="govuk-error-message"' in page
    assert "The email address or password is not right" in page
    event = last_event()
    assert event.action == AuditEvent.Action.SIGN_IN_FAILED
    assert event.organisation is None and event.actor is None
    assert editor.email in event.detail and "not my password" not in event.detail
    assert client.get("/account/").status_code == 302


def test_an_unknown_email_address_gets_the_same_message_as_a_wrong_password(client, editor):
    page = html(sign_in(client, "nobody@example-borough.example"))
    assert "The email address or password is not right" in page
    assert last_event().action == AuditEvent.Action.SIGN_IN_FAILED


def test_an_empty_form_says_what_to_enter(client, db):
    page = html(client.post(SIGN_IN, {"username": "", "password": ""}))
    assert "Enter your email address" in page and "Enter your password" in page
    assert 'href="#id_username"' in page and 'href="#id_password"' in page


def test_after_signing_in_you_go_where_you_were_going(client, org_admin, council):
    target = f"/manage/organisation/{council.slug}/members/"
    response = sign_in(client, org_admin.email, next=target)
    assert response["Location"] == target


def test_a_next_address_on_another_site_is_ignored(client, editor):
    response = sign_in(client, editor.email, next="https://evil.example/steal")
    assert "evil.example" not in response["Location"]


def test_a_signed_in_person_visiting_sign_in_is_sent_on(client, editor):
    client.force_login(editor)
    assert client.get(SIGN_IN).status_code == 302


def test_someone_in_two_organisations_is_audited_in_both(client, editor, council, other_council):
    from algoreg.accounts.models import Membership

    Membership.objects.create(user=editor, organisation=other_council, role="editor")
    sign_in(client, editor.email)
    signed_in = AuditEvent.objects.filter(action=AuditEvent.Action.SIGNED_IN, actor=editor)
    assert {event.organisation for event in signed_in} == {council, other_council}


def test_a_password_typed_into_the_email_field_is_not_written_to_the_audit_log(client, editor):
    sign_in(client, "correct horse battery staple", "whatever")
    assert "correct horse" not in last_event().detail


def test_the_lockout_records_never_hold_the_password(client, editor):
    from axes.models import AccessAttempt

    sign_in(client, editor.email, "my secret guess")
    attempt = AccessAttempt.objects.get()
    assert "my secret guess" not in attempt.post_data and "my+secret+guess" not in attempt.post_data
