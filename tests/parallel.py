"""Requests that truly run at the same time: each in its own thread, with its own database connection.

SQLite's in-memory test database cannot be shared that way (its shared cache refuses a second writer at once with
"database table is locked" rather than waiting, as a database file does), so `shared_database` moves the test onto
a copy of it in a file for the length of the test. PostgreSQL needs nothing.
"""

import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections


@pytest.fixture
def shared_database(transactional_db, tmp_path):
    """The test database, in a form that threads with their own connections share (use with transaction=True)."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    settings_dict = connection.settings_dict  # the same dictionary every thread's connection is made from
    memory_name, path = settings_dict["NAME"], tmp_path / "parallel.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    in_memory, connection.connection = connection.connection, None
    settings_dict["NAME"] = str(path)
    try:
        yield
    finally:
        connection.close()
        settings_dict["NAME"] = memory_name
        connection.connection = in_memory


def at_once(calls: list[Callable[[], object]]) -> list:
    """Run the calls in threads that all start together, each closing its own database connection when done."""
    start = threading.Barrier(len(calls))

    def run(call: Callable[[], object]):
        start.wait()
        try:
            return call()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))
