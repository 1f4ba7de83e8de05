"""NUL characters: an address with one is a page that does not exist (404), and query and form values lose them,
on PostgreSQL (which cannot hold NUL in text) as on SQLite."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.test.client import MULTIPART_CONTENT

from algoreg.records.models import Record
from tests.accounts.helpers import sign_in

pytestmark = pytest.mark.django_db

ADDRESSES_WITH_NUL = [
    "/records/%00/", "/records/%00/history/", "/records/%00/versions/1/", "/records/%00/compare/",
    "/records/%00/export.csv", "/records/%00/export.json", "/records/%00/export-atrs.csv", "/records/a%00b/",
    "/organisations/%00/", "/feeds/organisations/%00.atom", "/account/invitations/%00/",
    "/account/password/reset/%00/%00/", "/manage/records/%00/", "/manage/records/%00/preview/",
    "/manage/records/%00/sections/summary/", "/manage/records/%00/publish/",
]


@pytest.mark.parametrize("address", ADDRESSES_WITH_NUL)
def test_an_address_with_a_nul_character_is_not_found(client, approver, address):
    assert client.get(address).status_code in (302, 404)  # the manage pages first ask who you are
    client.force_login(approver)
    response = client.get(address)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert client.post(address).status_code == 404


def test_the_not_found_page_still_shows_who_is_signed_in(client, approver):
    client.force_login(approver)
    assert "Sign out" in client.get("/records/%00/").content.decode()


@pytest.mark.parametrize("address", ["/api/v1/records/%00", "/api/v1/records/%00/versions",
                                     "/api/v1/organisations/%00", "/api/v1/drafts/%00"])
def test_an_api_address_with_a_nul_character_gets_the_apis_json_404(client, address):
    response = client.get(address)
    assert response.status_code == 404
    assert response.json()["errors"][0]["location"] == "path"


@pytest.mark.parametrize("content_type", [MULTIPART_CONTENT, "application/x-www-form-urlencoded"])
def test_a_record_name_with_a_nul_character_is_kept_without_it(client, editor, content_type):
    client.force_login(editor)
    data = {"name": "Repairs\x00 triage"}
    if content_type != MULTIPART_CONTENT:
        data = urlencode(data)
    response = client.post("/manage/records/new/", data, content_type=content_type)
    assert response.status_code == 302
    assert Record.objects.get().draft.data["name"] == "Repairs triage"


def test_the_form_is_cleaned_even_when_csrf_has_read_it_first(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    client.get("/manage/records/new/")
    token = client.cookies["csrftoken"].value
    response = client.post("/manage/records/new/", {"name": "Repairs\x00 triage", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Record.objects.get().draft.data["name"] == "Repairs triage"


def test_query_values_with_nul_characters_give_a_page(client, editor, record):
    client.force_login(editor)
    assert client.get("/manage/records/new/", {"from": "\x00", "organisation": "a\x00"}).status_code == 200
    assert client.get(f"/records/{record.public_id}/compare/", {"from": "1\x00", "to": "\x00"},
                      follow=True).status_code == 200
    assert client.get("/api/v1/records", {"cursor": "\x00", "organisation\x00": "x"}).status_code in (200, 400)


def test_signing_in_with_nul_characters_in_the_form_gives_a_page(client, editor):
    response = sign_in(client, f"\x00{editor.email}", "wrong\x00password")
    assert response.status_code == 200
    assert "Enter a correct email address and password" in response.content.decode() or \
        "not right" in response.content.decode()
