import pytest

from algoreg.accounts.models import Membership
from algoreg.audit.models import AuditEvent
from tests.accounts.helpers import html, last_event

pytestmark = pytest.mark.django_db


def members_url(council, *rest):
    return "/".join([f"/manage/organisation/{council.slug}/members", *map(str, rest)]) + "/"


def membership(user, council):
    return Membership.objects.get(user=user, organisation=council)


def test_an_admin_sees_the_members_and_their_roles(client, org_admin, editor, approver, outsider, council):
    client.force_login(org_admin)
    page = html(client.get(members_url(council)))
    for person in (org_admin, editor, approver):
        assert person.email in page
    assert outsider.email not in page
    assert "Organisation admin" in page and "Approver" in page and "Editor" in page


def test_an_admin_changes_a_member_s_role_and_it_is_audited(client, org_admin, editor, council):
    client.force_login(org_admin)
    member = membership(editor, council)
    assert "What should" in html(client.get(members_url(council, member.pk, "role")))
    response = client.post(members_url(council, member.pk, "role"), {"role": "approver"})
    assert response["Location"] == members_url(council)
    assert membership(editor, council).role == "approver"
    event = last_event()
    assert event.action == AuditEvent.Action.ROLE_CHANGED and event.organisation == council
    assert editor.email in event.detail and "from editor to approver" in event.detail


def test_an_admin_removes_a_member_and_it_is_audited(client, org_admin, editor, council):
    client.force_login(org_admin)
    member = membership(editor, council)
    assert "Remove Edie?" in html(client.get(members_url(council, member.pk, "remove")))
    response = client.post(members_url(council, member.pk, "remove"))
    assert response["Location"] == members_url(council)
    assert not Membership.objects.filter(pk=member.pk).exists()
    assert editor.__class__.objects.filter(pk=editor.pk).exists()  # the account stays
    assert last_event().action == AuditEvent.Action.MEMBER_REMOVED and editor.email in last_event().detail


def test_the_last_admin_cannot_be_removed(client, org_admin, council):
    client.force_login(org_admin)
    member = membership(org_admin, council)
    page = html(client.get(members_url(council, member.pk, "remove")))
    assert "is the only admin" in page and "Make someone else an admin" in page
    response = client.post(members_url(council, member.pk, "remove"))
    assert response.status_code == 200 and "There is a problem" in html(response)
    assert Membership.objects.filter(pk=member.pk).exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.MEMBER_REMOVED).exists()


def test_the_last_admin_cannot_be_demoted(client, org_admin, council):
    client.force_login(org_admin)
    member = membership(org_admin, council)
    page = html(client.post(members_url(council, member.pk, "role"), {"role": "editor"}))
    assert "is the only admin, so their role cannot change" in page
    assert membership(org_admin, council).role == "admin"


def test_with_a_second_admin_an_admin_can_step_down(client, org_admin, approver, council):
    membership(approver, council).__class__.objects.filter(user=approver).update(role="admin")
    client.force_login(org_admin)
    response = client.post(members_url(council, membership(org_admin, council).pk, "role"), {"role": "editor"})
    assert response["Location"] == "/manage/"  # they can no longer see the members page
    assert membership(org_admin, council).role == "editor"


def test_members_of_another_organisation_cannot_be_changed_through_this_one(client, org_admin, outsider, council,
                                                                             other_council):
    client.force_login(org_admin)
    theirs = membership(outsider, other_council)
    assert client.post(members_url(council, theirs.pk, "remove")).status_code == 404
    assert client.post(members_url(council, theirs.pk, "role"), {"role": "editor"}).status_code == 404
    assert membership(outsider, other_council).role == "approver"


def test_a_made_up_role_is_refused_with_a_message(client, org_admin, editor, council):
    client.force_login(org_admin)
    page = html(client.post(members_url(council, membership(editor, council).pk, "role"), {"role": "owner"}))
    assert "Choose a role" in page
    assert membership(editor, council).role == "editor"
