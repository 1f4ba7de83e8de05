"""Clicking "Import" twice, or twice at the same moment, imports the file once; the second click gets a page saying
it is already imported, with a link to the drafts, never the error page and never half-written data."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from algoreg.audit.models import AuditEvent
from algoreg.records.models import Record, RecordDraft
from tests.parallel import at_once, shared_database  # noqa: F401  (a fixture, used by name)

pytestmark = pytest.mark.django_db(transaction=True)

GOOD = b"name,phase\nRepairs triage,production\nParking checks,public-beta\n"


def browser(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def upload(client: Client, content: bytes = GOOD) -> str:
    response = client.post("/manage/import/", {"file": SimpleUploadedFile("tools.csv", content)})
    assert response.status_code == 302
    return response["Location"]


def imported_once(council) -> bool:
    drafts = RecordDraft.objects.filter(record__organisation=council).count()
    audited = AuditEvent.objects.filter(detail__startswith="Imported").count()
    return Record.objects.count() == drafts == audited == 2


def says_already_imported(response) -> bool:
    page = response.content.decode()
    return "This file has already been imported" in page and 'href="/manage/"' in page


@pytest.mark.usefixtures("shared_database")
def test_two_clicks_at_the_same_moment_import_once_and_the_second_says_so(editor, council):
    first = browser(editor)
    report = upload(first)
    responses = at_once(editor, "post", report + "apply/", times=2)
    assert sorted(r.status_code for r in responses) == [200, 302]
    assert says_already_imported(next(r for r in responses if r.status_code == 200))
    assert imported_once(council)


def test_a_second_click_after_the_import_finished_says_it_is_already_imported(editor, council):
    client = browser(editor)
    report = upload(client)
    assert client.post(report + "apply/").status_code == 302
    again = client.post(report + "apply/")
    assert again.status_code == 200 and says_already_imported(again)
    assert "2 new drafts" in again.content.decode()
    assert says_already_imported(client.get(report))  # the report, reloaded, says so too
    assert imported_once(council)


@pytest.mark.usefixtures("shared_database")
def test_two_clicks_on_a_file_with_problems_both_show_the_problems_and_write_nothing(editor):
    first = browser(editor)
    report = upload(first, b"name,phase\nRepairs triage,Alpha\n")
    responses = at_once(editor, "post", report + "apply/", times=2)
    assert [r.status_code for r in responses] == [200, 200]
    assert all("“Alpha” is not one of the options" in r.content.decode() for r in responses)
    assert not Record.objects.exists()
