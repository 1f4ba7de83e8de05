"""A results page costs the same few database queries however many records match, on both databases."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(publish, other_council):
    for n in range(25):
        publish(f"Housing tool {n}", phase="production" if n % 2 else "public-beta")
    publish("Parking camera", organisation=other_council)


def queries_for(client, params) -> list[str]:
    client.get("/records/", params)  # the first request loads the index into memory
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/records/", params).status_code == 200
    # Transaction bookkeeping (PostgreSQL's SET LOCAL runs inside a savepoint) is not a query for data.
    bookkeeping = ("SAVEPOINT", "RELEASE SAVEPOINT", "SET LOCAL", "BEGIN", "COMMIT")
    return [q["sql"] for q in captured.captured_queries if not q["sql"].upper().startswith(bookkeeping)]


@pytest.mark.parametrize("params, most", [
    ({}, 4),
    ({"phase": "production", "organisation": "example-borough-council"}, 5),
    ({"q": "housing"}, 9),
    ({"q": "housing", "sort": "name"}, 7),
])
def test_a_page_needs_only_a_few_queries(client, records, params, most):
    assert len(queries_for(client, params)) <= most


def test_no_query_counts_records_by_filter_value(client, records):
    """Filter counts come from the bit sets in memory, never from GROUP BY queries."""
    assert not any("GROUP BY" in sql.upper() for sql in queries_for(client, {"q": "housing", "phase": "production"}))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's query plan")
def test_postgresql_finds_words_through_the_gin_index(records):
    from algoreg.search.backends.postgres import TABLE, expression
    from algoreg.search.query import parse

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(f"EXPLAIN SELECT record_id FROM {TABLE} WHERE all_vec @@ %s::tsquery",
                       [expression(parse("housing").include, [])])
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert f"Bitmap Index Scan on {TABLE}_all" in plan
