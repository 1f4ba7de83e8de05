"""Every public and signed-in page, timed over real HTTP from gunicorn serving the database DATABASE_URL names.

    DATABASE_URL=... .venv/bin/python bench/pages.py [--repeat 200] [--only home "dashboard (editor)"]

Run bench/fixtures.py on the database first (bench/run.py does). Prints one line of JSON: for each page its address,
budget, median (p50), 95th percentile (p95) and slowest time in milliseconds, and whether it is over its budget.
A page is the whole response, read to its last byte; a download is timed to its first byte.
"""

import argparse
import csv
import http.client
import io
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "algoreg.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from algoreg.accounts.models import User  # noqa: E402
from algoreg.organisations.models import Organisation  # noqa: E402
from algoreg.records.editor_views import DASHBOARD_ROWS  # noqa: E402
from algoreg.records.models import Record, RecordDraft, RecordVersion  # noqa: E402
from algoreg.transfer import exports  # noqa: E402
from algoreg.transfer.models import PendingImport  # noqa: E402
from bench import fixtures  # noqa: E402
from bench.server import PORT, gunicorn  # noqa: E402

PUBLIC_BUDGET_MS = 100
SIGNED_IN_BUDGET_MS = 200
# Import reports timed: (rows in the file, budget). The report checks every row of the file each time it is shown,
# so its time grows with the file (2-3 ms a row), not with the organisation: a council's usual file is within the
# signed-in budget, and a large one has a budget of its own. Half the rows are unchanged, a quarter changed, a
# quarter new.
IMPORT_REPORTS = ((25, SIGNED_IN_BUDGET_MS), (250, 1_000))
SLOW_MS = 2_000  # a page this slow on its first request is timed only a few times: enough to say it is too slow
HOPELESS_MS = 20_000  # ...and one this slow only once
DOWNLOADS = ("export.csv", "export.json", "export.xlsx", "export-atrs.csv")


@dataclass
class Page:
    name: str
    path: str
    budget_ms: int = PUBLIC_BUDGET_MS
    who: str = ""  # "editor" or "approver" for a signed-in page
    download: bool = False  # timed to the first byte of the body
    status: int = 200
    times: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def public_pages(busy: Organisation, large: Organisation, record: Record) -> list[Page]:
    ref = record.reference
    return [
        Page("home", "/"),
        Page("records list", "/records/"),
        Page("records list, page 2,000", "/records/?page=2000"),
        Page("organisations list", "/organisations/"),
        Page("organisations list, all", "/organisations/?all=1"),
        Page(f"organisation, {large.records.count():,} records", f"/organisations/{large.slug}/"),
        Page("organisation, its page 20", f"/organisations/{large.slug}/?page=20"),
        Page("record", f"/records/{ref}/"),
        Page("history", f"/records/{ref}/history/"),
        Page("old version", f"/records/{ref}/versions/1/"),
        Page("compare", f"/records/{ref}/compare/?from=1&to={fixtures.VERSIONS}"),
        Page("feed, register", "/feeds/records.atom"),
        Page("feed, organisation", f"/feeds/organisations/{large.slug}.atom"),
        Page("about", "/about/"),
        Page("not found", "/records/nothing-here/", status=404),
        *(Page(f"download, register, {name}", f"/records/{name}", download=True) for name in DOWNLOADS),
        Page("download, register, history-export.csv", "/records/history-export.csv", download=True),
        *(Page(f"download, organisation, {name}", f"/records/{name}?organisation={large.slug}", download=True)
          for name in DOWNLOADS),
        Page("download, organisation, history-export.csv",
             f"/records/history-export.csv?organisation={large.slug}", download=True),
        *(Page(f"download, record, {name}", f"/records/{ref}/{name}", download=True) for name in DOWNLOADS),
    ]


def signed_in_pages(busy: Organisation, reports: dict[int, PendingImport]) -> list[Page]:
    waiting = RecordDraft.objects.filter(record__organisation=busy, state=RecordDraft.State.SUBMITTED).order_by("pk")
    public_id = waiting.values_list("record__public_id", flat=True).first()
    size = f"{busy.records.count():,} records, {RecordDraft.objects.filter(record__organisation=busy).count()} drafts"
    last = -(-busy.records.count() // DASHBOARD_ROWS)
    return [
        Page(f"dashboard, editor ({size})", "/manage/", SIGNED_IN_BUDGET_MS, "editor"),
        Page("dashboard, its last page", f"/manage/?organisation={busy.slug}&page={last}", SIGNED_IN_BUDGET_MS,
             "editor"),
        Page("dashboard, approver", "/manage/", SIGNED_IN_BUDGET_MS, "approver"),
        Page("approver's queue", f"/manage/?organisation={busy.slug}&show=waiting", SIGNED_IN_BUDGET_MS, "approver"),
        Page("draft waiting for review", f"/manage/records/{public_id}/", SIGNED_IN_BUDGET_MS, "approver"),
        Page("import form", "/manage/import/", SIGNED_IN_BUDGET_MS, "editor"),
        *(Page(f"import report, {rows} rows", f"/manage/import/{pending.pk}/", budget, "editor")
          for (rows, budget), pending in zip(IMPORT_REPORTS, reports.values(), strict=True)),
    ]


def import_file(busy: Organisation, count: int) -> bytes:
    """The council's own CSV export of `count` of its records, a quarter of them changed and a quarter new."""
    ids = list(exports.downloadable_records(busy).order_by("pk").values_list("pk", flat=True))
    chosen = ids[::max(1, len(ids) // count)][:count]
    text = "".join(exports.csv_chunks(exports.own_rows(exports.downloadable_records(busy).filter(pk__in=chosen))))
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    header = rows[0]
    for n, row in enumerate(rows[1:]):
        if n % 4 == 1:
            row[header.index("description")] += " Checked again this year."
        elif n % 4 == 3:
            row[header.index("id")] = row[header.index("url")] = ""
            row[header.index("name")] += " for schools"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def session_cookie(user: User) -> str:
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def fetch(page: Page, cookie: str) -> float:
    """Milliseconds from connecting to the last byte of a page, or to the first byte of a download's response.

    gunicorn sends a streamed download's status line and headers with its first piece of content, so a download's
    first byte comes only once the view has worked out the columns and read the first records. The rest of the file
    is not read: the connection is closed, and the next request waits until the worker has noticed."""
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=HOPELESS_MS * 30 / 1000)
    started = time.perf_counter()
    try:
        conn.request("GET", page.path, headers={"Cookie": cookie} if cookie else {})
        response = conn.getresponse()
        if page.download:
            elapsed = (time.perf_counter() - started) * 1000
            body = response.read(1)
        else:
            body = response.read()
            elapsed = (time.perf_counter() - started) * 1000
        response.close()  # the response holds the socket open too
    finally:
        conn.close()
    if page.download:  # the worker goes on writing the abandoned file until a write fails: wait for that
        idle = http.client.HTTPConnection("127.0.0.1", PORT, timeout=HOPELESS_MS * 30 / 1000)
        idle.request("GET", "/about/")
        idle.getresponse().read()
        idle.close()
    if response.status != page.status:
        page.problems.append(f"answered {response.status}, not {page.status}")
    elif page.download and not body:
        page.problems.append("the download was empty")
    return elapsed


def measure(pages: list[Page], cookies: dict[str, str], repeat: int, downloads: int) -> None:
    """A warm-up request each, then `repeat` timed rounds with the pages taking turns (downloads in only the first
    `downloads` rounds: each waits for the server to finish the last one). A page far over its budget on the warm-up
    is timed only a few times, so one broken page cannot make the benchmark take hours."""
    for _ in range(3):  # the worker loads the search's bit sets (about a second) before anything is timed
        fetch(Page("warm-up", "/records/?q=housing"), "")
    steady = []
    for page in pages:
        first = fetch(page, cookies.get(page.who, ""))
        if first > HOPELESS_MS:
            page.times.append(first)
        elif first > SLOW_MS:
            page.times.extend(fetch(page, cookies.get(page.who, "")) for _ in range(3))
        else:
            steady.append(page)
    for round_number in range(repeat):
        for page in steady:
            if page.download and round_number >= downloads:
                continue
            page.times.append(fetch(page, cookies.get(page.who, "")))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(page: Page) -> dict:
    p95 = round(percentile(page.times, 95), 1)
    return {"path": page.path, "signed_in_as": page.who, "first_byte": page.download, "budget_ms": page.budget_ms,
            "p50_ms": round(statistics.median(page.times), 1), "p95_ms": p95, "max_ms": round(max(page.times), 1),
            "runs": len(page.times), "problems": sorted(set(page.problems)),
            "over_budget": p95 > page.budget_ms or bool(page.problems)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200, help="timed requests per page")
    parser.add_argument("--downloads", type=int, default=30, help="timed requests per download")
    parser.add_argument("--only", nargs="+", help="names of pages to time (the start of the name is enough)")
    parser.add_argument("--log", type=Path, help="where gunicorn's own messages go")
    options = parser.parse_args()
    busy = Organisation.objects.get(slug=fixtures.BUSY["slug"])
    large = Organisation.objects.get(slug=fixtures.LARGE["slug"])
    record = RecordVersion.objects.get(record__organisation=busy, number=fixtures.VERSIONS).record
    editor, approver = User.objects.get(email=fixtures.EDITOR), User.objects.get(email=fixtures.APPROVER)
    PendingImport.objects.filter(user=editor).delete()
    reports = {rows: PendingImport.keep(editor, busy, f"bench-import-{rows}.csv", import_file(busy, rows), None)
               for rows, _ in IMPORT_REPORTS}
    pages = public_pages(busy, large, record) + signed_in_pages(busy, reports)
    if options.only:
        pages = [p for p in pages if any(p.name.startswith(name) for name in options.only)]
    cookies = {"editor": session_cookie(editor), "approver": session_cookie(approver)}
    try:
        # One worker, so that each request has it to itself (see fetch for downloads).
        with gunicorn(os.environ["DATABASE_URL"], workers=1,
                      log=options.log, timeout=HOPELESS_MS * 30 // 1000):
            measure(pages, cookies, options.repeat, min(options.downloads, options.repeat))
    finally:
        PendingImport.objects.filter(user=editor).delete()
    result = {"database": connection.vendor, "records": Record.objects.filter(status="published").count(),
              "pages": {page.name: summary(page) for page in pages}}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
