"""Truly parallel requests for tests of double clicks and of two people acting at once.

Use with `pytest.mark.django_db(transaction=True)` (other connections only see committed data) and the
`database_on_disk` fixture (autouse it in the module), then send requests with `at_once`.
"""

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client


@pytest.fixture
def database_on_disk(transactional_db, tmp_path):
    """On SQLite, move the test database from memory to a file for one test, and back afterwards.

    The in-memory test database is shared between connections through SQLite's shared cache, where a write that
    meets another fails at once ("database table is locked") instead of waiting for it as writes do in the file the
    register really uses (WAL, BEGIN IMMEDIATE, a busy timeout). PostgreSQL needs nothing.
    """
    connection = connections["default"]
    if connection.vendor != "sqlite":
        yield
        return
    in_memory = connection.settings_dict["NAME"]
    keep_alive = sqlite3.connect(in_memory, uri=True)  # an in-memory database ends with its last connection
    on_disk = sqlite3.connect(tmp_path / "db.sqlite3")
    keep_alive.backup(on_disk)
    on_disk.close()
    connection.settings_dict["NAME"] = str(tmp_path / "db.sqlite3")  # every thread's new connection reads this
    connection.close()
    try:
        yield
    finally:
        connections.close_all()
        connection.settings_dict["NAME"] = in_memory
        connection.ensure_connection()
        keep_alive.close()


def at_once(user, method: str, path: str, data: dict | None = None, times: int = 10) -> list:
    """The same request from `user` sent `times` times in parallel, as by a person clicking again and again."""
    return in_parallel([(user, method, path, data)] * times)


def in_parallel(requests: list[tuple]) -> list:
    """Each (user, method, path, data) request in its own thread with its own database connection, all released
    together; their responses in the same order."""
    sessions = {}
    for user, *_ in requests:
        if user.pk not in sessions:
            login = Client()
            login.force_login(user)
            sessions[user.pk] = login.cookies[settings.SESSION_COOKIE_NAME].value
    start = threading.Barrier(len(requests))

    def send(request):
        user, method, path, data = request
        client = Client(raise_request_exception=False)  # a server error is an answer to count, not a crash
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[user.pk]
        try:
            start.wait(timeout=30)
            return getattr(client, method)(path, data or {})
        finally:
            connections.close_all()

    with ThreadPoolExecutor(len(requests)) as pool:
        return list(pool.map(send, requests))
