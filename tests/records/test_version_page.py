"""Any published version of a record, shown in full with the record page's layout."""

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


def version_url(record, number) -> str:
    return f"/records/{record.reference}/versions/{number}/"


@pytest.fixture
def renamed(council):
    """A record whose name, team and standard changed between version 1 and version 2."""
    record = Record.objects.create(organisation=council)
    publish(record, complete_data("3.0", name="Repairs helper", team="Old team", scope="Council homes only."),
            "3.0", "First published.", START)
    publish(record, complete_data("4.0", name="Repairs triage", team="New team"), "4.0",
            "Renamed the tool and moved to version 4.0 of the standard.", START + timedelta(days=30))
    record.refresh_from_db()
    return record


def test_an_old_version_is_shown_in_full_as_it_was(client, renamed):
    response = client.get(version_url(renamed, 1))
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"<h1 class=\"govuk-heading-xl\" dir=\"auto\">\s*Repairs helper\s*</h1>", html)
    assert "Old team" in html and "New team" not in html
    assert "Council homes only." in html  # a field only ATRS 3.0 has
    assert "Algorithmic Transparency Recording Standard, version 3.0" in html
    assert "First published." in html


def test_an_old_version_says_so_at_the_top_with_its_date_and_a_link_to_the_current_version(client, renamed):
    html = client.get(version_url(renamed, 1)).content.decode()
    banner = re.search(r'<div class="govuk-notification-banner".*?</div>\s*</div>', html, re.S).group(0)
    assert "This is an old version of this record." in banner
    assert "published <time datetime=\"2025-03-04" in banner and "4 March 2025" in banner
    assert "replaced by version 2 on" in banner and "3 April 2025" in banner
    assert f'href="{renamed.get_absolute_url()}">Read the current version (version 2)</a>' in banner
    assert f'href="/records/{renamed.reference}/compare/?from=1&amp;to=2"' in banner
    assert html.index(banner) < html.index("<h1")
    assert '<meta name="robots" content="noindex">' in html


def test_an_old_version_uses_the_same_sections_as_the_record_page(client, renamed):
    def section_titles(html):
        return re.findall(r'<h3 class="govuk-heading-m" id="(\w+)">', html)

    current = client.get(version_url(renamed, 2)).content.decode()
    assert section_titles(current) == section_titles(client.get(renamed.get_absolute_url()).content.decode())
    assert "At a glance" in current and "Full record" in current


def test_the_current_version_has_its_own_address_and_says_it_is_current(client, renamed):
    response = client.get(version_url(renamed, 2))
    html = response.content.decode()
    assert response.status_code == 200
    assert "This is version 2, the current version" in html
    assert "This is an old version" not in html
    assert "noindex" not in html
    assert f'href="/records/{renamed.reference}/compare/?from=1&amp;to=2">See what changed from version 1</a>' in html


def test_the_version_page_is_a_gov_uk_style_page(client, renamed):
    html = client.get(version_url(renamed, 1)).content.decode()
    assert len(re.findall(r"<h1[ >]", html)) == 1
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
    assert title == f"Repairs helper (version 1) – Example Borough Council – {settings.SITE_NAME}"


@pytest.mark.parametrize("number", [0, 3, 99, 2**40])
def test_an_unknown_version_number_is_not_found(client, renamed, number):
    assert client.get(version_url(renamed, number)).status_code == 404


def test_a_version_number_that_is_not_a_number_is_not_found(client, renamed):
    assert client.get(f"/records/{renamed.reference}/versions/first/").status_code == 404
    assert client.get(f"/records/{renamed.reference}/versions/-1/").status_code == 404


def test_an_old_address_redirects_to_the_current_one(client, renamed):
    response = client.get(f"/records/{renamed.public_id}-repairs-helper/versions/1/")
    assert response.status_code == 301
    assert response["Location"] == version_url(renamed, 1)


def test_versions_of_records_that_are_not_public_do_not_exist(client, council):
    draft_only = Record.objects.create(organisation=council)
    assert client.get(f"/records/{draft_only.public_id}/versions/1/").status_code == 404


def test_a_withdrawn_record_keeps_only_its_own_page(client, renamed):
    Record.objects.filter(pk=renamed.pk).update(status=Record.Status.WITHDRAWN, withdrawn_at=timezone.now(),
                                                withdrawn_reason="Published in error.")
    for path in (version_url(renamed, 1), f"/records/{renamed.reference}/history/",
                 f"/records/{renamed.reference}/compare/?from=1&to=2"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == renamed.get_absolute_url()
