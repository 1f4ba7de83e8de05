"""Memory and time of the streaming exports at 10,000 and 100,000 records. See "Exports" in bench/README.md.

    .venv/bin/python bench/export_memory.py                     # 10,000 and 100,000 records, CSV and JSON
    .venv/bin/python bench/export_memory.py --sizes 10000       # a quick look

Each size gets its own SQLite database in bench/data/exports-<size>.sqlite3, built once (migrate, then
generate_records N --seed 1) and reused. Each export runs in a fresh Python process that reads the whole download
from the view's streaming iterator and throws it away, as a web server sends it on, and reports:

- the process's resident memory after 1,000 records and then every tenth of the way, split into its own memory
  (RssAnon) and mapped file pages (RssFile: SQLite memory-maps the database file), and its peak RSS (ru_maxrss);
- in a second run under tracemalloc, the peak of memory allocated by Python while exporting.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
DATA = ROOT / "bench" / "data"


def database_url(size: int) -> str:
    return f"sqlite:///{DATA / f'exports-{size}.sqlite3'}"


def run(args: list[str], size: int, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url(size), "DJANGO_SETTINGS_MODULE": "algoreg.settings"}
    return subprocess.run(args, cwd=ROOT, env=env, check=True, text=True, **kwargs)


def build(size: int) -> None:
    if (DATA / f"exports-{size}.sqlite3").exists():
        return
    DATA.mkdir(exist_ok=True)
    run([PY, "manage.py", "migrate", "--noinput", "--verbosity", "0"], size)
    run([PY, "manage.py", "generate_records", str(size), "--seed", "1"], size)


def measure(size: int, fmt: str, traced: bool) -> dict:
    out = run([PY, __file__, "--child", fmt, "--records", str(size)] + (["--traced"] if traced else []), size,
              capture_output=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def rss_mb() -> dict[str, float]:
    """Resident memory in MB: the process's own (anonymous: the Python heap and SQLite's cache) and pages of
    files mapped into memory (SQLite maps the database file; those pages belong to the page cache)."""
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    return {key: round(int(fields[key].split()[0]) / 1024, 1) for key in ("RssAnon", "RssFile")}


def child(fmt: str, size: int, traced: bool) -> None:
    """Runs in its own process: export everything and print one line of JSON."""
    import resource
    import tracemalloc

    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from datetime import UTC, datetime

    from algoreg.transfer import exports

    records = exports.downloadable_records()
    samples: list = []
    checkpoints = {1_000, *(size * tenth // 10 for tenth in range(1, 11))}
    read_records = exports.with_versions

    def counting(queryset):  # notes the memory in use as the export passes each checkpoint
        for number, pair in enumerate(read_records(queryset), 1):
            if number in checkpoints:
                samples.append([number, rss_mb()])
            yield pair

    exports.with_versions = counting
    if traced:
        tracemalloc.start()
    started, sent = time.perf_counter(), 0
    if fmt == "csv":
        chunks = exports.csv_chunks(exports.own_rows(records))
    else:
        chunks = exports.json_chunks(records, datetime.now(UTC))
    for chunk in chunks:
        sent += len(chunk.encode())
    result = {
        "format": fmt, "records": size, "megabytes_sent": round(sent / 1024 / 1024, 1),
        "seconds": round(time.perf_counter() - started, 1), "rss_mb_at": samples,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if traced:
        result["tracemalloc_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1024 / 1024, 1)
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--formats", default="csv,json")
    parser.add_argument("--child")
    parser.add_argument("--records", type=int)
    parser.add_argument("--traced", action="store_true")
    options = parser.parse_args()
    if options.child:
        child(options.child, options.records, options.traced)
        return
    for size in (int(s) for s in options.sizes.split(",")):
        build(size)
        for fmt in options.formats.split(","):
            plain, traced = measure(size, fmt, False), measure(size, fmt, True)
            print(json.dumps({**plain, "tracemalloc_peak_mb": traced["tracemalloc_peak_mb"]}))


if __name__ == "__main__":
    main()
