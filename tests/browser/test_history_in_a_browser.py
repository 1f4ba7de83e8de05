"""A reader opens a record's history, compares two versions and reads what changed, in headless Chromium."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from algoreg.records.models import Record
from algoreg.records.publishing import publish
from tests.factories import complete_data

from .conftest import screenshot, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

START = timezone.make_aware(datetime(2025, 9, 1, 10, 0))
RISKS = [{"category": "data", "name": "Out-of-date addresses", "description": "Repairs go to the wrong home.",
          "mitigation": "Addresses are checked against the housing register every month."}]


@pytest.fixture
def edited(council):
    record = Record.objects.create(organisation=council)
    first = complete_data(
        name="Housing repairs triage", team="Housing repairs",
        one_sentence_description="Sorts repair requests by urgency so the worst problems are fixed first.",
        benefits="Urgent repairs, such as a gas leak, are seen the same day. Staff spend less time sorting "
                 "requests by hand.",
        human_review="A repairs officer checks every request the tool marks as urgent.", risks=RISKS)
    publish(record, first, "4.0", "First published.", START)
    second = {**first, "team": "Repairs and maintenance",
              "benefits": "Urgent repairs, such as a gas leak or no heating in winter, are seen the same day. Staff "
                          "spend less time sorting requests by hand.",
              "human_review": "A repairs officer checks every request the tool marks as urgent or routine.",
              "risks": [*RISKS, {"category": "outputs", "name": "Some tenants wait longer",
                                 "description": "Requests written in little detail may be marked as routine.",
                                 "mitigation": "Tenants can ask a person to look again."}],
              "withheld": {"system_architecture": "Publishing the design would help people get round fraud checks."}}
    publish(record, second, "4.0", "Moved to the new repairs team, and added a risk found in the annual review.",
            START + timedelta(days=120))
    publish(record, {**second, "contact_email": "repairs@example-borough.example"}, "4.0",
            "New contact address.", START + timedelta(days=200))
    record.refresh_from_db()
    return record


def test_a_reader_sees_the_history_and_what_changed_between_two_versions(page, edited):
    page.goto(edited.get_absolute_url())
    page.get_by_role("link", name="See all 3 versions and what changed").click()
    expect(page.locator("h1")).to_have_text("Version history")
    expect(page.locator("tbody tr")).to_have_count(3)
    assert serious_violations(page) == []
    screenshot(page, "history")

    page.get_by_label("Compare").select_option("1")
    page.get_by_label("with").select_option("2")
    page.get_by_role("button", name="Compare versions").click()
    assert "from=1&to=2" in page.url
    assert page.locator("h1").inner_text() == "What changed between version 1 and version 2"
    assert "fields changed." in page.locator(".govuk-body-l").first.inner_text()
    assert page.locator("ins").first.is_visible() and page.locator("del").first.is_visible()
    assert serious_violations(page) == []
    screenshot(page, "compare")

    page.get_by_role("link", name="See all versions of this record").click()
    page.get_by_role("link", name="Version 1", exact=True).click()
    assert "This is an old version of this record." in page.locator(".govuk-notification-banner").inner_text()
    assert serious_violations(page) == []
    screenshot(page, "old-version")
    assert page.failed_requests == []


def test_comparing_works_without_javascript(browser, live_server, edited, settings):
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/records/{edited.reference}/history/")
    page.get_by_role("button", name="Compare versions").click()
    assert "from=2&to=3" in page.url
    assert "1 field changed." in page.content()
    context.close()
