"""With a token, a council creates and changes its drafts; the editor's checks apply and every change is logged."""

import pytest

from algoreg.audit.models import AuditEvent
from algoreg.records.models import Record, RecordDraft
from tests.api.conftest import bearer
from tests.editor.helpers import new_draft

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def draft(council, editor):
    return new_draft(council, editor, name="Repairs triage")


def change(client, token, draft, content, revision=None, version="4.0"):
    body = {"standard_version": version, "revision": revision or draft.draft.revision, "content": content}
    return client.patch(f"{API}/drafts/{draft.public_id}", body, content_type="application/json", **bearer(token))


def test_creating_a_draft(client, token, council, org_admin):
    response = client.post(f"{API}/drafts", {"content": {"name": "Bin collection routes", "phase": "production",
                                                         "function": ["environmental-protection"]}},
                           content_type="application/json", **bearer(token))
    assert response.status_code == 201
    body = response.json()
    assert response["Location"] == body["api_url"]
    assert body["content"] == {"name": "Bin collection routes", "phase": "production",
                               "function": ["environmental-protection"]}
    assert body["revision"] == 1 and body["state"] == "in_progress" and body["is_published"] is False
    assert any(p["path"] == "description" for p in body["missing_for_publication"])
    record = Record.objects.get(public_id=body["public_id"])
    assert record.organisation == council and record.status == "draft"
    event = AuditEvent.objects.get(action="record.created", record=record)
    assert event.actor is None and event.token.created_by == org_admin and "Through the API" in event.detail


def test_a_new_draft_needs_a_name(client, token):
    for content in ({}, {"name": "   "}):
        response = client.post(f"{API}/drafts", {"content": content}, content_type="application/json",
                               **bearer(token))
        assert response.status_code == 422
        assert response.json()["errors"] == [
            {"path": "name", "location": "content", "message": "Enter name of the tool"}]
    assert not Record.objects.exists()


def test_changing_some_fields_keeps_the_others(client, token, draft, org_admin):
    response = change(client, token, draft, {"team": "Repairs team", "decisions_per_year": 1200,
                                             "risks": [{"category": "data", "name": "Out-of-date addresses"}]})
    assert response.status_code == 200
    body = response.json()
    assert body["revision"] == 2
    assert body["content"]["name"] == "Repairs triage"
    assert body["content"]["risks"] == [{"category": "data", "name": "Out-of-date addresses"}]
    stored = RecordDraft.objects.get(record=draft)
    assert stored.data["decisions_per_year"] == 1200
    assert stored.last_edited_by is None and stored.last_edited_through.created_by == org_admin
    event = AuditEvent.objects.filter(action="draft.saved", record=draft).latest("pk")
    assert "Through the API" in event.detail and "team" in event.detail and event.token is not None


def test_null_removes_a_value_and_withheld_withholds_it(client, token, draft):
    change(client, token, draft, {"team": "Repairs team", "website_url": "https://example.gov.uk/repairs"})
    draft.draft.refresh_from_db()
    response = change(client, token, draft, {
        "website_url": None, "team": {"withheld": True, "reason": "Too small a team to name."}})
    content = response.json()["content"]
    assert "website_url" not in content
    assert content["team"] == {"withheld": True, "reason": "Too small a team to name."}
    stored = RecordDraft.objects.get(record=draft).data
    assert "team" not in stored and stored["withheld"] == {"team": "Too small a team to name."}


def test_text_is_tidied_as_the_editor_tidies_it(client, token, draft):
    response = change(client, token, draft, {"team": "  Repairs\x00 team ",
                                             "risks": [{"name": "Late", "description": ""}, {}]})
    content = response.json()["content"]
    assert content["team"] == "Repairs team"
    assert content["risks"] == [{"name": "Late"}]


def test_problems_are_named_by_field_path(client, token, draft):
    response = change(client, token, draft, {
        "phase": "finished",
        "website_url": "not a web address",
        "risks": [{"name": "Fine"}, {"name": 3, "colour": "red"}],
        "contact_email": {"withheld": True, "reason": "No."},
        "suppliers": [{"third_party": "Acme", "companies_house_number": "123"}],
        "favourite_colour": "blue",
    })
    assert response.status_code == 422
    problems = {p["path"]: p["message"] for p in response.json()["errors"]}
    assert all(p["location"] == "content" for p in response.json()["errors"])
    assert problems == {
        "phase": "Select one of the options for phase",
        "website_url": "Enter a full web address for web page about the tool, starting with https://",
        "risks.1.name": "Risk must be text (risk 2)",
        "risks.1.colour": "“colour” is not part of a risk",
        "contact_email": "Contact email must be published; it cannot be withheld",
        "suppliers.0.companies_house_number": (
            "Enter a Companies House number of 8 characters, like 01234567 or SC123456 (third party 1)"),
        "favourite_colour": "“favourite_colour” is not a field of records written to version 4.0 of the standard",
    }
    assert RecordDraft.objects.get(record=draft).revision == draft.draft.revision


def test_fields_of_another_version_of_the_standard_are_refused(client, token, draft):
    response = change(client, token, draft, {"scope": "Old field"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["path"] == "scope"


def test_a_change_must_say_the_drafts_version_of_the_standard(client, token, draft):
    response = change(client, token, draft, {"scope": "Old field"}, version="1.1")
    assert response.status_code == 409
    assert response.json()["errors"][0]["path"] == "standard_version"


def test_a_body_that_is_not_json_is_400(client, token, draft):
    response = client.patch(f"{API}/drafts/{draft.public_id}", "{not json", content_type="application/json",
                            **bearer(token))
    assert response.status_code == 400
    assert response.json()["errors"][0]["location"] == "body"


def test_changing_a_submitted_draft_takes_it_out_of_review(client, token, council, editor):
    from algoreg.records import workflow
    from tests.editor.helpers import complete_draft

    record = complete_draft(council, editor)
    workflow.submit(record.draft, editor)
    record.draft.refresh_from_db()
    response = change(client, token, record, {"team": "New team"})
    assert response.json()["state"] == "in_progress"


def test_submitting_a_complete_draft_for_review(client, token, council, editor, approver, mailoutbox):
    from tests.editor.helpers import complete_draft

    record = complete_draft(council, editor)
    response = client.post(f"{API}/drafts/{record.public_id}/submit", {"revision": record.draft.revision},
                           content_type="application/json", **bearer(token))
    assert response.status_code == 200
    assert response.json()["state"] == "submitted"
    event = AuditEvent.objects.get(action="record.submitted", record=record)
    assert "Through the API" in event.detail
    assert [m.to for m in mailoutbox] == [[approver.email]]


def test_an_incomplete_draft_cannot_be_submitted(client, token, draft):
    response = client.post(f"{API}/drafts/{draft.public_id}/submit", {"revision": draft.draft.revision},
                           content_type="application/json", **bearer(token))
    assert response.status_code == 409
    paths = [p["path"] for p in response.json()["errors"]]
    assert paths[0] == "" and "description" in paths and "risks" in paths
    assert RecordDraft.objects.get(record=draft).state == "in_progress"


def test_listing_and_reading_drafts(client, token, draft, record, editor):
    from algoreg.records import workflow

    workflow.start_new_draft(record, editor)
    listed = client.get(f"{API}/drafts", **bearer(token)).json()
    assert {d["public_id"]: d["is_published"] for d in listed["results"]} == {
        draft.public_id: False, record.public_id: True}
    one = client.get(f"{API}/drafts/{draft.public_id}", **bearer(token)).json()
    assert one["content"] == {"name": "Repairs triage", "organisation_or_department": "Example Borough Council"}
    assert one["editor_url"].endswith(f"/manage/records/{draft.public_id}/")
