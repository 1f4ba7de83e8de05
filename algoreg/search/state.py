"""What each worker keeps in memory between requests: the filter values and sort keys of every listed record as
bit sets, and the vocabulary. Counting filters in SQL took 240-320 ms at 100,000 records (bench/README.md); with bit
sets it takes a few milliseconds.

A worker checks the index's generation with one small query per search. When another process has changed the index
it loads only the changed rows; when its generation is unknown (rolled back, pruned, or the tables were emptied) it
loads everything again.
"""

import bisect
import gc
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection

from .bitsets import from_ids

GENERATION_SQL = (
    "SELECT generation, token FROM search_searchlog WHERE generation = %s UNION ALL "
    "SELECT generation, token FROM (SELECT generation, token FROM search_searchlog "
    "ORDER BY generation DESC LIMIT 1) latest"
)
DOCUMENT_SQL = "SELECT record_id, listed, published, sort_name, facets FROM search_searchdocument"
WORD_SQL = "SELECT word, stem, records FROM search_searchword"
FULL_RELOAD_OVER = 5_000  # changed rows beyond which loading everything again is quicker
FREEZE_OVER = 10_000  # records from which the loaded state is kept out of garbage collection


@dataclass(frozen=True, slots=True)
class Doc:
    published: int
    name: str
    facets: tuple[tuple[str, str], ...]


@dataclass
class IndexState:
    generation: int | None = None
    token: str = ""
    listed: int = 0
    bits: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    docs: dict[int, Doc] = field(default_factory=dict)
    # Listed ids in "recently updated" and in name order, with their sort keys alongside for quick updates.
    recent: list[int] = field(default_factory=list)
    recent_keys: list[tuple] = field(default_factory=list)
    by_name: list[int] = field(default_factory=list)
    name_keys: list[tuple] = field(default_factory=list)
    # The vocabulary: how many records have each word, and each word's stem.
    word_records: dict[str, int] = field(default_factory=dict)
    word_stem: dict[str, str] = field(default_factory=dict)
    stem_words: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    sorted_words: list[str] = field(default_factory=list)
    trigrams: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def copy(self) -> "IndexState":
        return IndexState(
            self.generation, self.token, self.listed, defaultdict(dict, {k: dict(v) for k, v in self.bits.items()}),
            dict(self.docs), list(self.recent), list(self.recent_keys), list(self.by_name), list(self.name_keys),
            dict(self.word_records), dict(self.word_stem),
            defaultdict(set, {k: set(v) for k, v in self.stem_words.items()}), list(self.sorted_words),
            defaultdict(set, {k: set(v) for k, v in self.trigrams.items()}),
        )

    # --- Records ---------------------------------------------------------------------------------------------

    def load_all(self, rows) -> None:
        members: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for record_id, listed, published, sort_name, facet_text in rows:
            if not listed:
                continue
            doc = Doc(published, sort_name, parse_facets(facet_text))
            self.docs[record_id] = doc
            for key, value in doc.facets:
                members[key][value].append(record_id)
        self.bits = defaultdict(dict, {key: {value: from_ids(ids) for value, ids in values.items()}
                                       for key, values in members.items()})
        self.listed = from_ids(self.docs)
        self.sort_all()

    def sort_all(self) -> None:
        recent = sorted((-d.published, i) for i, d in self.docs.items())
        self.recent_keys, self.recent = recent, [i for _, i in recent]
        names = sorted((d.name, i) for i, d in self.docs.items())
        self.name_keys, self.by_name = names, [i for _, i in names]

    def apply(self, rows) -> None:
        """Take in changed rows."""
        for record_id, listed, published, sort_name, facet_text in rows:
            self.remove(record_id)
            if listed:
                self.add(record_id, Doc(published, sort_name, parse_facets(facet_text)))

    def remove(self, record_id: int) -> None:
        doc = self.docs.pop(record_id, None)
        if doc is None:
            return
        bit = 1 << record_id
        self.listed &= ~bit
        for key, value in doc.facets:
            self.bits[key][value] &= ~bit
        _remove_sorted(self.recent_keys, self.recent, (-doc.published, record_id))
        _remove_sorted(self.name_keys, self.by_name, (doc.name, record_id))

    def add(self, record_id: int, doc: Doc) -> None:
        self.docs[record_id] = doc
        bit = 1 << record_id
        self.listed |= bit
        for key, value in doc.facets:
            self.bits[key][value] = self.bits[key].get(value, 0) | bit
        _insert_sorted(self.recent_keys, self.recent, (-doc.published, record_id))
        _insert_sorted(self.name_keys, self.by_name, (doc.name, record_id))

    # --- Vocabulary ------------------------------------------------------------------------------------------

    def add_words(self, rows) -> None:
        new = []
        for word, stem, records in rows:
            if word not in self.word_records:
                new.append(word)
                self.word_stem[word] = stem
                self.stem_words[stem].add(word)
                for gram in trigrams(word):
                    self.trigrams[gram].add(word)
            self.word_records[word] = records
        if len(new) > 100:
            self.sorted_words = sorted(self.word_records)
        else:
            for word in new:
                bisect.insort(self.sorted_words, word)

    def stem_is_known(self, stem: str) -> bool:
        return any(self.word_records.get(w, 0) > 0 for w in self.stem_words.get(stem, ()))

    def has_word_starting(self, start: str) -> bool:
        i = bisect.bisect_left(self.sorted_words, start)
        while i < len(self.sorted_words) and self.sorted_words[i].startswith(start):
            if self.word_records.get(self.sorted_words[i], 0) > 0:
                return True
            i += 1
        return False


_PAIRS: dict[str, tuple[str, str]] = {}


def parse_facets(text: str) -> tuple[tuple[str, str], ...]:
    """("phase", "production"), ... with each distinct pair made once and shared, to keep the objects few."""
    pairs = []
    for pair in text.split():
        shared = _PAIRS.get(pair)
        if shared is None:
            shared = _PAIRS.setdefault(pair, tuple(pair.split("=", 1)))
        pairs.append(shared)
    return tuple(pairs)


def trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def _remove_sorted(keys: list, ids: list, key: tuple) -> None:
    i = bisect.bisect_left(keys, key)
    if i < len(keys) and keys[i] == key:
        del keys[i]
        del ids[i]


def _insert_sorted(keys: list, ids: list, key: tuple) -> None:
    i = bisect.bisect_left(keys, key)
    keys.insert(i, key)
    ids.insert(i, key[1])


_state = IndexState()
_lock = threading.Lock()


def current() -> IndexState:
    """The index state as of the latest committed change, loading what changed since this worker last looked."""
    global _state
    state = _state
    latest, known = _generations(state)
    if latest == (state.generation, state.token):
        return state
    with _lock:
        state = _state
        latest, known = _generations(state)
        if latest == (state.generation, state.token):
            return state
        _state = _refreshed(state, latest, known)
        return _state


def _generations(state: IndexState):
    with connection.cursor() as cursor:
        cursor.execute(GENERATION_SQL, [state.generation if state.generation is not None else -1])
        rows = cursor.fetchall()
    latest = max(rows) if rows else (None, "")
    known = state.generation is not None and (state.generation, state.token) in rows
    return tuple(latest), known


def _refreshed(state: IndexState, latest: tuple, known: bool) -> IndexState:
    with connection.cursor() as cursor:
        if known:
            cursor.execute("SELECT COUNT(*) FROM search_searchdocument WHERE generation > %s", [state.generation])
            known = cursor.fetchone()[0] <= FULL_RELOAD_OVER
        if known:
            fresh = state.copy()
            cursor.execute(DOCUMENT_SQL + " WHERE generation > %s", [state.generation])
            fresh.apply(cursor.fetchall())
            cursor.execute(WORD_SQL + " WHERE generation > %s", [state.generation])
            fresh.add_words(cursor.fetchall())
        else:
            fresh = IndexState()
            cursor.execute(DOCUMENT_SQL + " WHERE listed")
            fresh.load_all(cursor.fetchall())
            cursor.execute(WORD_SQL)
            fresh.add_words(cursor.fetchall())
            if len(fresh.docs) >= FREEZE_OVER:
                # Hundreds of thousands of long-lived objects: keep the garbage collector from walking them on
                # every full collection, which paused requests for 100-270 ms at 100,000 records. (Loading only
                # changes adds few objects, so that path does not need it.)
                gc.collect()
                gc.freeze()
    fresh.generation, fresh.token = latest
    return fresh


def forget() -> None:
    """Drop what this worker holds (for tests and after bulk changes in the same process)."""
    global _state
    with _lock:
        _state = IndexState()
