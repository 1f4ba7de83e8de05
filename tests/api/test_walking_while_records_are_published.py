"""Walking through /api/v1/records page by page while the register changes: no record comes twice, none that was
there all along is missed, and what was published during the walk comes in the next walk. With offsets, a record
published between two pages pushed one record onto the next page again."""

import pytest

from algoreg.records.publishing import publish
from algoreg.search import engine
from tests.factories import complete_data, make_published_record

pytestmark = pytest.mark.django_db
API = "/api/v1"
SORTS = ["recent", "name", "relevance"]


@pytest.fixture(params=["sorted directly", "walked in sort order"], autouse=True)
def result_set_size(request, monkeypatch):
    """Small result sets are sorted directly; large ones are walked in the index's sort order: try both ways."""
    if request.param == "walked in sort order":
        monkeypatch.setattr(engine, "SPARSE", 0)


def tool(council, name: str):
    return make_published_record(council, name=name, one_sentence_description="A tool that sorts requests.")


def publish_again(record, name: str) -> None:
    publish(record, complete_data(name=name, one_sentence_description="A tool that sorts requests."), "4.0",
            "Renamed.")


def walk(client, sort: str, between_pages=None) -> list[str]:
    """The public ids of every record on every page, calling between_pages(seen) after the first page."""
    seen, url = [], f"{API}/records?limit=3&q=tool&sort={sort}"
    while url:
        body = client.get(url).json()
        seen += [item["public_id"] for item in body["results"]]
        url = body["next"]
        if between_pages and url:
            between_pages(seen)
            between_pages = None
    return seen


@pytest.mark.parametrize("sort", SORTS)
def test_a_record_published_during_a_walk_is_not_given_twice_and_comes_in_the_next_walk(client, council, sort):
    records = [tool(council, f"Tool number {n}") for n in range(10, 17)]
    new = []

    def publish_one(seen):
        new.append(tool(council, "Tool number 1"))  # first by name, newest, and as relevant as the others

    seen = walk(client, sort, publish_one)
    assert len(seen) == len(set(seen))
    assert {r.public_id for r in records} <= set(seen)
    assert new[0].public_id in walk(client, sort)


@pytest.mark.parametrize("sort", SORTS)
def test_records_published_again_during_a_walk_are_never_given_twice(client, council, sort):
    records = [tool(council, f"Tool number {n}") for n in range(10, 17)]
    changed = set()

    def rename_what_was_seen(seen):
        for record in records:
            if record.public_id in seen:
                # Later by name, and less relevant: "tool" is now only in the description.
                publish_again(record, f"Zebra crossing {record.pk}")
                changed.add(record.public_id)

    seen = walk(client, sort, rename_what_was_seen)
    assert changed and len(seen) == len(set(seen))
    assert {r.public_id for r in records} == set(seen)


@pytest.mark.parametrize("sort", SORTS)
def test_records_withdrawn_during_a_walk_do_not_make_it_skip_others(client, council, editor, sort):
    from algoreg.records.workflow import withdraw

    records = [tool(council, f"Tool number {n}") for n in range(10, 17)]
    gone = set()

    def withdraw_what_was_seen(seen):
        for record in records:
            if record.public_id in seen:
                withdraw(record, editor, "No longer used.")
                gone.add(record.public_id)

    seen = walk(client, sort, withdraw_what_was_seen)
    assert gone and len(seen) == len(set(seen))
    assert {r.public_id for r in records} == set(seen)
