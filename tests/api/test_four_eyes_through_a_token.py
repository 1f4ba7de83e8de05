"""Four eyes through a token: nobody knows who holds a token, so a change made through one is the token's, never a
person's review. A draft last changed through a token must be submitted by a member in the register, and neither
that member nor the token's maker may publish it (records.token_changes says why that is enough)."""

import pytest

from algoreg.audit.models import AuditEvent
from algoreg.records import workflow
from algoreg.records.models import RecordDraft
from algoreg.standard.fields import SECTIONS_BY_KEY
from tests.api.conftest import API, bearer
from tests.conftest import make_member
from tests.editor.helpers import complete_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed_through_a_token(client, council, editor, approver, make_token):
    """A complete draft last changed through a token the approver made (approvers may be given tokens by an admin,
    or be admins themselves: here the approver made it)."""
    record = complete_draft(council, editor)
    secret = make_token(user=approver, name="Case system", write_drafts=True, submit_drafts=True)
    draft = RecordDraft.objects.get(record=record)
    response = client.patch(f"{API}/drafts/{record.public_id}", {"standard_version": "4.0", "revision": draft.revision,
                            "content": {"team": "Repairs team"}}, content_type="application/json", **bearer(secret))
    assert response.status_code == 200
    return record, secret


def submit_in_the_register(record, member):
    workflow.submit(RecordDraft.objects.get(record=record), member)
    return RecordDraft.objects.get(record=record)


def test_a_draft_changed_through_a_token_cannot_be_submitted_through_the_api(client, changed_through_a_token):
    record, secret = changed_through_a_token
    revision = RecordDraft.objects.get(record=record).revision
    response = client.post(f"{API}/drafts/{record.public_id}/submit", {"revision": revision},
                           content_type="application/json", **bearer(secret))
    assert response.status_code == 409
    assert "a member must check it and submit it for review in the register" in response.json()["errors"][0][
        "message"]
    assert RecordDraft.objects.get(record=record).state == "in_progress"


def test_the_approver_who_made_the_token_cannot_publish_what_it_changed(changed_through_a_token, editor, approver):
    record, _ = changed_through_a_token
    draft = submit_in_the_register(record, editor)
    blocker = workflow.publish_blocker(draft, approver)
    assert blocker.startswith("This draft was last changed through the API token ‘Case system’ (made by "
                              f"{approver.email}), which you made")
    with pytest.raises(workflow.WorkflowError):
        workflow.publish_draft(draft, approver, "First published.")


def test_the_member_who_submitted_it_cannot_publish_it(changed_through_a_token, council, org_admin):
    record, _ = changed_through_a_token
    draft = submit_in_the_register(record, org_admin)
    assert "you submitted it for review" in workflow.publish_blocker(draft, org_admin)


def test_a_different_approver_can_publish_it(changed_through_a_token, council, editor):
    record, _ = changed_through_a_token
    other = make_member("grace@example-borough.example", council, "approver")
    draft = submit_in_the_register(record, editor)
    assert workflow.publish_blocker(draft, other) is None
    assert workflow.publish_draft(draft, other, "First published.").number == 1


def test_once_a_member_changes_it_in_the_register_the_usual_rule_applies(changed_through_a_token, editor, approver):
    record, _ = changed_through_a_token
    draft = RecordDraft.objects.get(record=record)
    same = {f.key: draft.data.get(f.key) for f in SECTIONS_BY_KEY["summary"].fields}
    assert workflow.save_section(draft, "summary", same, {}, None, draft.revision, approver)
    draft = submit_in_the_register(record, editor)
    assert draft.last_edited_through is None
    assert "You made the last change" in workflow.publish_blocker(draft, approver)


def test_the_audit_log_names_the_token_and_its_maker(client, changed_through_a_token, org_admin, approver):
    record, _ = changed_through_a_token
    event = AuditEvent.objects.filter(record=record, action="draft.saved").latest("pk")
    assert event.actor is None and event.who == f"API token ‘Case system’ (made by {approver.email})"
    client.force_login(org_admin)
    page = client.get(f"/manage/organisation/{record.organisation.slug}/audit/").content.decode()
    assert f"API token ‘Case system’ (made by {approver.email})" in page


def test_an_approver_holding_an_admins_token_cannot_publish_alone(client, council, editor, approver, org_admin,
                                                                   make_token):
    record = complete_draft(council, editor)
    secret = make_token(user=org_admin, write_drafts=True, submit_drafts=True)  # handed to the approver
    revision = RecordDraft.objects.get(record=record).revision
    assert client.patch(f"{API}/drafts/{record.public_id}", {"standard_version": "4.0", "revision": revision,
                        "content": {"team": "Approver's team"}}, content_type="application/json",
                        **bearer(secret)).status_code == 200
    response = client.post(f"{API}/drafts/{record.public_id}/submit", {"revision": revision + 1},
                           content_type="application/json", **bearer(secret))
    assert response.status_code == 409
    draft = submit_in_the_register(record, approver)
    assert "you submitted it for review" in workflow.publish_blocker(draft, approver)


def test_the_record_page_tells_the_approver_why_and_names_the_token(client, changed_through_a_token, editor,
                                                                   approver):
    record, _ = changed_through_a_token
    submit_in_the_register(record, editor)
    client.force_login(approver)
    page = client.get(f"/manage/records/{record.public_id}/").content.decode()
    assert f"This draft was last changed through the API token ‘Case system’ (made by {approver.email}), which " \
           f"you made" in page
