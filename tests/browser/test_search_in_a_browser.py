import re

import pytest
from playwright.sync_api import expect

from tests.factories import make_published_record

from .conftest import screenshot, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def records(council, other_council):
    make_published_record(council, name="Housing repairs triage", phase="production",
                          function=["housing-and-community-amenities"], capability=["analysis"],
                          one_sentence_description="Sorts housing repair requests by urgency.")
    make_published_record(council, name="Homelessness prevention model", phase="public-beta",
                          function=["housing-and-community-amenities", "social-protection"],
                          capability=["forecasting"],
                          one_sentence_description="Predicts which households may lose their housing.")
    make_published_record(other_council, name="Council tax chatbot", phase="production",
                          function=["general-public-services"], capability=["computer-linguistics"],
                          one_sentence_description="Answers council tax questions with artificial intelligence.")


@pytest.fixture
def no_js_page(browser, live_server, settings):
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False,
                                  viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_searching_and_filtering_work_without_javascript(no_js_page, records):
    # expect() waits for the next page to load: a click only starts the navigation.
    page = no_js_page
    page.goto("/records/")
    page.get_by_label("Search records").fill("housing")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"q=housing"))
    expect(page.get_by_text("2 records matching ‘housing’")).to_have_count(1)
    page.get_by_label("Production (1)").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"(?=.*phase=production)(?=.*q=housing)"))
    expect(page.get_by_role("link", name="Housing repairs triage")).to_have_count(1)
    expect(page.get_by_role("link", name="Homelessness prevention model")).to_have_count(0)
    page.get_by_role("link", name="Phase: Production – remove this").click()
    expect(page).not_to_have_url(re.compile(r"phase="))
    expect(page.get_by_text("2 records matching ‘housing’")).to_have_count(1)


def test_the_search_page_looks_right_and_passes_axe(page, records):
    page.goto("/records/?q=housing&function=housing-and-community-amenities")
    assert page.locator("mark").count() > 0
    assert serious_violations(page) == []
    screenshot(page, "search-results")
    page.goto("/records/?q=homelesness")
    assert page.get_by_text("Did you mean").count() == 1
    assert serious_violations(page) == []
    screenshot(page, "search-did-you-mean")
    page.goto("/records/?q=zzyzx")
    assert serious_violations(page) == []
    screenshot(page, "search-no-results")


def test_an_organisation_page_search_passes_axe(page, records, council):
    page.goto(f"/organisations/{council.slug}/?q=housing")
    assert serious_violations(page) == []
    screenshot(page, "organisation-search")


def test_a_search_too_long_shows_the_govuk_error_and_passes_axe(page, records):
    page.goto("/records/?q=" + "housing+" * 40)
    assert page.title().startswith("Error: ")
    assert page.get_by_role("link", name="Your search must be 300 characters or less. It has 320.").count() == 1
    assert len(page.get_by_label("Search records").input_value()) == 300
    assert serious_violations(page) == []
    screenshot(page, "search-too-long")
