import pytest
from django.core import mail

from algoreg.audit.models import AuditEvent
from algoreg.records.models import Record, RecordDraft

from .helpers import complete_draft, new_draft

pytestmark = pytest.mark.django_db


def as_user(client, user):
    client.force_login(user)
    return client


def test_an_incomplete_draft_cannot_be_submitted(client, editor, council):
    record = new_draft(council, editor)
    as_user(client, editor).post(f"/manage/records/{record.public_id}/submit/")
    assert RecordDraft.objects.get(record=record).state == "in_progress"
    overview = client.get(f"/manage/records/{record.public_id}/").content.decode()
    assert "Fill in everything the record still needs" in overview


def test_submitting_tells_the_approvers(client, editor, approver, council):
    record = complete_draft(council, editor)
    as_user(client, editor).post(f"/manage/records/{record.public_id}/submit/")
    assert RecordDraft.objects.get(record=record).state == "submitted"
    assert [m.to for m in mail.outbox] == [[approver.email]]
    assert "Ready for review: Repairs triage" == mail.outbox[0].subject
    assert AuditEvent.objects.filter(action="record.submitted", actor=editor).exists()


def test_an_approver_sends_a_draft_back_with_comments_the_editor_sees(client, editor, approver, council):
    record = complete_draft(council, editor)
    as_user(client, editor).post(f"/manage/records/{record.public_id}/submit/")
    reviewer = as_user(client.__class__(), approver)
    reviewer.post(f"/manage/records/{record.public_id}/send-back/", {"text": "Say more about the data used."})
    draft = RecordDraft.objects.get(record=record)
    assert draft.state == "in_progress" and draft.review_comment == "Say more about the data used."
    html = client.get(f"/manage/records/{record.public_id}/").content.decode()
    assert "Changes requested" in html and "Say more about the data used." in html
    assert any("Changes needed" in m.subject and editor.email in m.to for m in mail.outbox)


def test_sending_back_needs_a_comment(client, editor, approver, council):
    record = complete_draft(council, editor)
    as_user(client, editor).post(f"/manage/records/{record.public_id}/submit/")
    response = as_user(client, approver).post(f"/manage/records/{record.public_id}/send-back/", {"text": " "})
    assert "Enter your comments for the editor" in response.content.decode()
    assert RecordDraft.objects.get(record=record).state == "submitted"


def test_an_approver_publishes_a_submitted_draft_as_version_1(client, editor, approver, council):
    record = complete_draft(council, editor)
    as_user(client, editor).post(f"/manage/records/{record.public_id}/submit/")
    as_user(client, approver).post(f"/manage/records/{record.public_id}/publish/", {"text": "First publication."})
    record.refresh_from_db()
    assert record.status == "published" and record.current_version.number == 1
    assert record.current_version.published_by == approver
    assert not RecordDraft.objects.filter(record=record).exists()
    assert client.get(record.get_absolute_url()).status_code == 200
    assert AuditEvent.objects.filter(action="record.published", actor=approver, record=record).exists()


def test_an_approver_cannot_publish_their_own_edit(client, approver, council):
    record = complete_draft(council, approver)
    as_user(client, approver).post(f"/manage/records/{record.public_id}/submit/")
    response = client.post(f"/manage/records/{record.public_id}/publish/", {"text": "Mine."})
    record.refresh_from_db()
    assert record.status == "draft"
    assert "another approver must check and publish it" in client.get(response["Location"]).content.decode()


def test_a_sole_member_may_publish_alone_when_the_setting_allows(client, council, settings):
    from tests.conftest import make_member

    only = make_member("solo@example-borough.example", council, "admin")
    record = complete_draft(council, only)
    as_user(client, only).post(f"/manage/records/{record.public_id}/submit/")
    client.post(f"/manage/records/{record.public_id}/publish/", {"text": "First."})
    assert Record.objects.get(pk=record.pk).status == "draft"
    settings.ALLOW_SOLE_MEMBER_SELF_APPROVAL = True
    client.post(f"/manage/records/{record.public_id}/publish/", {"text": "First."})
    assert Record.objects.get(pk=record.pk).status == "published"


def test_an_editor_cannot_publish(client, editor, council):
    record = complete_draft(council, editor)
    as_user(client, editor).post(f"/manage/records/{record.public_id}/submit/")
    assert client.post(f"/manage/records/{record.public_id}/publish/", {"text": "x"}).status_code == 403


def test_editing_a_published_record_keeps_the_published_version_live(client, editor, approver, council):
    record = complete_draft(council, editor)
    as_user(client, editor).post(f"/manage/records/{record.public_id}/submit/")
    as_user(client, approver).post(f"/manage/records/{record.public_id}/publish/", {"text": "First."})
    as_user(client, editor).post(f"/manage/records/{record.public_id}/new-draft/")
    draft = RecordDraft.objects.get(record=record)
    client.post(f"/manage/records/{record.public_id}/sections/owner/",
                {"revision": draft.revision, "action": "save", "organisation_or_department": "Example Borough Council",
                 "team": "New team name", "senior_responsible_owner": "Director", "third_party_involvement": "no"})
    record.refresh_from_db()
    assert record.current_version.data["team"] == "Sample text"  # the public still sees version 1
    client.post(f"/manage/records/{record.public_id}/submit/")
    as_user(client, approver).post(f"/manage/records/{record.public_id}/publish/", {"text": "New team."})
    record.refresh_from_db()
    assert record.current_version.number == 2 and record.current_version.data["team"] == "New team name"
    assert [v.number for v in record.versions.all()] == [2, 1]


def test_retiring_keeps_the_record_public_and_marked(client, approver, record):
    from algoreg.accounts.models import Membership

    Membership.objects.filter(user=approver).update(organisation=record.organisation)
    as_user(client, approver).post(f"/manage/records/{record.public_id}/retire/", {"text": "Replaced by a new system."})
    record.refresh_from_db()
    assert record.status == "retired" and record.retired_reason == "Replaced by a new system."
    html = client.get(record.get_absolute_url()).content.decode()
    assert "Retired on" in html and "Replaced by a new system." in html
    assert record.name in client.get("/records/").content.decode()


def test_withdrawing_removes_the_record_from_lists_and_says_why(client, approver, record):
    as_user(client, approver).post(f"/manage/records/{record.public_id}/withdraw/", {"text": "Published by mistake."})
    record.refresh_from_db()
    assert record.status == "withdrawn"
    html = client.get(record.get_absolute_url()).content.decode()
    assert "This record was withdrawn on" in html and "Published by mistake." in html
    assert record.name not in client.get("/records/").content.decode()
    assert AuditEvent.objects.filter(action="record.withdrawn", record=record).exists()
