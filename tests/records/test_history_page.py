"""The public history page of a record: every published version, newest first, and a form to compare two."""

import re
from datetime import datetime, timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from algoreg.records.models import Record
from algoreg.records.publishing import publish
from tests.factories import complete_data

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime(2025, 3, 4, 10, 0))


def history_url(record) -> str:
    return f"/records/{record.reference}/history/"


@pytest.fixture
def three_versions(council):
    record = Record.objects.create(organisation=council)
    publish(record, complete_data("3.0", name="Repairs triage"), "3.0", "First published.", START)
    publish(record, complete_data("3.0", name="Repairs triage", team="Repairs team"), "3.0",
            "Named the team that runs it.", START + timedelta(days=40))
    publish(record, complete_data("4.0", name="Repairs triage"), "4.0", "Moved to version 4.0 of the standard.",
            START + timedelta(days=400))
    record.refresh_from_db()
    return record


def test_every_version_is_listed_newest_first_with_its_date_note_and_standard(client, three_versions):
    response = client.get(history_url(three_versions))
    html = response.content.decode()
    assert response.status_code == 200
    notes = ["Moved to version 4.0 of the standard.", "Named the team that runs it.", "First published."]
    assert [html.index(note) for note in notes] == sorted(html.index(note) for note in notes)
    for date in ("4 March 2025", "13 April 2025", "8 April 2026"):
        assert date in html
    rows = re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', html, re.S)[1:]
    assert [re.findall(r'<td class="govuk-table__cell">([^<]*)</td>', row)[-1] for row in rows] == ["4.0", "3.0",
                                                                                                    "3.0"]


def test_each_version_links_to_its_full_text_and_to_what_changed_in_it(client, three_versions):
    html = client.get(history_url(three_versions)).content.decode()
    base = f"/records/{three_versions.reference}"
    for number in (1, 2, 3):
        assert f'href="{base}/versions/{number}/"' in html
    assert f'href="{base}/compare/?from=2&amp;to=3"' in html
    assert f'href="{base}/compare/?from=1&amp;to=2"' in html
    assert "from=0" not in html
    assert "Current" in html


def test_the_compare_form_works_without_javascript_and_starts_with_the_previous_against_the_latest(
        client, three_versions):
    html = client.get(history_url(three_versions)).content.decode()
    form = re.search(r'<form method="get" action="([^"]+)"[^>]*>(.*?)</form>', html, re.S)
    assert form.group(1) == f"/records/{three_versions.reference}/compare/"
    selected = dict(re.findall(r'<select class="govuk-select" id="(\w+)" name="\w+"[^>]*>.*?'
                               r'<option value="(\d+)" selected>', form.group(2), re.S))
    assert selected == {"from": "2", "to": "3"}
    assert '<label class="govuk-label" for="from">' in form.group(2)
    assert "Compare versions" in form.group(2)


def test_a_record_with_one_version_says_so_and_has_no_compare_form(client, record):
    html = client.get(history_url(record)).content.decode()
    assert "has published this record once" in html
    assert "<form method=\"get\"" not in html
    assert f'href="/records/{record.reference}/versions/1/"' in html


def test_the_history_page_is_a_gov_uk_style_page(client, three_versions):
    html = client.get(history_url(three_versions)).content.decode()
    assert len(re.findall(r"<h1[ >]", html)) == 1
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
    assert title.startswith("Version history: Repairs triage")
    assert title.endswith(f"– {settings.SITE_NAME}")
    assert 'class="govuk-breadcrumbs' in html


def test_an_old_address_redirects_to_the_current_one(client, three_versions):
    for reference in (three_versions.public_id, f"{three_versions.public_id}-old-name"):
        response = client.get(f"/records/{reference}/history/")
        assert response.status_code == 301
        assert response["Location"] == history_url(three_versions)


def test_records_that_are_not_public_have_no_history(client, council):
    draft_only = Record.objects.create(organisation=council)
    assert client.get(f"/records/{draft_only.public_id}/history/").status_code == 404
    assert client.get("/records/nosuch1-x/history/").status_code == 404


def test_the_record_page_links_to_its_history_and_says_which_version_it_is(client, three_versions):
    html = client.get(three_versions.get_absolute_url()).content.decode()
    link = f'<a class="govuk-link" href="{history_url(three_versions)}">See all 3 versions and what changed</a>'
    assert link in html
    assert html.index("About this record") < html.index(link)
    assert "Current version: <strong>3</strong>" in html


def test_the_record_page_of_a_record_published_once_links_to_its_history(client, record):
    html = client.get(record.get_absolute_url()).content.decode()
    assert f'href="{history_url(record)}">See the history of this record</a>' in html


def test_the_history_page_only_accepts_get(client, three_versions):
    assert client.post(history_url(three_versions)).status_code == 405
