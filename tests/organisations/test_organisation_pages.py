import pytest

from tests.factories import make_organisation, make_published_record

pytestmark = pytest.mark.django_db


def test_the_organisations_list_shows_publishers_with_their_record_counts(client, council, other_council):
    make_published_record(council)
    make_published_record(council)
    make_organisation("Quietshire Council", slug="quietshire")
    html = client.get("/organisations/").content.decode()
    assert "Example Borough Council" in html
    assert "Quietshire Council" not in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">2</td>' in html


def test_every_organisation_can_be_listed(client, council):
    make_organisation("Quietshire Council", slug="quietshire")
    assert "Quietshire Council" in client.get("/organisations/?all=1").content.decode()


def test_an_organisation_page_shows_about_contact_and_its_records(client, council):
    council.about = "A fictional council."
    council.contact_email = "algorithms@example-borough.example"
    council.save()
    make_published_record(council, name="Repairs triage")
    html = client.get(f"/organisations/{council.slug}/").content.decode()
    assert "A fictional council." in html
    assert "mailto:algorithms@example-borough.example" in html
    assert "Repairs triage" in html


def test_an_unknown_organisation_is_not_found(client, db):
    assert client.get("/organisations/nowhere/").status_code == 404
