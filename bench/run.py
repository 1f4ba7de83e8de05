"""Build the benchmark databases (once) and measure them. See bench/README.md.

    .venv/bin/python bench/run.py                       # everything: SQLite and PostgreSQL, 10,000 and 100,000
    .venv/bin/python bench/run.py --sizes 10000 --databases sqlite --load-seconds 0   # a quick look
    .venv/bin/python bench/run.py --sizes 100000 --parts pages                        # only every page's time

Databases are kept in bench/data/ (SQLite) and as algoreg_bench_<size> (PostgreSQL) and reused; --fresh rebuilds.
Exits with status 1, after printing which, when any page is over its time budget.
"""

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results"
PAGE_RESULTS = RESULTS / "pages"
PG_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
PARTS = ("search", "pages", "load")
sys.path.insert(0, str(ROOT))
from bench.queries import QUERIES  # noqa: E402
from bench.server import gunicorn  # noqa: E402


def database_url(database: str, size: int) -> str:
    if database == "sqlite":
        return f"sqlite:///{DATA / f'sqlite-{size}.sqlite3'}"
    return f"{PG_SERVER}/algoreg_bench_{size}"


def run(args: list[str], url: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "algoreg.settings"}
    return subprocess.run(args, cwd=ROOT, env=env, check=True, text=True, **kwargs)


def exists(database: str, size: int) -> bool:
    if database == "sqlite":
        return (DATA / f"sqlite-{size}.sqlite3").exists()
    out = subprocess.run(["psql", f"{PG_SERVER}/postgres", "-Atc",
                          f"SELECT 1 FROM pg_database WHERE datname = 'algoreg_bench_{size}'"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip() == "1"


def build(database: str, size: int) -> float:
    """A fresh database with `size` generated records; returns the seconds generate_records took."""
    DATA.mkdir(exist_ok=True)
    if database == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DATA / f'sqlite-{size}.sqlite3'}{suffix}").unlink(missing_ok=True)
    else:
        for sql in (f"DROP DATABASE IF EXISTS algoreg_bench_{size}", f"CREATE DATABASE algoreg_bench_{size}"):
            subprocess.run(["psql", f"{PG_SERVER}/postgres", "-qc", sql], check=True)
    url = database_url(database, size)
    run([PY, "manage.py", "migrate", "--noinput", "-v0"], url)
    started = time.perf_counter()
    run([PY, "manage.py", "generate_records", str(size), "--seed", "1"], url)
    seconds = time.perf_counter() - started
    if database == "postgresql" or database == "postgres":
        subprocess.run(["psql", url, "-qc", "VACUUM ANALYZE"], check=True)
    return seconds


def measure(database: str, size: int, repeat: int) -> dict:
    out = run([PY, "bench/measure.py", str(repeat)], database_url(database, size), capture_output=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure_pages(database: str, size: int, repeat: int) -> dict:
    """Every public and signed-in page (bench/pages.py), on the councils and drafts bench/fixtures.py adds."""
    url = database_url(database, size)
    run([PY, "manage.py", "migrate", "--noinput", "-v0"], url)  # a database built before a schema change
    run([PY, "bench/fixtures.py"], url)
    if database == "postgresql":  # as after building: statistics and the visibility map, as autovacuum would
        subprocess.run(["psql", url, "-qc", "VACUUM ANALYZE"], check=True)
    log = DATA / f"gunicorn-pages-{database}-{size}.log"
    out = run([PY, "bench/pages.py", "--repeat", str(repeat), "--log", str(log)], url, capture_output=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def load(database: str, size: int, seconds: int) -> dict:
    """Pages per second from gunicorn (2 workers) under wrk (1 thread, 8 connections) cycling through the queries."""
    if not shutil.which("wrk"):
        return {"skipped": "wrk is not installed (apt-get install -y wrk)"}
    with gunicorn(database_url(database, size), workers=2) as address:
        for _ in range(4):  # both workers load their bit sets before timing starts
            for query in QUERIES.values():
                urllib.request.urlopen(f"{address}/records/?{query}", timeout=60).read()
        script = ROOT / "bench" / "queries.lua"
        paths = ", ".join(f'"/records/?{q}"' for q in QUERIES.values())
        script.write_text("local paths = {" + paths + "}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n"
                          "  return wrk.format(\"GET\", paths[i])\nend\n")
        out = subprocess.run(["wrk", "-t1", "-c8", f"-d{seconds}s", "--latency", "-s", str(script), address],
                             capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = dict(re.findall(r"^\s+(50|90|99)%\s+([\d.]+\w+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"pages_per_second": rate, "latency": latency, "non_2xx": int(errors.group(1)) if errors else 0,
            "seconds": seconds}


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal"))) // 1024 // 1024
    return f"{os.cpu_count()} cores ({cpu}), {memory} GB, {platform.platform()}, Python {platform.python_version()}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000])
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS),
                        help="search: the search queries and publishing; pages: every page against its budget; "
                             "load: gunicorn under wrk")
    parser.add_argument("--repeat", type=int, default=200, help="timed requests per query and per page")
    parser.add_argument("--load-seconds", type=int, default=20, help="wrk run length; 0 skips it")
    parser.add_argument("--fresh", action="store_true", help="build the databases again")
    options = parser.parse_args()
    PAGE_RESULTS.mkdir(parents=True, exist_ok=True)
    for size in options.sizes:
        for database in options.databases:
            built = None
            if options.fresh or not exists(database, size):
                built = round(build(database, size), 1)
            if "search" in options.parts or "load" in options.parts or built:
                search_and_load(database, size, options, built)
            if "pages" in options.parts:
                path = PAGE_RESULTS / f"{database}-{size}.json"
                result = {"machine": machine(), "size": size, "load_average": [round(os.getloadavg()[0], 2)]}
                result.update(measure_pages(database, size, options.repeat))
                result["load_average"].append(round(os.getloadavg()[0], 2))
                path.write_text(json.dumps(result, indent=2) + "\n")
                print(f"{database} {size:,} pages: written to {path.relative_to(ROOT)}", flush=True)
    if "search" in options.parts or "load" in options.parts:
        print(table())
    if "pages" in options.parts:
        print(pages_table())
        over = over_budget(options.sizes, options.databases)
        if over:
            print("\nFAIL: over budget:\n" + "\n".join(f"  {line}" for line in over))
            sys.exit(1)
        print("\nEvery page is within its budget.")


def search_and_load(database: str, size: int, options, built: float | None) -> None:
    path = RESULTS / f"{database}-{size}.json"
    earlier = json.loads(path.read_text()) if path.exists() else {}
    result = {**earlier, "machine": machine(), "size": size}
    if built:
        result["generate_seconds"] = built
    if "search" in options.parts:
        before = os.getloadavg()[0]
        result.update(measure(database, size, options.repeat))
        result["load_average"] = [round(before, 2), round(os.getloadavg()[0], 2)]
    if "load" in options.parts and options.load_seconds:
        result["load"] = load(database, size, options.load_seconds)
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{database} {size:,}: written to {path.relative_to(ROOT)}", flush=True)


def table() -> str:
    """The results in bench/results/ as the Markdown tables in the README."""
    rows = [json.loads(p.read_text()) for p in sorted(RESULTS.glob("*.json"))]
    rows = sorted((r for r in rows if "pages" in r), key=lambda r: (r["size"], r["database"]))
    lines = ["| query | " + " | ".join(f"{r['database']} {r['size']:,}: hits, p50 / p95 ms" for r in rows) + " |",
             "|---|" + "---|" * len(rows)]
    for name in QUERIES:
        cells = [f"{r['pages'][name]['hits']}, {r['pages'][name]['p50_ms']} / {r['pages'][name]['p95_ms']}"
                 for r in rows]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("| publishing: index update p50 / p95 ms | " + " | ".join(
        f"{r['publishing']['index_update_p50_ms']} / {r['publishing']['index_update_p95_ms']}" for r in rows) + " |")
    lines.append("| publishing: whole publish() p50 / p95 ms | " + " | ".join(
        f"{r['publishing']['publish_p50_ms']} / {r['publishing']['publish_p95_ms']}" for r in rows) + " |")
    lines.append("| gunicorn + wrk: pages per second | " + " | ".join(
        str(r.get("load", {}).get("pages_per_second", "–")) for r in rows) + " |")
    lines.append("| gunicorn + wrk: latency p50 / p99 | " + " | ".join(
        f"{r['load']['latency'].get('50', '–')} / {r['load']['latency'].get('99', '–')}" if "latency" in
        r.get("load", {}) else "–" for r in rows) + " |")
    lines.append("| machine load average before / after timing (2 cores) | " + " | ".join(
        " / ".join(str(x) for x in r.get("load_average", [])) or "–" for r in rows) + " |")
    lines.append("| generate_records (s) | " + " | ".join(str(r.get("generate_seconds", "–")) for r in rows) + " |")
    return "\n".join(lines)


def page_results() -> list[dict]:
    rows = [json.loads(p.read_text()) for p in PAGE_RESULTS.glob("*.json")]
    return sorted(rows, key=lambda r: (r["size"], r["database"]))


def pages_table() -> str:
    """Every page's p50 / p95 against its budget, one column per database and size; FAIL marks a page over it."""
    rows = page_results()
    names = list(dict.fromkeys(name for r in rows for name in r["pages"]))
    lines = ["| page | budget (p95) | " + " | ".join(f"{r['database']} {r['size']:,}: p50 / p95 ms" for r in rows)
             + " |", "|---|---:|" + "---|" * len(rows)]
    for name in names:
        found = [r["pages"].get(name) for r in rows]
        budget = next(f["budget_ms"] for f in found if f)
        what = " (first byte)" if any(f and f["first_byte"] for f in found) else ""
        lines.append(f"| {name}{what} | {budget} ms | " + " | ".join(page_cell(f) for f in found) + " |")
    lines.append("| machine load average before / after (2 cores) | | " + " | ".join(
        " / ".join(str(x) for x in r.get("load_average", [])) for r in rows) + " |")
    return "\n".join(lines)


def page_cell(found: dict | None) -> str:
    if not found:
        return "–"
    cell = f"{found['p50_ms']} / {found['p95_ms']}"
    if found["runs"] < 10:
        cell += f" ({found['runs']} runs)"
    return f"**FAIL** {cell}" if found["over_budget"] else cell


def over_budget(sizes: list[int], databases: list[str]) -> list[str]:
    return [f"{r['database']} {r['size']:,}: {name}: p95 {f['p95_ms']} ms, budget {f['budget_ms']} ms"
            + (f"; {', '.join(f['problems'])}" if f["problems"] else "")
            for r in page_results() if r["size"] in sizes and r["database"] in databases
            for name, f in r["pages"].items() if f["over_budget"]]


if __name__ == "__main__":
    main()
