"""The dashboard of an organisation with thousands of records: a page at a time, and the approvers' queue.

Listing and checking all of an organisation's records on one page took 15 seconds with 5,000 records and 500 drafts.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from algoreg.records.editor_views import DASHBOARD_ROWS
from algoreg.records.models import RecordDraft

from .helpers import new_draft

pytestmark = pytest.mark.django_db

ROW = re.compile(r'<a class="govuk-link" href="/manage/records/[^/]+/">([^<]+)</a>')


def drafts(council, editor, count: int, first: int = 0, waiting: bool = False) -> None:
    for n in range(first, first + count):
        record = new_draft(council, editor, name=f"Tool {n:03}")
        if waiting:
            RecordDraft.objects.filter(record=record).update(state=RecordDraft.State.SUBMITTED, submitted_by=editor)


def names_on(client, path: str) -> list[str]:
    return ROW.findall(client.get(path).content.decode())


def test_the_dashboard_shows_a_page_of_records_with_links_to_the_others(client, editor, council):
    drafts(council, editor, DASHBOARD_ROWS + 3)
    client.force_login(editor)
    html = client.get("/manage/").content.decode()
    assert len(ROW.findall(html)) == DASHBOARD_ROWS
    assert f"1 to {DASHBOARD_ROWS} of {DASHBOARD_ROWS + 3}" in html
    assert f'href="?organisation={council.slug}&amp;page=2"' in html
    assert names_on(client, f"/manage/?organisation={council.slug}&page=2") == [
        f"Tool {n:03}" for n in range(DASHBOARD_ROWS, DASHBOARD_ROWS + 3)]


def test_the_approvers_queue_lists_only_the_records_waiting_for_review(client, editor, approver, council):
    drafts(council, editor, 3)
    drafts(council, editor, 2, first=3, waiting=True)
    client.force_login(approver)
    html = client.get("/manage/").content.decode()
    assert f'href="/manage/?organisation={council.slug}&amp;show=waiting">2 records waiting for your review</a>' in html
    assert names_on(client, f"/manage/?organisation={council.slug}&show=waiting") == ["Tool 003", "Tool 004"]


def test_an_empty_queue_says_so(client, approver, editor, council):
    drafts(council, editor, 2)
    client.force_login(approver)
    assert "No records are waiting for review." in client.get(
        f"/manage/?organisation={council.slug}&show=waiting").content.decode()


def test_a_page_past_the_last_shows_the_last_page(client, editor, council):
    drafts(council, editor, 3)
    client.force_login(editor)
    assert names_on(client, f"/manage/?organisation={council.slug}&page=99") == ["Tool 000", "Tool 001", "Tool 002"]
    assert client.get(f"/manage/?organisation={council.slug}&page=x").status_code == 200


def test_another_organisations_dashboard_is_not_found(client, outsider, council):
    client.force_login(outsider)
    assert client.get(f"/manage/?organisation={council.slug}").status_code == 404


def test_the_dashboard_makes_the_same_queries_however_many_records_it_shows(client, editor, council):
    """Each row's draft, version and organisation come with the page, not one query per row."""
    drafts(council, editor, 2, waiting=True)
    client.force_login(editor)
    client.get("/manage/")
    with CaptureQueriesContext(connection) as few:
        client.get("/manage/")
    drafts(council, editor, 20, first=2, waiting=True)
    with CaptureQueriesContext(connection) as many:
        client.get("/manage/")
    assert len(many) == len(few)
