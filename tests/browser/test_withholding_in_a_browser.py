"""The "If this cannot be published" controls stay out of the way until opened, with or without JavaScript."""

import pytest

from tests.editor.helpers import new_draft

from .conftest import screenshot, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The height of the section's main content taken by the closed controls, their margins included.
CONTROLS_SHARE = """() => {
  const main = document.querySelector('main').getBoundingClientRect().height;
  const taken = [...document.querySelectorAll('main details')].reduce((sum, d) => {
    const style = getComputedStyle(d);
    return sum + d.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
  }, 0);
  return taken / main;
}"""


def test_closed_controls_add_little_to_a_section_and_one_opens_from_the_keyboard(page, sign_in, editor, council):
    record = new_draft(council, editor)
    sign_in(editor)
    page.goto(f"/manage/records/{record.public_id}/sections/tool/")
    assert page.locator("main details[open]").count() == 0
    assert page.evaluate(CONTROLS_SHARE) < 0.15
    reason = page.get_by_label("Why this cannot be published (System design)")
    assert not reason.is_visible()

    page.locator("#withhold-system_architecture summary").focus()
    page.keyboard.press("Enter")
    assert reason.is_visible()
    assert page.locator("main details[open]").count() == 1
    assert serious_violations(page) == []
    screenshot(page, "section-tool-withholding-one-field")


def test_a_control_opens_without_javascript(page_without_javascript, editor, council):
    record = new_draft(council, editor)
    page = page_without_javascript(editor)
    page.goto(f"/manage/records/{record.public_id}/sections/tool/")
    reason = page.get_by_label("Why this cannot be published (Maintenance and review)")
    assert not reason.is_visible()
    page.get_by_text("If this cannot be published (Maintenance and review)").click()
    assert reason.is_visible()
    reason.fill("It names the supplier's security partner.")
    page.get_by_role("button", name="Save and return to the record").click()
    page.wait_for_url(f"**/manage/records/{record.public_id}/")
    record.draft.refresh_from_db()
    assert record.draft.data["withheld"] == {"maintenance": "It names the supplier's security partner."}
