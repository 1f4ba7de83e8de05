import pytest

from algoreg.records.models import RecordDraft

from .helpers import new_draft, section_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_record(council, editor, client):
    client.force_login(editor)
    return new_draft(council, editor)


def url(record, section):
    return f"/manage/records/{record.public_id}/sections/{section}/"


def test_every_section_page_shows_its_fields_with_hints(client, draft_record):
    from algoreg.standard.fields import sections_for

    for section in sections_for("4.0"):
        html = client.get(url(draft_record, section.key)).content.decode()
        assert section.title in html
        for f in section.fields:
            assert f.hint.replace("'", "&#39;")[:40] in html, f.key


def test_saving_a_section_stores_the_answers_and_returns_to_the_task_list(client, draft_record):
    draft = draft_record.draft
    response = client.post(url(draft_record, "owner"), section_post(
        draft, organisation_or_department="Example Borough Council", team="Housing repairs",
        senior_responsible_owner="Director of Housing", third_party_involvement="no", completed="yes"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.data["team"] == "Housing repairs" and draft.data["name"] == "Repairs triage"
    assert draft.completed_sections == ["owner"] and draft.revision == 2
    html = client.get(f"/manage/records/{draft_record.public_id}/").content.decode()
    assert "Owner and responsibility" in html and "Completed" in html


def test_a_wrong_answer_is_explained_and_nothing_typed_is_lost(client, draft_record):
    response = client.post(url(draft_record, "summary"), section_post(
        draft_record.draft, description="My careful description.", contact_email="not an email",
        website_url="www.no-scheme"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "<title>Error:" in html
    assert 'href="#contact_email"' in html and "Enter an email address in the correct format" in html
    assert "My careful description." in html and 'value="not an email"' in html
    draft = RecordDraft.objects.get(record=draft_record)
    assert "description" not in draft.data and draft.revision == 1


def test_an_impossible_date_and_a_non_number_are_refused(client, draft_record):
    response = client.post(url(draft_record, "tool"), section_post(
        draft_record.draft, **{"next_review_date-day": "31", "next_review_date-month": "2",
                               "next_review_date-year": "2027"}))
    assert "Next review date must be a real date" in response.content.decode()
    response = client.post(url(draft_record, "deployment"), section_post(draft_record.draft,
                                                                         decisions_per_year="lots"))
    assert "Cases handled each year must be a whole number" in response.content.decode()


def test_dates_and_numbers_are_stored_in_a_standard_form(client, draft_record):
    client.post(url(draft_record, "tool"), section_post(
        draft_record.draft, **{"next_review_date-day": "5", "next_review_date-month": "3",
                               "next_review_date-year": "2027"}))
    client.post(url(draft_record, "deployment"), section_post(RecordDraft.objects.get(), decisions_per_year="12,500"))
    data = RecordDraft.objects.get().data
    assert data["next_review_date"] == "2027-03-05" and data["decisions_per_year"] == 12500


def test_repeatable_items_are_added_and_removed_without_javascript(client, draft_record):
    page = url(draft_record, "risks")
    response = client.post(page, section_post(draft_record.draft, action="add:risks", **{"risks-count": "0"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Risk 1" in html and 'name="risks-0-name"' in html and 'name="risks-count" value="1"' in html
    draft = RecordDraft.objects.get()
    client.post(page, section_post(draft, action="add:risks", **{
        "risks-count": "1", "risks-0-category": "data", "risks-0-name": "Old addresses"}))
    draft = RecordDraft.objects.get()
    client.post(page, section_post(draft, **{
        "risks-count": "2", "risks-0-category": "data", "risks-0-name": "Old addresses",
        "risks-1-category": "outputs", "risks-1-name": "Unfair order"}))
    assert [r["name"] for r in RecordDraft.objects.get().data["risks"]] == ["Old addresses", "Unfair order"]
    draft = RecordDraft.objects.get()
    client.post(page, section_post(draft, action="remove:risks:0", **{
        "risks-count": "2", "risks-0-category": "data", "risks-0-name": "Old addresses",
        "risks-1-category": "outputs", "risks-1-name": "Unfair order"}))
    assert [r["name"] for r in RecordDraft.objects.get().data["risks"]] == ["Unfair order"]


def test_a_field_can_be_withheld_with_a_reason(client, draft_record):
    client.post(url(draft_record, "tool"), section_post(
        draft_record.draft, **{"withheld-system_architecture": "It would help people get round the checks."}))
    data = RecordDraft.objects.get().data
    assert data["withheld"] == {"system_architecture": "It would help people get round the checks."}
    html = client.get(url(draft_record, "tool")).content.decode()
    assert "It would help people get round the checks." in html


def test_the_task_list_says_what_is_still_missing_with_links_to_it(client, draft_record):
    html = client.get(f"/manage/records/{draft_record.public_id}/").content.decode()
    assert "Still needed before publishing" in html
    assert f'href="/manage/records/{draft_record.public_id}/sections/summary/#contact_email"' in html
    assert "Enter contact email" in html


def test_an_unknown_section_is_not_found(client, draft_record):
    assert client.get(url(draft_record, "nonsense")).status_code == 404


def test_bad_form_input_never_causes_a_server_error(client, draft_record):
    response = client.post(url(draft_record, "risks"), {
        "revision": "x", "action": "remove:risks:99", "risks-count": "9999999", "risks-0-category": "<b>",
        "completed": "maybe"})
    assert response.status_code in (200, 302)


def test_the_preview_shows_the_draft_as_the_public_will_see_it(client, draft_record):
    html = client.get(f"/manage/records/{draft_record.public_id}/preview/").content.decode()
    assert "This is what the public will see once this draft is published." in html
    assert "Repairs triage" in html and "At a glance" in html


def test_changing_a_submitted_draft_takes_it_back_out_of_review(client, editor, council):
    from algoreg.records import workflow

    from .helpers import complete_draft

    record = complete_draft(council, editor)
    workflow.submit(record.draft, editor)
    client.force_login(editor)
    page = client.get(url(record, "owner")).content.decode()
    assert "This draft is waiting for review" in page
    client.post(url(record, "owner"), section_post(RecordDraft.objects.get(record=record), team="New team"))
    assert RecordDraft.objects.get(record=record).state == "in_progress"
