"""The required "Organisation" answer starts filled in with the organisation the record belongs to."""

import pytest

from algoreg.accounts.models import Membership
from algoreg.records.models import Record
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


def owner_section(client, record) -> str:
    return client.get(f"/manage/records/{record.public_id}/sections/owner/").content.decode()


def test_the_organisation_field_of_a_new_record_holds_the_editors_organisation(client, editor, council):
    client.force_login(editor)
    client.post("/manage/records/new/", {"name": "Repairs triage"})
    record = Record.objects.get()
    assert record.draft.data["organisation_or_department"] == "Example Borough Council"
    assert 'name="organisation_or_department" type="text" value="Example Borough Council"' in owner_section(
        client, record)


def test_someone_in_two_organisations_gets_the_one_they_chose(client, editor, council):
    county = make_organisation("Sampleshire County Council", council_type="county", region="south-east")
    Membership.objects.create(user=editor, organisation=county, role=Membership.Role.EDITOR)
    client.force_login(editor)
    client.post("/manage/records/new/", {"name": "School places", "organisation": county.slug})
    assert Record.objects.get().draft.data["organisation_or_department"] == "Sampleshire County Council"


def test_a_record_started_from_another_councils_record_gets_our_name_not_theirs(client, editor, other_council):
    from tests.factories import make_published_record

    theirs = make_published_record(other_council, name="Parking permit checks")
    client.force_login(editor)
    client.post("/manage/records/new/", {"name": "Our parking checks", "from": theirs.public_id})
    mine = Record.objects.exclude(pk=theirs.pk).get()
    assert mine.draft.data["organisation_or_department"] == "Example Borough Council"


def test_the_editor_can_still_name_a_department_instead(client, editor):
    client.force_login(editor)
    client.post("/manage/records/new/", {"name": "Repairs triage"})
    record = Record.objects.get()
    page = f"/manage/records/{record.public_id}/sections/owner/"
    client.post(page, {"revision": "1", "action": "save", "organisation_or_department": "Housing, Example Borough"})
    record.draft.refresh_from_db()
    assert record.draft.data["organisation_or_department"] == "Housing, Example Borough"
