"""The banners after creating, saving, submitting, publishing and importing read as words: no markup shows as text.

Each page of the journeys is checked with axe and saved to test-artifacts/ to look at.
"""

import pytest

from algoreg.records.models import Record, RecordDraft
from tests.factories import complete_data

from .conftest import screenshot, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MARKUP = ("<p", "&lt;", "&gt;", "class=", "</")


def check(page, name: str, says: str = "") -> None:
    """The page shows no markup as text, says what the last action did, passes axe, and is kept as a picture."""
    text = page.inner_text("body")
    assert [m for m in MARKUP if m in text] == [], text
    if says:
        banner = page.locator(".govuk-notification-banner").first.inner_text()
        assert says in banner and not any(m in banner for m in MARKUP), banner
    assert serious_violations(page) == [], name
    screenshot(page, f"messages-{name}")


def test_the_banners_of_writing_submitting_and_publishing_a_record_read_as_words(
        page, sign_in, editor, approver, council):
    sign_in(editor)
    page.goto("/manage/")
    page.get_by_role("link", name="Create a record").click()
    page.get_by_label("What is the tool called?").fill("Repairs triage")
    page.get_by_role("button", name="Create the record").click()
    check(page, "created")
    record = Record.objects.get()

    page.goto(f"/manage/records/{record.public_id}/sections/owner/")
    page.get_by_label("Team", exact=True).fill("Repairs & maintenance <north>")
    page.get_by_role("button", name="Save and return to the record").click()
    check(page, "section-saved", "Owner and responsibility: saved.")

    # The rest of the record, filled in as an earlier browser test does field by field.
    RecordDraft.objects.filter(record=record).update(data=complete_data(name="Repairs triage"))
    page.reload()
    page.get_by_role("button", name="Submit for review").click()
    check(page, "submitted", "Submitted for review. The approvers have been told by email.")

    sign_in(approver)
    page.goto(f"/manage/records/{record.public_id}/")
    page.get_by_role("link", name="Publish", exact=True).click()
    page.get_by_role("button", name="Publish", exact=True).click()
    check(page, "published", "Published. The record is now public.")

    # Publishing again (a second click, or the back button) explains that it is done and links to the record.
    page.goto(f"/manage/records/{record.public_id}/publish/")
    assert page.locator("h1").inner_text() == "This record has already been published"
    check(page, "already-published")
    page.get_by_role("link", name="View the published record").click()
    assert page.locator("h1").inner_text() == "Repairs triage"


def test_the_banner_after_an_import_reads_as_words(page, sign_in, editor, council):
    sign_in(editor)
    page.goto("/manage/import/")
    page.get_by_label("Upload a file").set_input_files({
        "name": "tools.csv", "mimeType": "text/csv",
        "buffer": b"name,phase\nRepairs triage,production\nParking <checks> & permits,public-beta\n"})
    page.get_by_role("button", name="Check the file").click()
    check(page, "import-report")
    page.get_by_role("button", name="Import 2 records").click()
    check(page, "imported", "Imported into Example Borough Council: 2 new drafts, 0 updated, 0 unchanged.")
    assert "Parking <checks> & permits" in page.inner_text("main")
