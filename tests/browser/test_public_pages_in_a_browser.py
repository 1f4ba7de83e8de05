import re

import pytest
from playwright.sync_api import expect

from tests.factories import make_published_record

from .conftest import screenshot, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def published(council):
    make_published_record(council, name="Council tax discount review", phase="public-beta")
    return make_published_record(council, name="Housing repairs triage", phase="production",
                                 human_involvement="person-decides")


def test_the_main_pages_look_right_and_pass_axe(page, published, council):
    pages = {"home": "/", "records": "/records/", "record": published.get_absolute_url(),
             "organisations": "/organisations/", "organisation": f"/organisations/{council.slug}/",
             "about": "/about/", "not-found": "/records/no-such-record/"}
    for name, path in pages.items():
        page.goto(path)
        assert page.locator("h1").count() == 1, path
        assert serious_violations(page) == [], path
        screenshot(page, name)
    assert page.failed_requests == [page.url], "only the deliberate 404 may fail"


def test_the_stylesheet_is_applied(page, published):
    page.goto("/")
    font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert font.lower().startswith("arial")
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")


def test_a_keyboard_user_can_skip_to_the_main_content(page, published):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main-content")


def test_filters_work_without_javascript(browser, live_server, published, settings):
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/records/")
    page.get_by_label("Production (1)").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"phase=production"))
    expect(page.get_by_role("link", name="Housing repairs triage")).to_have_count(1)
    expect(page.get_by_role("link", name="Council tax discount review")).to_have_count(0)
    context.close()
