import pytest

from algoreg.audit.models import AuditEvent
from algoreg.records.models import Record

pytestmark = pytest.mark.django_db


def test_an_editor_creates_a_record_that_starts_as_a_private_draft(client, editor, council):
    client.force_login(editor)
    response = client.post("/manage/records/new/", {"name": "Repairs triage"})
    record = Record.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/manage/records/{record.public_id}/"
    assert record.organisation == council and record.status == "draft"
    assert record.draft.data == {"name": "Repairs triage", "organisation_or_department": council.name}
    assert client.get(f"/records/{record.public_id}/").status_code == 404
    assert AuditEvent.objects.filter(action="record.created", record=record, actor=editor).exists()


def test_a_record_needs_a_name(client, editor):
    client.force_login(editor)
    response = client.post("/manage/records/new/", {"name": "  "})
    assert "There is a problem" in response.content.decode()
    assert "Enter the name of the tool" in response.content.decode()
    assert not Record.objects.exists()


def test_the_dashboard_lists_the_organisations_records_with_what_needs_doing(client, editor):
    client.force_login(editor)
    client.post("/manage/records/new/", {"name": "Repairs triage"})
    html = client.get("/manage/").content.decode()
    assert "Repairs triage" in html and "Draft" in html and "then submit for review" in html


def test_starting_from_another_councils_record_copies_it_with_a_based_on_link(client, editor, outsider,
                                                                                other_council):
    from tests.factories import make_published_record

    theirs = make_published_record(other_council, name="Parking permit checks", team="Their team")
    client.force_login(editor)
    page = client.get(f"/manage/records/new/?from={theirs.public_id}").content.decode()
    assert "Parking permit checks" in page
    client.post("/manage/records/new/", {"name": "Our parking checks", "from": theirs.public_id})
    mine = Record.objects.exclude(pk=theirs.pk).get()
    assert mine.based_on == theirs.current_version
    assert mine.draft.data["name"] == "Our parking checks"
    assert "team" not in mine.draft.data  # their people and contacts are left for us to fill in
    assert mine.draft.data["detailed_description"] == theirs.current_version.data["detailed_description"]
    overview = client.get(f"/manage/records/{mine.public_id}/").content.decode()
    assert "Started from" in overview and theirs.get_absolute_url() in overview


def test_a_name_longer_than_the_field_allows_is_refused_with_the_fields_own_message(client, editor):
    client.force_login(editor)
    response = client.post("/manage/records/new/", {"name": "x" * 301})
    assert "Name of the tool must be 300 characters or fewer" in response.content.decode()
    assert not Record.objects.exists()
