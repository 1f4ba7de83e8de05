import pytest
from django.core import mail

from algoreg.accounts.models import Invitation
from algoreg.audit.models import AuditEvent
from algoreg.organisations.models import Organisation
from tests.accounts.helpers import html

pytestmark = pytest.mark.django_db
ADD = "/manage/register/organisations/add/"


def valid(**changes):
    return {"name": "Newtown Town Council", "slug": "", "org_type": "local-authority", "council_type": "district",
            "region": "london", "website": "https://www.newtown.example", "about": "A fictional council.",
            "contact_email": "ai@newtown.example", "first_admin_email": "Boss@Newtown.example", **changes}


def test_register_admins_see_every_organisation_and_its_admin_count(client, register_admin, council, org_admin,
                                                                    other_council):
    client.force_login(register_admin)
    page = html(client.get("/manage/register/organisations/"))
    assert council.name in page and other_council.name in page
    assert "None yet" in page  # Sampleshire has no admin yet
    assert f"/manage/organisation/{council.slug}/members/" in page


def test_the_list_can_be_searched(client, register_admin, council, other_council):
    client.force_login(register_admin)
    page = html(client.get("/manage/register/organisations/?q=sampleshire"))
    assert other_council.name in page and council.name not in page


def test_adding_an_organisation_invites_its_first_admin_and_is_audited(client, register_admin):
    client.force_login(register_admin)
    response = client.post(ADD, valid())
    organisation = Organisation.objects.get(name="Newtown Town Council")
    assert organisation.slug == "newtown-town-council" and organisation.council_type == "district"
    assert response["Location"] == "/manage/organisation/newtown-town-council/members/"
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ORGANISATION_CREATED,
                                     organisation=organisation, actor=register_admin).exists()
    invitation = Invitation.objects.get()
    assert invitation.email == "boss@newtown.example" and invitation.role == "admin"
    assert mail.outbox[0].to == ["boss@newtown.example"]
    assert "Newtown Town Council has been added" in html(client.get(response["Location"]))


def test_the_first_admin_can_be_invited_later(client, register_admin):
    client.force_login(register_admin)
    client.post(ADD, valid(first_admin_email=""))
    assert Organisation.objects.filter(name="Newtown Town Council").exists()
    assert not Invitation.objects.exists()


def test_bad_input_is_explained_and_nothing_is_added(client, register_admin, council):
    client.force_login(register_admin)
    page = html(client.post(ADD, valid(name=council.name, org_type="pirate-ship", website="not a website",
                                       slug="Not A Slug!", first_admin_email="nope")))
    assert "There is already an organisation with this name" in page
    assert "Choose the type of organisation" in page
    assert "Enter the website address in full" in page
    assert "The short name can only have lower-case letters" in page
    assert "Enter an email address in the right format" in page
    assert Organisation.objects.count() == 1


def test_a_slug_already_taken_is_explained(client, register_admin, council):
    client.force_login(register_admin)
    page = html(client.post(ADD, valid(name="Another Example", slug=council.slug)))
    assert "Another organisation already uses the short name" in page
