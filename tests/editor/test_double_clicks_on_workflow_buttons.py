"""Double clicks and two people acting at once: every request gets a page that says what happened, never an error.

Each request runs in its own thread with its own database connection, all released together (tests/parallel.py).
"""

import pytest

from algoreg.audit.models import AuditEvent
from algoreg.records import workflow
from algoreg.records.models import Record, RecordDraft, RecordVersion
from tests.parallel import at_once, in_parallel, shared_database  # noqa: F401 (a fixture)

from .helpers import complete_draft

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("shared_database")]
TIMES = 10


def statuses(responses) -> list[int]:
    return sorted(r.status_code for r in responses)


@pytest.fixture
def submitted(editor, council):
    record = complete_draft(council, editor)
    workflow.submit(record.draft, editor)
    return record


def test_ten_publish_clicks_publish_once_and_the_rest_say_it_is_already_published(approver, submitted):
    responses = at_once(approver, "post", f"/manage/records/{submitted.public_id}/publish/",
                        {"text": "First publication."})
    assert statuses(responses) == [200] * (TIMES - 1) + [302]
    for response in responses:
        if response.status_code == 200:
            page = response.content.decode()
            assert "This record has already been published" in page
            published = Record.objects.get(pk=submitted.pk).get_absolute_url()
            assert f'href="{published}">View the published record</a>' in page
    assert RecordVersion.objects.filter(record=submitted).count() == 1
    assert not RecordDraft.objects.filter(record=submitted).exists()
    assert AuditEvent.objects.filter(record=submitted, action="record.published").count() == 1


def test_opening_publish_after_it_was_published_says_so_rather_than_not_found(client, approver, submitted):
    workflow.publish_draft(RecordDraft.objects.get(record=submitted), approver, "First publication.")
    client.force_login(approver)
    for method in ("get", "post"):
        response = getattr(client, method)(f"/manage/records/{submitted.public_id}/publish/", {"text": "Again."})
        assert response.status_code == 200
        assert "This record has already been published" in response.content.decode()


def test_publishing_and_sending_back_at_once_leaves_one_outcome_and_no_error(approver, org_admin, submitted):
    path = f"/manage/records/{submitted.public_id}/"
    answers = in_parallel([(org_admin, "post", path + "send-back/", {"text": "Add the team."}),
                           (approver, "post", path + "publish/", {"text": "First publication."})])
    assert all(r.status_code in (200, 302) for r in answers), statuses(answers)
    draft = RecordDraft.objects.filter(record=submitted).first()
    if draft is None:  # published first: sending back found nothing to send back and said so
        assert Record.objects.get(pk=submitted.pk).status == "published"
    else:  # sent back first: publishing was refused with the reason
        assert draft.state == "in_progress" and not RecordVersion.objects.filter(record=submitted).exists()


def test_ten_submit_clicks_submit_once_and_email_the_approvers_once(editor, approver, council, mailoutbox):
    record = complete_draft(council, editor)
    responses = at_once(editor, "post", f"/manage/records/{record.public_id}/submit/")
    assert statuses(responses) == [302] * TIMES
    assert RecordDraft.objects.get(record=record).state == "submitted"
    assert AuditEvent.objects.filter(record=record, action="record.submitted").count() == 1
    assert len(mailoutbox) == 1


def test_ten_update_clicks_start_one_new_draft(editor, approver, submitted):
    workflow.publish_draft(RecordDraft.objects.get(record=submitted), approver, "First publication.")
    responses = at_once(editor, "post", f"/manage/records/{submitted.public_id}/new-draft/")
    assert statuses(responses) == [302] * TIMES
    assert RecordDraft.objects.filter(record=submitted).count() == 1


@pytest.mark.parametrize(("action", "status"), [("retire", "retired"), ("withdraw", "withdrawn")])
def test_ten_retire_or_withdraw_clicks_act_once(approver, submitted, action, status):
    workflow.publish_draft(RecordDraft.objects.get(record=submitted), approver, "First publication.")
    responses = at_once(approver, "post", f"/manage/records/{submitted.public_id}/{action}/",
                        {"text": "The service closed."})
    assert statuses(responses) == [302] * TIMES
    assert Record.objects.get(pk=submitted.pk).status == status
    assert AuditEvent.objects.filter(record=submitted, action=f"record.{status}").count() == 1
