"""The records list takes the search page's q and filters and gives the same records in the same order."""

import pytest
from django.http import QueryDict

from algoreg.search.pages import results_page
from tests.factories import make_published_record

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def register(council, other_council):
    make_published_record(council, name="Housing repairs triage", phase="production", function=["health"])
    make_published_record(council, name="Housing benefit fraud risk", phase="private-beta",
                          function=["social-protection"])
    make_published_record(council, name="Parking permit chatbot", phase="production",
                          function=["economic-affairs"])
    make_published_record(other_council, name="Housing allocation scoring", phase="production",
                          function=["housing-and-community-amenities", "social-protection"])
    make_published_record(other_council, name="School transport routes", phase="public-beta",
                          function=["education"])


QUERIES = [
    "q=housing",
    "q=housing&phase=production",
    "q=housing&function=social-protection&function=health",
    "phase=production&organisation=sampleshire-county-council",
    "q=housing+-fraud&sort=name",
    'q="housing benefit"',
    "sort=recent&region=london",
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_same_records_in_the_same_order(client, register, query):
    results, page, items = results_page(QueryDict(query), per_page=100)
    expected = [item.record.public_id for item in items]
    body = client.get(f"{API}/records?{query}&limit=100").json()
    assert [r["public_id"] for r in body["results"]] == expected
    assert body["count"] == results.count == page.paginator.count


def test_the_same_filter_counts(client, register):
    results, _, _ = results_page(QueryDict("q=housing"), per_page=20)
    body = client.get(f"{API}/records?q=housing").json()
    page_counts = {f.key: {o.value: o.count for o in f.options} for f in results.facets}
    api_counts = {f["key"]: {o["value"]: o["count"] for o in f["options"]} for f in body["facets"]}
    assert api_counts == page_counts
    assert api_counts["phase"] == {"production": 2, "private-beta": 1}


def test_an_unknown_filter_value_is_a_clear_error(client, register):
    response = client.get(f"{API}/records?phase=finished")
    assert response.status_code == 422
    problem = response.json()["errors"][0]
    assert problem["path"] == "phase" and problem["location"] == "query"
    assert "finished" in problem["message"]
