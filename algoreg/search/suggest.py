""""Did you mean": a word of the search that no record has is swapped for the closest word that records do have.

Closeness is worked out in Python over the vocabulary (search_searchword), so both databases suggest the same word:
candidates share letter triples with the typed word (as PostgreSQL's pg_trgm does), then the fewest edits wins, then
the word more records have, then alphabetical order.
"""

from collections import Counter
from dataclasses import dataclass

from .analysis import fold
from .query import MIN_PREFIX, Query
from .state import trigrams

MIN_SIMILARITY = 0.25


@dataclass
class Suggestion:
    text: str  # the corrected search
    changed: list[str]  # the corrected words, to emphasise


def correction(state, query: Query) -> Suggestion | None:
    replacements = []
    for word in query.words:
        if state.stem_is_known(word.term):
            continue
        typed = fold(word.typed)
        if not typed.isalpha() or len(typed) < 3:
            continue
        if word.last and len(typed) >= MIN_PREFIX and state.has_word_starting(typed):
            continue
        best = closest(state, typed)
        if best:
            replacements.append((word.start, word.end, best.capitalize() if word.typed[:1].isupper() else best))
    if not replacements:
        return None
    text = query.text
    for start, end, best in reversed(replacements):
        text = text[:start] + best + text[end:]
    return Suggestion(text, [best for _, _, best in replacements])


def closest(state, typed: str) -> str | None:
    grams = trigrams(typed)
    shared = Counter(w for g in grams for w in state.trigrams.get(g, ()))
    allowed = 1 if len(typed) <= 5 else 2
    best = None
    for word, common in shared.items():
        similarity = common / (len(grams) + len(trigrams(word)) - common)
        if similarity < MIN_SIMILARITY or state.word_records.get(word, 0) <= 0 or abs(len(word) - len(typed)) > 2:
            continue
        distance = edits(typed, word, allowed)
        if distance > allowed:
            continue
        key = (distance, -similarity, -state.word_records[word], word)
        if best is None or key < best[0]:
            best = (key, word)
    return best[1] if best else None


def edits(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, replace, swap two neighbours) to turn a into b; anything over `limit` is limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return previous[-1]
