"""Running a search: which records match, how many have each filter value, which page of them to show."""

import bisect
from dataclasses import dataclass, field
from itertools import islice

from django.http import QueryDict

from algoreg.organisations.models import Organisation

from . import state as index_state
from .backends import get_backend
from .bitsets import Members, from_ids, to_ids
from .facets import FACETS, Facet
from .query import Group, Query, parse
from .suggest import Suggestion, correction

SORTS = {"relevance": "Most relevant", "recent": "Recently updated", "name": "Name (A to Z)"}
NAME_SCORE, SUMMARY_SCORE = 100, 10
SPARSE = 2_000  # result sets this small are sorted directly; larger ones are walked in sort order
MAX_LEVEL_GROUPS = 6  # beyond this many things asked for, relevance is worked out record by record
SPARSE_COUNTS = 100  # counted record by record below this; above it, one AND and bit count per value
MAX_VALUES = 50  # values read from the URL per filter


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetResult:
    facet: Facet
    options: list[Option]
    hidden: int = 0  # values with records that are not shown (organisations beyond the first few)

    @property
    def key(self) -> str:
        return self.facet.key

    @property
    def label(self) -> str:
        return self.facet.label

    @property
    def selected(self) -> list[Option]:
        return [o for o in self.options if o.selected]


@dataclass
class Results:
    query: Query
    sort: str
    count: int
    ids: list[int]
    facets: list[FacetResult] = field(default_factory=list)
    suggestion: Suggestion | None = None
    problem: str | None = None  # why the search was not run (it was too long)

    @property
    def default_sort(self) -> str:
        return "relevance" if self.query.include else "recent"

    @property
    def sorts(self) -> dict[str, str]:
        return SORTS if self.query.include else {k: v for k, v in SORTS.items() if k != "relevance"}


@dataclass(frozen=True)
class Position:
    """How far a walk through the results has got, for paging by keys rather than by counting: when the walk began
    and the sort key of the last record given (`record_id` None before the first). A page starts just after that
    key, so records published or removed meanwhile cannot shift it. Records published after the walk began are
    left out of it: they come in the next walk, and a record whose name or relevance changed because it was
    published again cannot be given twice."""

    began: int  # the newest publication when the walk began, in microseconds since 1970
    score: int = 0  # relevance: the last record's score
    published: int = 0  # relevance and "recently updated": when the last record was published
    record_id: int | None = None
    name: str = ""  # "name": the last record's name, as sorted


def chosen(params: QueryDict, key: str) -> list[str]:
    # NUL can never be part of a value, and PostgreSQL refuses it in text, so it is dropped here.
    values = (v.replace("\x00", "") for v in params.getlist(key))
    return list(dict.fromkeys(v for v in values if v))[:MAX_VALUES]


def search(params: QueryDict, offset: int, limit: int, organisation: Organisation | None = None,
           show_all: frozenset[str] = frozenset()) -> Results:
    """One page of results for the URL parameters, with every filter's counts. `organisation` limits the search to
    one organisation's records (its page), and leaves out the organisation filter."""
    found = _find(params, organisation, show_all)
    found.results.ids = _page(found.state, found.matched, found.results.count, found.results.sort, found.fields,
                              offset, limit)
    return found.results


def walk(params: QueryDict, after: Position | None, limit: int) -> tuple[Results, Position | None]:
    """The next `limit` results after `after` (the first ones for None), and the position to carry on from (None
    when there are no more)."""
    found = _find(params)
    state, sort = found.state, found.results.sort
    if after is None:
        after = Position(began=-state.recent_keys[0][0] if state.recent_keys else 0)
    matched = found.matched & ~_published_after(state, after.began)
    ids = _walk_page(state, matched, sort, found.fields, after, limit + 1)
    found.results.ids = ids[:limit]
    if len(ids) <= limit:
        return found.results, None
    last = ids[limit - 1]
    doc = state.docs[last]
    position = Position(after.began, _score(last, found.fields) if sort == "relevance" else 0, doc.published, last,
                        doc.name if sort == "name" else "")
    return found.results, position


@dataclass
class _Found:
    state: index_state.IndexState
    matched: int
    fields: list[tuple[int, int]]
    results: Results


def _find(params: QueryDict, organisation: Organisation | None = None,
          show_all: frozenset[str] = frozenset()) -> _Found:
    """The records that match, how many there are, the filters' counts and any suggestion; no page of them yet."""
    state = index_state.current()
    backend = get_backend()
    query = parse(params.get("q", ""))
    sort = params.get("sort") if params.get("sort") in SORTS else ("relevance" if query.include else "recent")
    if sort == "relevance" and not query.include:
        sort = "recent"

    base = state.listed & _text_matches(backend, query, state.listed)
    selected = {f.key: chosen(params, f.key) for f in FACETS}
    if organisation is not None:
        selected["organisation"] = [organisation.slug]
    org_ids = _organisation_ids(selected["organisation"])
    wanted = _wanted_bits(state, selected, org_ids)

    matched = base
    for bits in wanted.values():
        matched &= bits
    count = matched.bit_count()
    facets = [] if organisation is not None else _facet_results(state, base, wanted, selected, org_ids, show_all)

    fields = _field_bits(backend, query, matched) if sort == "relevance" and count else []
    suggestion = correction(state, query) if query.words else None
    if suggestion is not None:
        corrected = parse(suggestion.text)
        hits = state.listed & _text_matches(backend, corrected, state.listed)
        for bits in wanted.values():
            hits &= bits
        if not hits:
            suggestion = None
    return _Found(state, matched, fields, Results(query, sort, count, [], facets, suggestion))


def _text_matches(backend, query: Query, listed: int) -> int:
    if query.include:
        return from_ids(backend.match(query.include, query.exclude))
    if query.exclude:
        anything = Group(tuple(p for g in query.exclude for p in g.phrases))
        return listed & ~from_ids(backend.match([anything], []))
    return listed


def _organisation_ids(slugs: list[str]) -> dict[str, int]:
    if not slugs:
        return {}
    return dict(Organisation.objects.filter(slug__in=slugs).values_list("slug", "pk"))


def _wanted_bits(state, selected: dict[str, list[str]], org_ids: dict[str, int]) -> dict[str, int]:
    """For each filter with values chosen, the records that have any of them."""
    wanted = {}
    for key, values in selected.items():
        if not values:
            continue
        if key == "organisation":
            values = [str(org_ids[v]) for v in values if v in org_ids]
        bits = 0
        for value in values:
            bits |= state.bits.get(key, {}).get(value, 0)
        wanted[key] = bits
    return wanted


def _facet_results(state, base: int, wanted: dict[str, int], selected, org_ids, show_all) -> list[FacetResult]:
    """Each filter's counts, each counted with every other filter applied (so ticking another value of the same
    filter shows how many more records it would add)."""
    results = []
    for facet in FACETS:
        others = base
        for key, bits in wanted.items():
            if key != facet.key:
                others &= bits
        counts = _counts(state, facet.key, others)
        if facet.key == "organisation":
            results.append(_organisation_result(facet, counts, selected["organisation"], org_ids, show_all))
            continue
        chosen_values = set(selected[facet.key])
        options = [Option(v, label, counts.get(v, 0), v in chosen_values) for v, label in facet.choices]
        results.append(FacetResult(facet, [o for o in options if o.count or o.selected]))
    return results


def _counts(state, key: str, others: int) -> dict[str, int]:
    if not others:
        return {}
    if others.bit_count() <= SPARSE_COUNTS:
        counts: dict[str, int] = {}
        for record_id in to_ids(others):
            for k, value in state.docs[record_id].facets:
                if k == key:
                    counts[value] = counts.get(value, 0) + 1
        return counts
    return {value: n for value, bits in state.bits.get(key, {}).items() if (n := (others & bits).bit_count())}


def _organisation_result(facet, counts, chosen_slugs, org_ids, show_all) -> FacetResult:
    chosen_ids = {org_ids[s] for s in chosen_slugs if s in org_ids}
    ranked = sorted(((n, int(i)) for i, n in counts.items()), key=lambda item: (-item[0], item[1]))
    shown_ids = [i for _, i in ranked] if facet.key in show_all else [i for _, i in ranked[:facet.shown]]
    shown_ids += [i for i in chosen_ids if i not in shown_ids]
    found = Organisation.objects.filter(pk__in=shown_ids).values_list("pk", "slug", "name") if shown_ids else []
    labels = {pk: (slug, name) for pk, slug, name in found}
    options = sorted(
        (Option(*labels[i], counts.get(str(i), 0), i in chosen_ids) for i in shown_ids if i in labels),
        key=lambda o: (-o.count, o.label),
    )
    return FacetResult(facet, options, hidden=max(0, len(ranked) - len(options)))


def _field_bits(backend, query: Query, matched: int) -> list[tuple[int, int]]:
    """For each thing asked for, the matched records that have it in the name, and in the summary. For ranking, a
    quoted phrase counts as in the name when all its words are: that needs no word positions, so it is quick."""
    ids: list[tuple[list[int], list[int]]] = [([], []) for _ in query.include]
    for record_id, group, weight in backend.field_hits([g.loose() for g in query.include]):
        ids[group][weight].append(record_id)
    return [(from_ids(name) & matched, from_ids(summary) & matched) for name, summary in ids]


def _page(state, matched: int, count: int, sort: str, fields: list[tuple[int, int]], offset: int,
          limit: int) -> list[int]:
    """Relevance: for each thing asked for, a record scores 100 when it is in the name and 10 when it is in the
    summary. Equal scores are in "recently updated" order, as are records that have the words only elsewhere."""
    if not count or offset >= count:
        return []
    if sort != "relevance" or not fields:
        return _ordered(state, matched, count, sort, offset, limit)
    page: list[int] = []
    for _, level in _levels(matched, fields):
        size = level.bit_count()
        if offset >= size:
            offset -= size
            continue
        page += _ordered(state, level, size, "recent", offset, limit - len(page))
        offset = 0
        if len(page) == limit:
            break
    return page


def _score(record_id: int, fields: list[tuple[int, int]]) -> int:
    return sum(NAME_SCORE * (name >> record_id & 1) + SUMMARY_SCORE * (summary >> record_id & 1)
               for name, summary in fields)


def _levels(matched: int, fields: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The matched records split by score, highest first, each with its score."""
    if len(fields) > MAX_LEVEL_GROUPS:
        # Too many combinations to list: score record by record (long searches match few records).
        scores: dict[int, list[int]] = {}
        for record_id in to_ids(matched):
            scores.setdefault(_score(record_id, fields), []).append(record_id)
        return [(s, from_ids(scores[s])) for s in sorted(scores, reverse=True)]
    levels = {0: matched}
    for name, summary in fields:
        parts = ((NAME_SCORE + SUMMARY_SCORE, name & summary), (NAME_SCORE, name & ~summary),
                 (SUMMARY_SCORE, summary & ~name), (0, matched & ~name & ~summary))
        combined: dict[int, int] = {}
        for score, bits in levels.items():
            for extra, part in parts:
                if both := bits & part:
                    combined[score + extra] = combined.get(score + extra, 0) | both
        levels = combined
    return [(s, levels[s]) for s in sorted(levels, reverse=True)]


def _ordered(state, bits: int, count: int, sort: str, offset: int, limit: int) -> list[int]:
    if not bits or limit <= 0:
        return []
    docs = state.docs
    if count <= SPARSE:
        ids = to_ids(bits)
        if sort == "name":
            ids.sort(key=lambda i: (docs[i].name, i))
        else:
            ids.sort(key=lambda i: (-docs[i].published, i))
        return ids[offset:offset + limit]
    order = state.by_name if sort == "name" else state.recent
    members = Members(bits)
    found, skipped = [], 0
    for record_id in order:
        if record_id in members:
            if skipped < offset:
                skipped += 1
                continue
            found.append(record_id)
            if len(found) == limit:
                break
    return found



# --- Walking by keys -----------------------------------------------------------------------------------------------

def _published_after(state, began: int) -> int:
    """The listed records published after `began`: the first ones in "recently updated" order."""
    end = bisect.bisect_left(state.recent_keys, (-began,))
    return from_ids(state.recent[:end])


def _walk_page(state, matched: int, sort: str, fields: list[tuple[int, int]], after: Position,
               limit: int) -> list[int]:
    """Up to `limit` records of `matched` that come after `after` in the sort order. Relevance is by score, highest
    first, then in "recently updated" order within a score (as `_page` does)."""
    started = after.record_id is not None
    if sort != "relevance" or not fields:
        return _ordered_after(state, matched, sort, after if started else None, limit)
    page: list[int] = []
    for score, level in _levels(matched, fields):
        if started and score > after.score:
            continue
        within = after if started and score == after.score else None
        page += _ordered_after(state, level, "recent", within, limit - len(page))
        if len(page) == limit:
            break
    return page


def _ordered_after(state, bits: int, sort: str, after: Position | None, limit: int) -> list[int]:
    """Up to `limit` records of `bits` after `after` by name, or in "recently updated" order, the same orders as
    `_ordered`."""
    if not bits or limit <= 0:
        return []
    docs = state.docs
    if sort == "name":
        key, keys, order = (lambda i: (docs[i].name, i)), state.name_keys, state.by_name
        start = None if after is None else (after.name, after.record_id)
    else:
        key, keys, order = (lambda i: (-docs[i].published, i)), state.recent_keys, state.recent
        start = None if after is None else (-after.published, after.record_id)
    if bits.bit_count() <= SPARSE:
        ids = sorted(to_ids(bits), key=key)
        first = 0 if start is None else bisect.bisect_right(ids, start, key=key)
        return ids[first:first + limit]
    members = Members(bits)
    first = 0 if start is None else bisect.bisect_right(keys, start)
    found = []
    for record_id in islice(order, first, None):
        if record_id in members:
            found.append(record_id)
            if len(found) == limit:
                break
    return found
