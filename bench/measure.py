"""Server-side timings for one database (the one DATABASE_URL names), printed as JSON.

Pages are rendered through Django's test client, in this process, exactly as a request would be: middleware, view,
search, template. Queries take turns, so none is favoured by a warm cache the others lack.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "algoreg.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import close_old_connections, connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from algoreg.records.models import Record  # noqa: E402
from algoreg.records.publishing import publish  # noqa: E402
from algoreg.search import indexing  # noqa: E402
from bench.queries import QUERIES  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def pages(repeat: int) -> dict:
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    times = {name: [] for name in QUERIES}
    hits = {}
    for name, query in QUERIES.items():  # warm up: the first request loads the filter bit sets
        response = client.get("/records/?" + query)
        assert response.status_code == 200, (name, response.status_code)
        hits[name] = response.content.decode().split('role="status">', 1)[1].split("record", 1)[0].strip()
    for _ in range(repeat):
        for name, query in QUERIES.items():
            started = time.perf_counter()
            response = client.get("/records/?" + query)
            # As a WSGI server does after each request (the test client leaves connections open): SQLite's
            # connection is closed (CONN_MAX_AGE is 0 for SQLite), PostgreSQL's kept for CONN_MAX_AGE.
            close_old_connections()
            times[name].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
    return {name: {"hits": hits[name], "p50_ms": round(statistics.median(t), 1),
                   "p95_ms": round(percentile(t, 95), 1), "max_ms": round(max(t), 1), "runs": len(t)}
            for name, t in times.items()}


def publishing(repeat: int) -> dict:
    """Publishing a new version of an existing record, rolled back each time so the data stays the same."""
    records = list(Record.objects.filter(status="published").select_related("current_version", "organisation")
                   .order_by("pk")[:repeat])
    whole, index = [], []
    real_index = indexing.index_records

    def timed_index(items):
        started = time.perf_counter()
        real_index(items)
        index.append((time.perf_counter() - started) * 1000)

    import algoreg.records.publishing as publishing_module

    publishing_module.index_records = timed_index
    try:
        for record in records:
            data = {**record.current_version.data, "description": record.current_version.data.get(
                "description", "") + " Updated after the annual review."}
            with transaction.atomic():
                started = time.perf_counter()
                publish(record, data, record.current_version.standard_version, "Annual review.")
                whole.append((time.perf_counter() - started) * 1000)
                transaction.set_rollback(True)
    finally:
        publishing_module.index_records = real_index
    return {"index_update_p50_ms": round(statistics.median(index), 1),
            "index_update_p95_ms": round(percentile(index, 95), 1),
            "publish_p50_ms": round(statistics.median(whole), 1), "publish_p95_ms": round(percentile(whole, 95), 1),
            "runs": len(index)}


if __name__ == "__main__":
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    result = {"database": connection.vendor, "records": Record.objects.filter(status="published").count(),
              "pages": pages(repeat), "publishing": publishing(min(repeat, 50))}
    print(json.dumps(result))
