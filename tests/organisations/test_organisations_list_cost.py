"""The organisations list counts each organisation's records in the index on organisation and status."""

import pytest

from tests.factories import make_published_record
from tests.plans import page_queries, plan, sorting_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def publishing(council, other_council):
    make_published_record(council, name="Repairs triage")
    make_published_record(other_council, name="Parking permits")


@pytest.mark.parametrize("path", ["/organisations/", "/organisations/?all=1"])
def test_no_query_on_the_organisations_list_sorts_or_groups_the_records(client, publishing, path):
    """A join from every organisation to its records, grouped and then sorted by name, read every record's row
    (300 ms at 100,000 records on SQLite)."""
    assert sorting_queries(client, path) == []
    assert not any("GROUP BY" in plan(sql) or "HashAggregate" in plan(sql) for sql in page_queries(client, path))
