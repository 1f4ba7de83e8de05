import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import RequestFactory

from algoreg.accounts.access import get_organisation_for_member, membership_in, memberships_for

pytestmark = pytest.mark.django_db


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_memberships_for_lists_a_user_s_organisations(editor, council, other_council):
    assert [m.organisation for m in memberships_for(editor)] == [council]
    assert list(memberships_for(AnonymousUser())) == []


def test_membership_in_is_none_for_outsiders(editor, outsider, council):
    assert membership_in(editor, council).role == "editor"
    assert membership_in(outsider, council) is None
    assert membership_in(AnonymousUser(), council) is None


def test_a_member_gets_the_organisation_and_their_membership(editor, council):
    organisation, membership = get_organisation_for_member(request_for(editor), council.slug)
    assert organisation == council and membership.user == editor


def test_a_higher_role_includes_the_lower_ones(org_admin, approver, council):
    assert get_organisation_for_member(request_for(org_admin), council.slug, role="approver")[0] == council
    assert get_organisation_for_member(request_for(approver), council.slug, role="editor")[0] == council


@pytest.mark.parametrize("role", ["approver", "admin"])
def test_too_low_a_role_is_a_404_not_a_403(editor, council, role):
    with pytest.raises(Http404):
        get_organisation_for_member(request_for(editor), council.slug, role=role)


def test_outsiders_anonymous_visitors_and_unknown_slugs_get_404(outsider, council):
    for user, slug in [(outsider, council.slug), (AnonymousUser(), council.slug), (outsider, "no-such-council")]:
        with pytest.raises(Http404):
            get_organisation_for_member(request_for(user), slug)


def test_register_admins_may_see_any_organisation_without_a_membership(register_admin, council):
    organisation, membership = get_organisation_for_member(request_for(register_admin), council.slug, role="admin")
    assert organisation == council and membership is None
