"""A page of search results ready for a template: records in order with their highlights, and a Django `Page`."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import QueryDict
from markupsafe import Markup, escape

from algoreg.records.models import Record
from algoreg.standard.cleaning import displayable

from .documents import passages
from .engine import Results, search
from .query import MAX_CHARACTERS, Query, length_problem
from .snippets import Highlighter, Snippet

MAX_PAGE = 10_000


@dataclass
class Item:
    record: Record
    name: Markup
    description: Markup
    snippet: Snippet | None


class _Loaded:
    """Stands in for the whole result list in a Paginator: it knows the total and holds only the page shown."""

    def __init__(self, count: int, items: list[Item]):
        self._count, self.items = count, items

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, _slice):
        return self.items


def page_number(value) -> int:
    try:
        return min(max(1, int(str(value))), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def results_page(params: QueryDict, per_page: int, organisation=None) -> tuple[Results, Page, list[Item]]:
    """One page of results. A search too long to run is not run: `results.problem` says why, and no records are
    listed until it is shortened."""
    typed = params.get("q", "")
    problem = length_problem(typed)
    if problem:
        params = params.copy()
        params["q"] = ""
    number = page_number(params.get("page"))
    show_all = frozenset({"organisation"}) if params.get("show") == "organisation" else frozenset()
    results = search(params, (number - 1) * per_page, per_page, organisation, show_all)
    last = max(1, -(-results.count // per_page))
    if number > last:
        number = last
        results = search(params, (number - 1) * per_page, per_page, organisation, show_all)
    if problem:
        # Nothing is listed; the box shows the search cut to the length allowed, ready to shorten.
        results.problem, results.count, results.ids, results.suggestion = problem, 0, [], None
        results.query = Query(text=typed[:MAX_CHARACTERS])
    items = _items(results)
    page = Paginator(_Loaded(results.count, items), per_page, allow_empty_first_page=True).page(number)
    return results, page, items


def _items(results: Results) -> list[Item]:
    if not results.ids:
        return []
    found = Record.objects.select_related("organisation", "current_version").in_bulk(results.ids)
    records = [found[i] for i in results.ids if i in found]
    if not results.query.include:
        return [Item(r, escape(displayable(r.name)), escape(displayable(r.one_sentence_description)), None)
                for r in records]
    highlighter = Highlighter(results.query)
    items = []
    for record in records:
        name, in_name = highlighter.whole(record.name)
        description, in_description = highlighter.whole(record.one_sentence_description)
        missing = set(range(len(results.query.include))) - in_name - in_description
        snippet = None
        if missing and record.current_version is not None:
            version = record.current_version
            _, summary, rest = passages(version.data, version.standard_version, record.organisation.name)
            snippet = highlighter.passage(summary + rest, missing)
        items.append(Item(record, name, description, snippet))
    return items
