"""Search tests run unchanged on SQLite and on PostgreSQL (CI runs the suite on each) and expect the same answers."""

import re
from html import unescape

import pytest

from tests.factories import make_published_record

RESULT_TITLE = re.compile(r'app-record-list__title">\s*<a class="govuk-link" href="[^"]+">(.*?)</a>', re.S)


def names_in(html: str) -> list[str]:
    """Record names on a results page, in order, without highlighting."""
    return [unescape(re.sub(r"</?mark>", "", n)).strip() for n in RESULT_TITLE.findall(html)]


@pytest.fixture
def search(client):
    """search(q="...", phase=[...]) -> names of the records found, in order."""

    def run(path="/records/", **params):
        response = client.get(path, params)
        assert response.status_code == 200
        return names_in(response.content.decode())

    return run


@pytest.fixture
def page(client):
    def run(path="/records/", **params) -> str:
        response = client.get(path, params)
        assert response.status_code == 200
        return response.content.decode()

    return run


@pytest.fixture
def publish(council):
    """publish("Name", description="...", **other fields) -> a published record at Example Borough Council."""

    def run(name, organisation=None, **fields):
        fields.setdefault("one_sentence_description", f"{name} helps the council.")
        fields.setdefault("description", "A sample description.")
        return make_published_record(organisation or council, name=name, **fields)

    return run
