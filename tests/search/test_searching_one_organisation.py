import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(publish, other_council):
    publish("Repairs triage", description="Sorts housing repairs.")
    publish("Parking camera", description="Reads number plates.")
    publish("Housing allocations", organisation=other_council, description="Ranks housing applications.")


def test_an_organisation_page_searches_only_its_own_records(search, records, council):
    assert search(f"/organisations/{council.slug}/", q="housing") == ["Repairs triage"]


def test_an_organisation_page_lists_all_its_records_without_a_search(search, records, council):
    assert sorted(search(f"/organisations/{council.slug}/")) == ["Parking camera", "Repairs triage"]


def test_an_organisation_search_says_how_many_match_and_how_to_see_all(page, records, council):
    html = page(f"/organisations/{council.slug}/", q="plates")
    assert "1 record matching ‘plates’" in html
    assert "show all its records" in html


def test_an_organisation_search_that_finds_nothing_says_so(page, records, council):
    assert "No records match your search" in page(f"/organisations/{council.slug}/", q="allocations")


def test_an_organisation_without_records_has_no_search_box(page, db):
    from tests.factories import make_organisation

    quiet = make_organisation("Quietshire Council", slug="quietshire")
    html = page(f"/organisations/{quiet.slug}/")
    assert "has not published any records" in html and 'name="q"' not in html
