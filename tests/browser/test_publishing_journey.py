"""The whole publishing journey in a real browser: write, fix a mistake, submit, publish, find, change, compare."""

import pytest

from algoreg.audit.models import AuditEvent
from algoreg.standard.fields import FieldType, sections_for
from tests.conftest import PASSWORD

from .conftest import screenshot, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWERS = {
    FieldType.TEXT: "Council housing repairs service",
    FieldType.LONG_TEXT: "Repair requests are sorted by how urgent they are, so the most serious are fixed first.",
    FieldType.URL: "https://www.example-borough.example/repairs",
    FieldType.EMAIL: "repairs@example-borough.example",
    FieldType.NUMBER: "12000",
}


def sign_in(page, user):
    page.goto("/account/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/manage/")


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def answer(page, f, name: str) -> None:
    """Fill in one required field the way a person would, whatever its type."""
    if f.type in ANSWERS:
        page.locator(f"main [name='{name}']").fill(ANSWERS[f.type])
    elif f.type in (FieldType.CHOICE, FieldType.MULTI_CHOICE):
        page.locator(f"main [name='{name}']").first.check()
    elif f.type == FieldType.DATE:
        for part, value in (("day", "1"), ("month", "6"), ("year", "2027")):
            page.locator(f"[name='{name}-{part}']").fill(value)
    elif f.type == FieldType.GROUP:
        page.get_by_role("button", name=f"Add {f.item_with_article}", exact=True).click()
        for sub in f.fields:
            if sub.required and sub.applies_to("4.0"):
                answer(page, sub, f"{name}-0-{sub.key}")


def fill_every_section(page, record_url: str) -> None:
    for section in sections_for("4.0"):
        page.goto(f"{record_url}sections/{section.key}/")
        for f in section.fields:
            if (f.required or f.required_if) and f.key != "name":
                answer(page, f, f.key)
        page.get_by_label("Yes, it is finished").check()
        page.get_by_role("button", name="Save and return to the record").click()
        page.locator(".govuk-notification-banner--success").wait_for()


def test_an_editor_and_an_approver_publish_two_versions_that_the_public_can_compare(
        page, editor, approver, council):
    sign_in(page, editor)
    page.get_by_role("link", name="Create a record").click()
    page.get_by_label("What is the tool called?").fill("Repairs triage")
    page.get_by_role("button", name="Create the record").click()
    record_url = page.url.split("#")[0]
    assert record_url.endswith("/") and "/manage/records/" in record_url

    # A mistake, explained and fixed.
    page.goto(f"{record_url}sections/summary/")
    page.get_by_label("Contact email").fill("repairs at example")
    page.get_by_role("button", name="Save and return to the record").click()
    page.locator(".govuk-error-summary").wait_for()
    assert "Enter an email address in the correct format" in page.locator(".govuk-error-summary").inner_text()
    assert serious_violations(page) == []
    page.get_by_label("Contact email").fill("repairs@example-borough.example")
    page.get_by_role("button", name="Save and return to the record").click()
    page.locator(".govuk-notification-banner--success").wait_for()

    fill_every_section(page, record_url)
    page.goto(record_url)
    screenshot(page, "journey-complete")
    assert "Nothing. Every required answer is filled in." in page.content()
    page.get_by_role("button", name="Submit for review").click()
    page.locator(".govuk-notification-banner--success").wait_for()
    sign_out(page)

    sign_in(page, approver)
    page.goto(record_url)
    page.get_by_role("link", name="Publish", exact=True).click()
    page.get_by_role("button", name="Publish", exact=True).click()
    page.locator(".govuk-notification-banner--success").wait_for()
    sign_out(page)

    # Anyone can find it.
    page.goto("/records/")
    page.get_by_role("link", name="Repairs triage").click()
    assert page.locator("h1").inner_text() == "Repairs triage"
    public_url = page.url

    # The editor changes it and the approver publishes version 2.
    sign_in(page, editor)
    page.goto(record_url)
    page.get_by_role("button", name="Update this record").click()
    page.goto(f"{record_url}sections/owner/")
    page.get_by_label("Team", exact=True).fill("Repairs and maintenance")
    page.get_by_label("Yes, it is finished").check()
    page.get_by_role("button", name="Save and return to the record").click()
    page.get_by_role("button", name="Submit for review").click()
    page.locator(".govuk-notification-banner--success").wait_for()
    sign_out(page)
    sign_in(page, approver)
    page.goto(record_url)
    page.get_by_role("link", name="Publish", exact=True).click()
    page.get_by_label("Publish this record").fill("The team's new name.")
    page.get_by_role("button", name="Publish", exact=True).click()
    page.locator(".govuk-notification-banner--success").wait_for()
    sign_out(page)

    # The history shows both versions and what changed between them.
    page.goto(public_url)
    page.get_by_role("link", name="See all 2 versions and what changed").click()
    history = page.content()
    assert "The team&#39;s new name." in history or "The team's new name." in history
    assert "First publication." in history
    assert serious_violations(page) == []
    page.get_by_role("button", name="Compare").click()
    changes = page.locator("main").inner_text()
    assert "Repairs and maintenance" in changes and "Council housing repairs service" in changes
    screenshot(page, "journey-compare")

    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    for step in ("user.signed_in", "record.created", "draft.saved", "record.submitted", "record.published",
                 "user.signed_out"):
        assert step in actions
    assert actions.count("record.published") == 2
