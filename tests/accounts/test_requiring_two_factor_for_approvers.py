import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from algoreg.accounts.access import require_verified
from tests.accounts.helpers import code_for, give_device, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def required(settings):
    settings.REQUIRE_TWO_FACTOR_FOR_APPROVERS = True


@require_verified
def manage_view(request):
    return HttpResponse("managing")


def call(user):
    request = RequestFactory().get("/manage/something/")
    request.user = user
    request.user.is_verified = lambda: False
    request.session = {}
    return manage_view(request)


def test_it_is_off_unless_the_setting_says_so(settings, approver):
    assert settings.REQUIRE_TWO_FACTOR_FOR_APPROVERS is False
    assert call(approver).content == b"managing"


def test_an_approver_without_an_app_is_sent_to_set_one_up(required, approver):
    response = call(approver)
    assert response.status_code == 302
    assert response["Location"] == "/account/two-factor/set-up/?next=%2Fmanage%2Fsomething%2F"


def test_organisation_admins_and_register_admins_are_sent_too(required, org_admin, register_admin, council, client):
    assert call(register_admin).status_code == 302
    client.force_login(org_admin)
    response = client.get(f"/manage/organisation/{council.slug}/members/")
    assert response["Location"].startswith("/account/two-factor/set-up/")


def test_an_editor_is_not_asked(required, editor):
    assert call(editor).content == b"managing"


def test_after_setting_it_up_the_approver_gets_back_to_where_they_were(required, client, org_admin, council):
    members = f"/manage/organisation/{council.slug}/members/"
    sign_in(client, org_admin.email)
    set_up = client.get(members)["Location"]
    page = client.get(set_up).content.decode()
    assert "Your role lets you publish records or manage members" in page
    device = org_admin.totpdevice_set.get()
    response = client.post(set_up, {"code": code_for(device)})
    assert "Save your backup codes" in response.content.decode()
    assert f'href="{members}"' in response.content.decode()  # "I have saved my backup codes" carries on
    assert client.get(members).status_code == 200


def test_an_approver_with_an_app_signs_in_with_a_code_and_carries_on(required, client, org_admin, council):
    device = give_device(org_admin)
    sign_in(client, org_admin.email)
    client.post("/account/sign-in/code/", {"code": code_for(device)})
    assert client.get(f"/manage/organisation/{council.slug}/members/").status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    request = RequestFactory().get("/manage/something/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert manage_view(request)["Location"] == "/account/sign-in/?next=/manage/something/"
