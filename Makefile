# The two commands a newcomer needs: `make run` and `make test`. Everything else is a step they call.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := algoreg.settings

.PHONY: run dev test test-fast lint install setup browser assets clean bench bench-pages

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# Migrate, load the seed data if the database is empty, and gather static files.
setup: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed
	$(PY) manage.py collectstatic --noinput --verbosity 0

# A working, seeded register at http://127.0.0.1:8000, served as in production. The longest request line gunicorn
# takes is its largest, 8190 bytes, and must stay algoreg.search.query.SERVER_REQUEST_LINE: the register's own
# limit on searches sits below it, so a long search gets a clear message rather than gunicorn's bare 414.
run: setup
	@echo "Serving the register at http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(VENV)/bin/gunicorn algoreg.wsgi --bind $(HOST):$(PORT) --workers 2 --limit-request-line 8190 --access-logfile -

# Django's development server with automatic reloading and debug pages.
dev: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

# Headless Chromium for the browser tests (Debian's package; installed once, if missing).
browser:
	@command -v chromium >/dev/null 2>&1 || scripts/install-chromium

# The whole suite: unit, page and browser tests, on SQLite or on DATABASE_URL if set.
test: install browser
	$(PY) manage.py makemigrations --check --dry-run --verbosity 0
	$(PY) -m pytest

# The benchmarks (bench/README.md): search, every page against its time budget (fails if one is over), and load;
# SQLite and PostgreSQL at 10,000 and 100,000 generated records. The databases are built once (about 5 minutes
# each at 100,000) and kept in bench/data/ and algoreg_bench_*.
bench: install
	$(PY) bench/run.py

# Only every public and signed-in page against its budget, at 100,000 records on both databases.
bench-pages: install
	$(PY) bench/run.py --sizes 100000 --parts pages

lint: install
	$(VENV)/bin/ruff check algoreg tests

# Rebuild the committed GOV.UK Frontend assets (needs Node and npm; running the register does not).
assets:
	cd frontend && npm ci --no-audit --no-fund && npm run build

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 db.sqlite3-wal db.sqlite3-shm
