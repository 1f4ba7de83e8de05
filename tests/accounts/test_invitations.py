from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from algoreg.accounts.models import Invitation, Membership, User
from algoreg.audit.models import AuditEvent
from tests.accounts.helpers import html, last_event, link_in_last_email, sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a long and memorable passphrase"


@pytest.fixture
def invite_url(council):
    return f"/manage/organisation/{council.slug}/members/invite/"


def invite(client, url, email="nina@example-borough.example", role="approver"):
    return client.post(url, {"email": email, "role": role})


def test_an_admin_invites_someone_by_email_and_it_is_audited(client, org_admin, council, invite_url, settings):
    client.force_login(org_admin)
    response = invite(client, invite_url, "Nina@Example-Borough.example")
    assert response["Location"] == f"/manage/organisation/{council.slug}/members/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nina@example-borough.example"]
    assert council.name in mail.outbox[0].subject
    assert link_in_last_email().startswith("/account/invitations/")
    assert settings.SITE_URL in mail.outbox[0].body
    event = last_event()
    assert event.action == AuditEvent.Action.MEMBER_INVITED and event.organisation == council
    assert "nina@example-borough.example" in event.detail and "approver" in event.detail
    page = html(client.get(response["Location"]))
    assert "We have sent an invitation to nina@example-borough.example" in page
    assert "Invitations waiting for an answer" in page and "nina@example-borough.example" in page


def test_the_invitation_keeps_only_a_hash_of_its_token_and_lasts_7_days(client, org_admin, invite_url):
    client.force_login(org_admin)
    invite(client, invite_url)
    token = link_in_last_email().rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get()
    assert token not in invitation.token_hash and len(invitation.token_hash) == 64
    assert timedelta(days=6, hours=23) < invitation.expires_at - timezone.now() <= timedelta(days=7)
    assert invitation.invited_by == org_admin and invitation.accepted_at is None


def test_a_new_person_sets_a_name_and_password_and_joins(client, org_admin, council, invite_url):
    client.force_login(org_admin)
    invite(client, invite_url)
    link = link_in_last_email()
    client.logout()
    page = html(client.get(link))
    assert "Join Example Borough Council" in page and "nina@example-borough.example" in page
    response = client.post(link, {"full_name": "Nina Newcomer", "new_password1": NEW_PASSWORD,
                                  "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    nina = User.objects.get(email="nina@example-borough.example")
    assert nina.full_name == "Nina Newcomer" and nina.check_password(NEW_PASSWORD)
    assert Membership.objects.get(user=nina, organisation=council).role == "approver"
    assert Invitation.objects.get().accepted_at is not None
    joined = AuditEvent.objects.get(action=AuditEvent.Action.MEMBER_JOINED)
    assert joined.actor == nina and joined.organisation == council
    assert client.get("/account/").status_code == 200  # signed in straight away
    assert "This invitation link does not work" in html(client.get(link))  # and the link is spent


def test_the_new_password_must_follow_the_rules(client, org_admin, invite_url):
    client.force_login(org_admin)
    invite(client, invite_url)
    link = link_in_last_email()
    client.logout()
    page = html(client.post(link, {"full_name": "", "new_password1": "short", "new_password2": "short"}))
    assert "Enter your full name" in page and 'href="#id_new_password1"' in page
    assert not User.objects.filter(email="nina@example-borough.example").exists()


def test_someone_with_an_account_signs_in_and_accepts(client, org_admin, outsider, council, invite_url):
    client.force_login(org_admin)
    invite(client, invite_url, outsider.email, "editor")
    link = link_in_last_email()
    client.logout()
    page = html(client.get(link))
    assert "You already have an account" in page
    response = sign_in(client, outsider.email, PASSWORD, next=link)
    assert response["Location"] == link
    assert "Accept the invitation" in html(client.get(link))
    client.post(link)
    assert Membership.objects.get(user=outsider, organisation=council).role == "editor"
    assert last_event().action == AuditEvent.Action.MEMBER_JOINED


def test_someone_signed_in_as_another_person_cannot_accept(client, org_admin, outsider, invite_url):
    client.force_login(org_admin)
    invite(client, invite_url)
    link = link_in_last_email()
    client.force_login(outsider)
    assert "This invitation is for someone else" in html(client.post(link))
    assert Invitation.objects.get().accepted_at is None


def test_an_expired_invitation_does_not_work(client, org_admin, invite_url):
    client.force_login(org_admin)
    invite(client, invite_url)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.logout()
    response = client.get(link_in_last_email())
    assert response.status_code == 404 and "This invitation link does not work" in html(response)


def test_inviting_again_replaces_the_old_link(client, org_admin, invite_url):
    client.force_login(org_admin)
    invite(client, invite_url)
    first = link_in_last_email()
    invite(client, invite_url)
    assert client.get(first).status_code == 404
    assert client.get(link_in_last_email()).status_code == 200
    assert Invitation.objects.count() == 1


def test_a_made_up_token_does_not_work(client, db):
    assert client.get("/account/invitations/made-up-token/").status_code == 404
    assert client.get("/account/invitations/" + "x" * 500 + "/").status_code == 404


def test_an_existing_member_cannot_be_invited_again(client, org_admin, editor, invite_url):
    client.force_login(org_admin)
    page = html(invite(client, invite_url, editor.email))
    assert "is already a member" in page and 'href="#id_email"' in page
    assert mail.outbox == []


def test_the_invite_form_says_what_is_missing(client, org_admin, invite_url):
    client.force_login(org_admin)
    page = html(client.post(invite_url, {"email": "", "role": "overlord"}))
    assert "Enter the email address of the person you want to invite" in page
    assert "Choose a role" in page and 'href="#id_role"' in page
    assert 'id="id_role"' in page  # the error summary's link has somewhere to go


def test_if_the_email_cannot_be_sent_nothing_is_kept(client, org_admin, invite_url, settings, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("algoreg.accounts.invitations.send_mail", broken)
    client.force_login(org_admin)
    page = html(invite(client, invite_url))
    assert "The invitation email could not be sent" in page
    assert not Invitation.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.MEMBER_INVITED).exists()
