"""Every private page of this app, for each kind of visitor: allowed, 404, or sent to sign in."""

import pytest

from algoreg.accounts.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_pages(council, editor):
    member = Membership.objects.get(user=editor).pk
    base = f"/manage/organisation/{council.slug}"
    return [f"{base}/members/", f"{base}/members/invite/", f"{base}/members/{member}/role/",
            f"{base}/members/{member}/remove/", f"{base}/audit/"]


REGISTER_PAGES = ["/manage/register/organisations/", "/manage/register/organisations/add/", "/manage/register/audit/"]
ACCOUNT_PAGES = ["/account/", "/account/password/change/", "/account/two-factor/set-up/"]
# Pages that only show something answer other methods with 405, whoever asks, before looking at anything.
READ_ONLY = ("/members/", "/audit/", "/manage/register/organisations/", "/account/")


def responses(client, path, data=None):
    yield client.get(path)
    if not path.endswith(READ_ONLY):
        yield client.post(path, data or {})


def test_anonymous_visitors_are_sent_to_sign_in(client, admin_pages):
    for path in admin_pages + REGISTER_PAGES + ACCOUNT_PAGES:
        for response in responses(client, path):
            assert response.status_code == 302, path
            assert response["Location"].startswith("/account/sign-in/?next="), path


def test_an_admin_of_the_organisation_may_use_its_pages(client, org_admin, admin_pages):
    client.force_login(org_admin)
    for path in admin_pages:
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("persona", ["editor", "approver", "outsider"])
def test_everyone_else_gets_404_on_an_organisation_s_admin_pages(client, admin_pages, persona, request):
    client.force_login(request.getfixturevalue(persona))
    for path in admin_pages:
        for response in responses(client, path, {"role": "admin", "email": "x@example.org"}):
            assert response.status_code == 404, path


@pytest.mark.parametrize("persona", ["editor", "approver", "org_admin", "outsider"])
def test_only_register_admins_may_use_the_register_pages(client, persona, request):
    client.force_login(request.getfixturevalue(persona))
    for path in REGISTER_PAGES:
        for response in responses(client, path, {"name": "Sneaky Council"}):
            assert response.status_code == 404, path


def test_a_register_admin_may_use_every_organisation_s_pages(client, register_admin, admin_pages):
    client.force_login(register_admin)
    for path in admin_pages + REGISTER_PAGES:
        assert client.get(path).status_code == 200, path


def test_an_unknown_organisation_is_a_404_even_for_a_register_admin(client, register_admin):
    client.force_login(register_admin)
    assert client.get("/manage/organisation/no-such-council/members/").status_code == 404
