"""gunicorn serving one benchmark database, as in production (`make run`), for as long as a `with` block lasts."""

import contextlib
import os
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
PORT = 8765


def environment(url: str) -> dict:
    return {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "algoreg.settings",
            "ALLOWED_HOSTS": "127.0.0.1"}


@contextlib.contextmanager
def gunicorn(url: str, workers: int, log: Path | None = None, timeout: int = 30):
    """Yields the server's address once it answers. `timeout` is gunicorn's: how long one request may take before
    its worker is restarted."""
    env = environment(url)
    subprocess.run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    with contextlib.ExitStack() as stack:
        errors = stack.enter_context(open(log, "w")) if log else None
        server = subprocess.Popen([str(ROOT / ".venv/bin/gunicorn"), "algoreg.wsgi", "--bind", f"127.0.0.1:{PORT}",
                                   "--workers", str(workers), "--timeout", str(timeout), "--log-level", "warning"],
                                  cwd=ROOT, env=env, stderr=errors)
        try:
            address = f"http://127.0.0.1:{PORT}"
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{address}/about/", timeout=30).read()
                    break
                except OSError:
                    time.sleep(0.3)
            yield address
        finally:
            server.terminate()
            server.wait(timeout=60)
