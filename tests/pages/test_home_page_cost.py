"""The home page's cost follows the size of the register, never organisations times records.

Counting the organisations that publish with a join and DISTINCT made SQLite read every listed record once per
organisation: 8 to 15 seconds at 100,000 records. Timings belong in the benchmark (bench/pages.py); these tests count
queries, and the work the database does for them, which are the same on every run.
"""

import contextlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_organisation, make_published_record
from tests.plans import sorting_queries

pytestmark = pytest.mark.django_db


def add_councils(first: int, count: int, records_each: int) -> None:
    for n in range(first, first + count):
        council = make_organisation(f"Council {n}")
        for m in range(records_each):
            make_published_record(council, name=f"Tool {m} of council {n}")


@contextlib.contextmanager
def database_work():
    """Counts the work the database does inside the block: SQLite's virtual machine steps (in tens), or the
    rows PostgreSQL's plan nodes pass on (EXPLAIN ANALYZE of each query, then the query itself)."""
    work = {"units": 0}
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        def step():
            work["units"] += 1
        connection.connection.set_progress_handler(step, 10)
        try:
            yield work
        finally:
            connection.connection.set_progress_handler(None, 0)
        return

    def explained(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("SELECT"):
            raw = context["cursor"].cursor  # the driver's cursor: running EXPLAIN through Django would come back here
            raw.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
            work["units"] += rows_through(raw.fetchone()[0][0]["Plan"])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(explained):
        yield work


def rows_through(node: dict) -> int:
    return int(node["Actual Rows"] * node["Actual Loops"]) + sum(rows_through(n) for n in node.get("Plans", []))


def home_page(client) -> tuple[int, int]:
    """(queries, work) for one home page; the page's numbers are checked so a cheap wrong answer cannot pass."""
    with CaptureQueriesContext(connection) as queries, database_work() as work:
        html = client.get("/").content.decode()
    assert '<span class="app-count">' in html
    return len(queries), work["units"]


def test_the_home_page_makes_the_same_queries_however_many_organisations_publish(client):
    add_councils(0, 2, 1)
    few, _ = home_page(client)
    add_councils(2, 20, 1)
    many, _ = home_page(client)
    assert many == few


def test_the_databases_work_grows_with_the_register_not_with_organisations_times_records(client):
    add_councils(0, 3, 2)
    small = home_page(client)[1]
    add_councils(3, 42, 2)  # fifteen times the organisations and fifteen times the records
    large = home_page(client)[1]
    # In step with the register: at most fifteen times. SQLite with the join and DISTINCT: 34 times.
    assert large < 20 * small, (small, large)


def test_the_home_page_counts_only_organisations_with_a_listed_record(client, council, other_council):
    make_published_record(council, name="Repairs triage")
    make_organisation("Quiet District Council")
    make_organisation("Example Agency", org_type="agency-or-public-body", council_type="")
    make_published_record(make_organisation("Busy Agency", org_type="agency-or-public-body", council_type=""))
    html = client.get("/").content.decode()
    assert '<span class="app-count">2</span> organisations publishing' in html
    assert '<span class="app-count">1</span> of them councils' in html


def test_no_query_on_the_home_page_sorts_the_records(client, council, other_council):
    """The newest records are read from the index on status and publication time, newest first; the whole list
    of records was sorted for them (200 ms at 100,000 records)."""
    make_published_record(council, name="Repairs triage")
    make_published_record(other_council, name="Parking permits")
    assert sorting_queries(client, "/") == []
