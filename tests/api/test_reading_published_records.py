"""Anyone can read published records, their versions and organisations, without a key; drafts never show."""

import pytest

from algoreg.records import workflow
from algoreg.records.models import Record
from algoreg.records.publishing import publish
from tests.editor.helpers import new_draft
from tests.factories import complete_data

pytestmark = pytest.mark.django_db
API = "/api/v1"


def test_a_published_record_with_its_organisation_and_version(client, record):
    body = client.get(f"{API}/records/{record.public_id}").json()
    assert body["public_id"] == record.public_id
    assert body["name"] == "Housing repairs triage"
    assert body["organisation"]["slug"] == record.organisation.slug
    assert body["current_version"]["number"] == 1
    assert body["current_version"]["change_note"] == "First published."
    assert body["current_version"]["standard_version"] == "4.0"
    assert body["content"]["phase"] == "production"
    assert body["url"].endswith(record.get_absolute_url())


def test_the_readable_reference_finds_the_record_too(client, record):
    assert client.get(f"{API}/records/{record.reference}").json()["public_id"] == record.public_id


def test_withheld_fields_say_so_with_the_reason(client, council):
    data = complete_data(withheld={"team": "The team is small and could be identified."})
    del data["team"]
    found = Record.objects.create(organisation=council)
    publish(found, data, "4.0", "First published.")
    content = client.get(f"{API}/records/{found.public_id}").json()["content"]
    assert content["team"] == {"withheld": True, "reason": "The team is small and could be identified."}
    assert "withheld" not in content


def test_a_draft_that_was_never_published_does_not_exist(client, council, editor):
    draft = new_draft(council, editor, name="Secret tool")
    assert client.get(f"{API}/records/{draft.public_id}").status_code == 404
    assert client.get(f"{API}/records/{draft.public_id}/versions").status_code == 404


def test_a_new_draft_of_a_published_record_stays_out_of_sight(client, record, editor):
    draft = workflow.start_new_draft(record, editor)
    draft.data = {**draft.data, "name": "Renamed in secret"}
    draft.save()
    body = client.get(f"{API}/records/{record.public_id}").json()
    assert body["name"] == "Housing repairs triage"
    assert "Renamed in secret" not in client.get(f"{API}/records?q=secret").content.decode()


def test_every_version_and_any_one_of_them(client, record):
    publish(record, complete_data(name="Housing repairs triage", phase="retired"), "4.0", "Switched off.")
    versions = client.get(f"{API}/records/{record.public_id}/versions").json()
    assert [v["number"] for v in versions["results"]] == [2, 1]
    assert versions["results"][0]["change_note"] == "Switched off."
    first = client.get(f"{API}/records/{record.public_id}/versions/1").json()
    assert first["content"]["phase"] == "production"
    assert first["is_current"] is False
    assert client.get(f"{API}/records/{record.public_id}/versions/2").json()["is_current"] is True
    assert client.get(f"{API}/records/{record.public_id}/versions/3").status_code == 404


def test_a_withdrawn_record_is_gone_with_its_reason(client, record, approver):
    workflow.withdraw(record, approver, "Published by mistake.")
    response = client.get(f"{API}/records/{record.public_id}")
    assert response.status_code == 410
    assert "Published by mistake." in response.json()["errors"][0]["message"]
    assert client.get(f"{API}/records/{record.public_id}/versions/1").status_code == 410


def test_organisations_and_one_organisation(client, record, other_council):
    body = client.get(f"{API}/organisations").json()
    assert [o["slug"] for o in body["results"]] == [record.organisation.slug, other_council.slug]
    assert body["results"][0]["record_count"] == 1
    publishing = client.get(f"{API}/organisations?publishing=true").json()
    assert [o["slug"] for o in publishing["results"]] == [record.organisation.slug]
    one = client.get(f"{API}/organisations/{other_council.slug}").json()
    assert one["name"] == "Sampleshire County Council"
    assert one["record_count"] == 0
    assert client.get(f"{API}/organisations/no-such-council").status_code == 404


def test_unknown_addresses_answer_in_json(client):
    response = client.get(f"{API}/nothing/here")
    assert response.status_code == 404
    assert response.json()["errors"][0]["message"] == "Nothing was found at this address."


@pytest.mark.parametrize("path", ["/records/a%00b", "/records/a%00b/versions/1", "/organisations/a%00b",
                                  "/records?organisation=%00&q=%00"])
def test_nul_characters_never_break_a_request(client, record, path):
    assert client.get(API + path).status_code in (200, 404)
