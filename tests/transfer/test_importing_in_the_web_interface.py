"""The web import: upload, a dry-run report row by row, then one button that imports everything or nothing."""

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from algoreg.accounts.models import Membership
from algoreg.records.models import Record, RecordDraft
from algoreg.transfer.models import PendingImport
from tests.conftest import make_member

pytestmark = pytest.mark.django_db

GOOD = b"name,phase\nRepairs triage,production\nParking checks,public-beta\n"
BAD = b"name,phase\nRepairs triage,production\nParking checks,Alpha\n"


def upload(client, content: bytes, name: str = "tools.csv", **extra):
    return client.post("/manage/import/", {"file": SimpleUploadedFile(name, content), **extra})


@pytest.fixture
def signed_in(client, editor):
    client.force_login(editor)
    return client


def test_the_upload_page_uses_the_gov_uk_file_upload(signed_in):
    page = signed_in.get("/manage/import/").content.decode()
    assert 'type="file"' in page and 'class="govuk-file-upload' in page
    assert 'enctype="multipart/form-data"' in page
    assert "/manage/import/" in signed_in.get("/manage/").content.decode()


def test_uploading_shows_what_will_happen_and_imports_nothing_yet(signed_in):
    response = upload(signed_in, GOOD)
    assert response.status_code == 302
    page = signed_in.get(response["Location"]).content.decode()
    assert "Check the import" in page and "New draft" in page and "Repairs triage" in page
    assert "Import 2 records" in page
    assert not Record.objects.exists()


def test_applying_imports_every_row_as_a_draft_and_forgets_the_file(signed_in, council):
    report = upload(signed_in, GOOD)["Location"]
    response = signed_in.post(report + "apply/")
    assert response.status_code == 302 and response["Location"] == "/manage/"
    assert RecordDraft.objects.filter(record__organisation=council).count() == 2
    assert PendingImport.objects.get().file_bytes() == b""  # only a note that it was imported stays, till it expires
    assert "2 new drafts" in signed_in.get("/manage/").content.decode()


def test_a_file_with_problems_lists_them_by_row_and_offers_no_import(signed_in):
    page = signed_in.get(upload(signed_in, BAD)["Location"]).content.decode()
    assert "Error: Check the import" in page and "govuk-error-summary" in page
    assert "Row 3, phase: “Alpha” is not one of the options for phase" in page
    assert "Import 2 records" not in page and "Nothing has been imported" in page


def test_applying_a_file_with_problems_imports_nothing(signed_in):
    report = upload(signed_in, BAD)["Location"]
    response = signed_in.post(report + "apply/")
    assert response.status_code == 200 and "Row 3" in response.content.decode()
    assert not Record.objects.exists()


@pytest.mark.parametrize(("data", "says"), [
    ({}, "Select a file to import"),
    ({"file": SimpleUploadedFile("empty.csv", b"")}, "The selected file is empty"),
    ({"file": SimpleUploadedFile("old.xls", b"\xd0\xcf\x11\xe0xxxx")}, "older Excel file"),
    ({"file": SimpleUploadedFile("a.csv", GOOD), "mapping": SimpleUploadedFile("m.json", b"{")},
     "The mapping file has problems"),
])
def test_an_unusable_upload_is_explained_on_the_form(signed_in, data, says):
    response = signed_in.post("/manage/import/", data)
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page and says in page


def test_a_file_over_the_limit_is_refused_with_a_clear_message(signed_in, settings):
    settings.IMPORT_MAX_BYTES = 1024
    response = upload(signed_in, b"name\n" + b"x" * 2000)
    assert "It must be 1 KB or smaller" in response.content.decode()
    settings.IMPORT_MAX_BYTES = 10
    response = upload(signed_in, b"name\n" + b"x" * 300_000)
    assert response.status_code == 413 and "must be" in response.content.decode()


def test_a_mapping_file_can_be_uploaded_with_the_spreadsheet(signed_in):
    mapping = json.dumps({"fields": {"name": {"column": "Tool"}}}).encode()
    response = upload(signed_in, b"Tool\nRepairs triage\n", mapping=SimpleUploadedFile("map.json", mapping))
    signed_in.post(response["Location"] + "apply/")
    assert RecordDraft.objects.get().data == {"name": "Repairs triage"}


def test_a_member_of_several_organisations_chooses_one(client, council, other_council):
    member = make_member("multi@example.gov.uk", council, "editor")
    Membership.objects.create(user=member, organisation=other_council, role="editor")
    client.force_login(member)
    assert "Select the organisation" in upload(client, GOOD).content.decode()
    response = upload(client, GOOD, organisation=other_council.slug)
    client.post(response["Location"] + "apply/")
    assert Record.objects.filter(organisation=other_council).count() == 2


def test_nobody_else_can_see_or_apply_an_upload(signed_in, client, approver, outsider):
    report = upload(signed_in, GOOD)["Location"]
    for person in (approver, outsider):
        client.force_login(person)
        assert client.get(report).status_code == 404
        assert client.post(report + "apply/").status_code == 404
    assert not Record.objects.exists()


def test_an_upload_left_waiting_expires(signed_in, settings):
    report = upload(signed_in, GOOD)["Location"]
    PendingImport.objects.update(created_at=timezone.now() - timedelta(minutes=settings.IMPORT_PENDING_MINUTES + 1))
    assert signed_in.get(report).status_code == 404
    upload(signed_in, GOOD)
    assert PendingImport.objects.count() == 1  # the expired one was deleted


def test_people_outside_any_organisation_cannot_import(client, register_admin):
    client.force_login(register_admin)
    assert client.get("/manage/import/").status_code == 404
