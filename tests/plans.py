"""What the database plans to do for the queries a page makes: tests of a page's cost that need no timing.

A test database holds a handful of rows, so PostgreSQL would read whole tables and sort them whatever indexes there
are. It is asked to avoid both wherever an index can serve the query instead, so that its plan shows what it would
do with 100,000 records. SQLite plans without table statistics in tests and in production alike.
"""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

FULL_SORT = {"sqlite": re.compile(r"USE TEMP B-TREE FOR (RIGHT PART OF )?ORDER BY"),
             "postgresql": re.compile(r"(^|->)\s*Sort\s+\(", re.M)}  # a Sort node, not an Incremental Sort
BOOKKEEPING = ("SAVEPOINT", "RELEASE SAVEPOINT", "SET ", "BEGIN", "COMMIT")


def plan(sql: str, params=None) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_sort = off")
        try:
            cursor.execute("EXPLAIN " + sql, params)
            return "\n".join(row[0] for row in cursor.fetchall())
        finally:
            cursor.execute("RESET enable_seqscan")
            cursor.execute("RESET enable_sort")


def queryset_plan(queryset) -> str:
    return plan(*queryset.query.sql_with_params())


def page_queries(client, path: str) -> list[str]:
    """The SQL of every query (with its values written in) that a GET of `path` makes, after a first request."""
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return [q["sql"] for q in captured.captured_queries if not q["sql"].upper().startswith(BOOKKEEPING)]


def sorting_queries(client, path: str) -> list[str]:
    """The queries of a page that the database answers by sorting the rows it found, rather than reading them in
    order from an index, with their plans."""
    found = []
    for sql in page_queries(client, path):
        text = plan(sql)
        if FULL_SORT[connection.vendor].search(text):
            found.append(f"{sql}\n{text}")
    return found
