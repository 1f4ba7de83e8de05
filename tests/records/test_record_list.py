import re

import pytest

from tests.factories import make_published_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(council, other_council):
    return {
        "repairs": make_published_record(council, name="Repairs triage", phase="production",
                                         function=["housing-and-community-amenities"],
                                         one_sentence_description="Puts repair requests in order of urgency."),
        "chatbot": make_published_record(council, name="Resident chatbot", phase="public-beta",
                                         function=["general-public-services"]),
        "parking": make_published_record(other_council, name="Parking permits", phase="production",
                                         function=["economic-affairs"]),
    }


def names(response) -> set[str]:
    """Names of the records listed on the page."""
    return set(re.findall(r'app-record-list__title">\s*<a class="govuk-link" href="[^"]+">([^<]+)</a>',
                          response.content.decode()))


def test_the_list_shows_name_organisation_description_phase_and_date(client, listed):
    html = client.get("/records/").content.decode()
    assert "Repairs triage" in html and "Example Borough Council" in html
    assert "Puts repair requests in order of urgency." in html
    assert "Phase: Production" in html and "Last updated" in html


def test_the_list_filters_by_organisation(client, listed, other_council):
    assert names(client.get("/records/", {"organisation": other_council.slug})) == {"Parking permits"}


def test_the_list_filters_by_phase(client, listed):
    assert names(client.get("/records/", {"phase": "production"})) == {"Repairs triage", "Parking permits"}


def test_the_list_filters_by_service_area(client, listed):
    response = client.get("/records/", {"function": "general-public-services"})
    assert names(response) == {"Resident chatbot"}


def test_several_values_of_one_filter_widen_the_list(client, listed):
    response = client.get("/records/?phase=public-beta&phase=production")
    assert len(names(response)) == 3


def test_filters_combine(client, listed, council):
    response = client.get("/records/", {"phase": "production", "organisation": council.slug})
    assert names(response) == {"Repairs triage"}


def test_chosen_filters_can_be_removed_one_by_one(client, listed):
    html = client.get("/records/?phase=production&phase=public-beta").content.decode()
    assert 'href="?phase=public-beta"' in html
    assert 'href="?phase=production"' in html


def test_the_list_is_paged(client, council, settings):
    settings.RECORDS_PER_PAGE = 2
    for n in range(5):
        make_published_record(council, name=f"Tool {n}")
    first, last = client.get("/records/"), client.get("/records/?page=3")
    assert len(names(first)) == 2
    assert len(names(last)) == 1
    assert "govuk-pagination" in first.content.decode()


def test_nonsense_filter_values_give_an_empty_list_not_an_error(client, listed):
    response = client.get("/records/", {"phase": "<script>", "page": "abc", "organisation": "'; drop table"})
    assert response.status_code == 200
    assert "No records match" in response.content.decode()
