"""The server (gunicorn, started by `make run`) refuses a request whose first line is longer than its limit with a
bare 414, before the register sees it. The register's own limits must sit below that, so that whatever the search
boxes let people type, and the longest search and `next` address the API accepts, reach the register."""

import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from algoreg.api.cursors import RECORDS
from algoreg.search.query import MAX_CHARACTERS, SERVER_REQUEST_LINE
from tests.factories import make_published_record

ROOT = Path(__file__).resolve().parent.parent
WORST = "\U0001f600"  # each character 12 bytes once percent-encoded
WORST_IN_A_BOX = "\u0800"  # browsers count maxlength in UTF-16 units: 9 bytes for one unit


def request_line(path: str, **params) -> int:
    return len(f"GET {path}?{urlencode(params)} HTTP/1.1".encode())


def test_make_run_gives_gunicorn_the_limit_the_register_is_built_for():
    makefile = (ROOT / "Makefile").read_text()
    command = next(line for line in makefile.splitlines() if "gunicorn algoreg.wsgi" in line)
    assert re.search(r"--limit-request-line (\d+)", command).group(1) == str(SERVER_REQUEST_LINE)


def test_the_longest_search_the_api_takes_fits_with_a_cursor_and_room_for_filters():
    cursor = "9" * 18 + ".0" + ("." + "9" * 18) * 2 + "." + WORST * (RECORDS.max_length - 4 * 19)
    longest = request_line("/api/v1/records", q=WORST * MAX_CHARACTERS, sort="name", limit=100, cursor=cursor)
    assert longest < SERVER_REQUEST_LINE - 300


@pytest.mark.django_db
def test_what_a_search_box_lets_people_type_fits_with_room_for_filters(client, council):
    make_published_record(council)  # an organisation's page has a search box once it has records
    for path in ("/", "/records/", reverse("organisations:detail", args=[council.slug])):
        page = client.get(path).content.decode()
        length = int(re.search(r'id="q"[^>]*maxlength="(\d+)"', page).group(1))
        assert MAX_CHARACTERS < length, path  # longer than allowed: people see the message, not lose text
        assert request_line("/records/", q=WORST_IN_A_BOX * length) < SERVER_REQUEST_LINE - 2_000, path
