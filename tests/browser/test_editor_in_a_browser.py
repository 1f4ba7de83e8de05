import pytest

from tests.editor.helpers import complete_draft, new_draft

from .conftest import screenshot, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_editor_pages_pass_axe_including_forms_showing_errors(page, sign_in, editor, council):
    record = new_draft(council, editor)
    sign_in(editor)
    pages = {"dashboard": "/manage/", "task-list": f"/manage/records/{record.public_id}/",
             "section-summary": f"/manage/records/{record.public_id}/sections/summary/",
             "section-risks": f"/manage/records/{record.public_id}/sections/risks/",
             "new-record": "/manage/records/new/", "preview": f"/manage/records/{record.public_id}/preview/"}
    for name, path in pages.items():
        page.goto(path)
        assert serious_violations(page) == [], path
        screenshot(page, name)

    page.goto(f"/manage/records/{record.public_id}/sections/summary/")
    page.get_by_label("Contact email").fill("not an email")
    page.get_by_role("button", name="Save and return to the record").click()
    page.locator(".govuk-error-summary").wait_for()
    # GOV.UK Frontend moves focus to the summary once its script has run.
    page.wait_for_function("document.activeElement && document.activeElement.closest('.govuk-error-summary')")
    assert serious_violations(page) == []
    screenshot(page, "section-with-errors")


def test_adding_a_risk_works_without_javascript(page_without_javascript, editor, council):
    record = new_draft(council, editor)
    page = page_without_javascript(editor)
    page.goto(f"/manage/records/{record.public_id}/sections/risks/")
    page.get_by_role("button", name="Add a risk").click()
    page.locator("#risks-0-name").fill("Out-of-date addresses")
    page.get_by_role("button", name="Add another risk").click()
    page.locator("#risks-1-name").fill("Unfair order")
    page.get_by_role("button", name="Remove risk 1").click()
    assert page.locator("#risks-0-name").input_value() == "Unfair order"


def test_an_approver_reviews_a_submitted_record(page, sign_in, editor, approver, council):
    from algoreg.records import workflow

    record = complete_draft(council, editor)
    workflow.submit(record.draft, editor)
    sign_in(approver)
    page.goto(f"/manage/records/{record.public_id}/")
    assert serious_violations(page) == []
    screenshot(page, "review")
    page.get_by_role("link", name="Publish", exact=True).click()
    page.get_by_label("Publish this record").fill("First publication.")
    page.get_by_role("button", name="Publish", exact=True).click()
    assert "Published. The record is now public." in page.content()
