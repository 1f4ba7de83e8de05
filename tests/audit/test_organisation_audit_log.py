from datetime import timedelta

import pytest
from django.utils import timezone

from algoreg.audit.log import log
from algoreg.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
Action = AuditEvent.Action


def url(organisation, query=""):
    return f"/manage/organisation/{organisation.slug}/audit/{query}"


def page_of(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_an_admin_sees_their_organisation_s_events_newest_first(client, org_admin, editor, council, other_council):
    log(Action.DRAFT_SAVED, actor=editor, organisation=council, detail="First thing")
    log(Action.SUBMITTED, actor=editor, organisation=council, detail="Second thing")
    log(Action.PUBLISHED, actor=editor, organisation=other_council, detail="Someone else's business")
    client.force_login(org_admin)
    page = page_of(client, url(council))
    assert page.index("Second thing") < page.index("First thing")
    assert "Someone else&#39;s business" not in page and "Someone else's business" not in page
    assert editor.email in page and "Submitted for review" in page


def test_each_entry_says_when_who_what_which_record_and_detail(client, org_admin, council, record):
    log(Action.PUBLISHED, actor=org_admin, record=record, detail="Checked and published")
    client.force_login(org_admin)
    page = page_of(client, url(council))
    assert f'href="{record.get_absolute_url()}"' in page and record.name in page
    assert "Checked and published" in page and "Published" in page
    assert "<time datetime=" in page and str(timezone.localdate().year) in page


def test_failed_sign_ins_by_people_not_signed_in_say_so(client, org_admin, council):
    log(Action.SIGN_IN_FAILED, organisation=council, detail="Wrong password")
    client.force_login(org_admin)
    assert "Someone not signed in" in page_of(client, url(council))


def test_the_log_can_be_filtered_by_action(client, org_admin, editor, council):
    log(Action.DRAFT_SAVED, actor=editor, organisation=council, detail="A save")
    log(Action.ROLE_CHANGED, actor=org_admin, organisation=council, detail="A role change")
    client.force_login(org_admin)
    page = page_of(client, url(council, "?action=member.role_changed"))
    assert "A role change" in page and "A save" not in page
    page = page_of(client, url(council, "?action=nonsense"))  # an unknown action shows everything
    assert "A role change" in page and "A save" in page


def test_the_log_is_paginated(client, org_admin, council):
    client.force_login(org_admin)  # signing in is logged too: the oldest entry
    AuditEvent.objects.bulk_create([AuditEvent(action=Action.DRAFT_SAVED, organisation=council,
                                               detail=f"Save number {n:03d}") for n in range(60)])
    first = page_of(client, url(council))
    assert "govuk-pagination" in first and first.count("Save number") == 50
    second = page_of(client, url(council, "?page=2"))
    assert second.count("Save number") == 10
    assert page_of(client, url(council, "?page=999")).count("Save number") == 10
    assert page_of(client, url(council, "?page=abc")).count("Save number") == 50


def test_old_events_are_kept_with_the_email_of_a_deleted_account(client, org_admin, editor, council):
    log(Action.DRAFT_SAVED, actor=editor, organisation=council, detail="Before they left")
    AuditEvent.objects.update(created_at=timezone.now() - timedelta(days=400))
    editor.delete()
    client.force_login(org_admin)
    page = page_of(client, url(council))
    assert "Before they left" in page and "edie@example-borough.example" in page
