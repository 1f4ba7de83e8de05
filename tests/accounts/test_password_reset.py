import pytest
from django.core import mail

from algoreg.audit.models import AuditEvent
from tests.accounts.helpers import html, last_event, link_in_last_email, sign_in

pytestmark = pytest.mark.django_db
NEW = "a brand new passphrase"


def ask_for_link(client, email):
    return client.post("/account/password/reset/", {"email": email})


def open_link(client):
    """Follow the emailed link; Django moves the token out of the address before showing the form."""
    response = client.get(link_in_last_email(), follow=True)
    return response, response.redirect_chain[-1][0]


def test_asking_for_a_reset_emails_a_link_to_this_site(client, editor, settings):
    response = ask_for_link(client, editor.email)
    assert response["Location"] == "/account/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [editor.email]
    assert settings.SITE_URL + "/account/password/reset/" in message.body
    assert "&#" not in message.body and "&amp;" not in message.body


def test_the_link_lets_you_set_a_new_password_and_it_is_audited(client, editor):
    ask_for_link(client, editor.email)
    response, form_url = open_link(client)
    assert "Create a new password" in html(response)
    done = client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == "/account/password/reset/done/"
    assert last_event().action == AuditEvent.Action.PASSWORD_CHANGED and last_event().actor == editor
    assert sign_in(client, editor.email, NEW).status_code == 302


def test_the_old_password_stops_working(client, editor):
    ask_for_link(client, editor.email)
    _, form_url = open_link(client)
    client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert sign_in(client, editor.email).status_code == 200


def test_a_link_works_only_once(client, editor):
    ask_for_link(client, editor.email)
    link = link_in_last_email()
    _, form_url = open_link(client)
    client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert "This link does not work" in html(client.get(link, follow=True))


def test_a_weak_or_mismatched_new_password_is_explained(client, editor):
    ask_for_link(client, editor.email)
    _, form_url = open_link(client)
    page = html(client.post(form_url, {"new_password1": "password", "new_password2": "password"}))
    assert "There is a problem" in page and 'href="#id_new_password1"' in page
    page = html(client.post(form_url, {"new_password1": NEW, "new_password2": NEW + "x"}))
    assert "The passwords do not match" in page and 'href="#id_new_password2"' in page


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, db):
    response = ask_for_link(client, "nobody@example.org")
    assert response["Location"] == "/account/password/reset/sent/"
    assert mail.outbox == []


def test_a_made_up_link_says_it_does_not_work(client, db):
    assert "This link does not work" in html(client.get("/account/password/reset/MQ/abc-def/", follow=True))


def test_the_email_address_must_look_like_one(client, db):
    page = html(ask_for_link(client, "not an email"))
    assert "Enter an email address in the right format" in page
