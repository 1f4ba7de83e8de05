"""Truly parallel requests, for tests of double clicks and of two people acting at once.

Each request runs in its own thread with its own database connection, all released together. Use with
`pytest.mark.django_db(transaction=True)` (other connections only see committed data) and the `shared_database`
fixture, then send requests with `at_once` (one request, clicked again and again) or `in_parallel` (several).
"""

import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client


@pytest.fixture
def shared_database(transactional_db, tmp_path):
    """The test database, in a form that threads with their own connections share.

    SQLite's in-memory test database is shared between connections through its shared cache, where a write that
    meets another fails at once ("database table is locked") instead of waiting for it as writes do in the file the
    register really uses (WAL, BEGIN IMMEDIATE, a busy timeout). So on SQLite the test moves onto a copy of the
    database in a file, and back afterwards. PostgreSQL needs nothing.
    """
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    settings_dict = connection.settings_dict  # the same dictionary every thread's connection is made from
    memory_name, path = settings_dict["NAME"], tmp_path / "parallel.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    in_memory, connection.connection = connection.connection, None  # kept open: the in-memory database ends with it
    settings_dict["NAME"] = str(path)
    try:
        yield
    finally:
        connections.close_all()
        settings_dict["NAME"] = memory_name
        connection.connection = in_memory


def at_once(user, method: str, path: str, data: dict | None = None, times: int = 10) -> list:
    """The same request from `user` sent `times` times in parallel, as by a person clicking again and again."""
    return in_parallel([(user, method, path, data)] * times)


def in_parallel(requests: list[tuple]) -> list:
    """Each (user, method, path, data) request in its own thread, all released together; their responses in the
    same order. Requests from the same user share one session, as clicks in one browser do."""
    sessions = {user.pk: _session(user) for user, *_ in requests}

    def send(user, method: str, path: str, data: dict | None):
        client = Client(raise_request_exception=False)  # a server error is an answer to count, not a crash
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[user.pk]
        return getattr(client, method)(path, data or {})

    return _all_together([lambda request=request: send(*request) for request in requests])


def _session(user) -> str:
    login = Client()
    login.force_login(user)
    return login.cookies[settings.SESSION_COOKIE_NAME].value


def _all_together(calls: list[Callable[[], object]]) -> list:
    """Run the calls in threads that all start together, each closing its own database connection when done."""
    start = threading.Barrier(len(calls))

    def run(call: Callable[[], object]):
        try:
            start.wait(timeout=30)
            return call()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))
