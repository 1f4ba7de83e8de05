"""The same checks the public pages get: GOV.UK markup, a title, one h1, nothing from another host."""

import re

import pytest
from django.conf import settings

from algoreg.accounts.models import Membership
from tests.accounts.helpers import give_device, sign_in

pytestmark = pytest.mark.django_db


def check(response, path):
    page = response.content.decode()
    assert response.status_code in (200, 404, 429), path
    assert '<html lang="en-GB"' in page, path
    assert len(re.findall(r"<h1[ >]", page)) == 1, path
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert title.strip().endswith(f"– {settings.SITE_NAME}"), path
    for _tag, url in re.findall(r"<(script|link|img|iframe)[^>]*?(?:src|href)=\"([^\"]+)\"", page):
        assert url.startswith("/") or 'rel="license"' in url, f"{path} loads {url}"


def test_pages_for_everyone(client, db):
    for path in ["/account/sign-in/", "/account/signed-out/", "/account/password/reset/",
                 "/account/password/reset/sent/", "/account/password/reset/done/", "/account/invitations/nope/",
                 "/account/password/reset/MQ/nope/"]:
        check(client.get(path, follow=True), path)


def test_pages_for_signed_in_people(client, org_admin, register_admin, council, editor):
    member = Membership.objects.get(user=editor).pk
    client.force_login(org_admin)
    base = f"/manage/organisation/{council.slug}"
    for path in ["/account/", "/account/password/change/", "/account/two-factor/set-up/", f"{base}/members/",
                 f"{base}/members/invite/", f"{base}/members/{member}/role/", f"{base}/members/{member}/remove/",
                 f"{base}/audit/"]:
        check(client.get(path), path)
    client.force_login(register_admin)
    for path in ["/manage/register/organisations/", "/manage/register/organisations/add/", "/manage/register/audit/"]:
        check(client.get(path), path)


def test_pages_with_errors(client, org_admin, council, editor):
    check(client.post("/account/sign-in/", {"username": "", "password": ""}), "sign in errors")
    give_device(editor)
    sign_in(client, editor.email)
    check(client.get("/account/sign-in/code/"), "code")
    check(client.post("/account/sign-in/code/", {"code": "x"}), "code errors")
    client.force_login(org_admin)
    check(client.post(f"/manage/organisation/{council.slug}/members/invite/", {}), "invite errors")
    for _ in range(6):
        response = client.post("/account/sign-in/", {"username": "x@example.org", "password": "wrong"})
    check(response, "locked out")
