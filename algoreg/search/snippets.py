"""Highlighting: the words that matched, marked in the name, the description and a short passage from wherever else
in the record they appear. Everything is escaped; only our own <mark> tags are markup."""

from dataclasses import dataclass

from markupsafe import Markup, escape

from algoreg.standard.cleaning import displayable

from .analysis import word_spans
from .documents import Passage
from .query import Phrase, Query

WINDOW = 32  # words in a passage snippet
BEFORE = 8  # words shown before the first match


@dataclass
class Snippet:
    label: str
    text: Markup


class Highlighter:
    def __init__(self, query: Query):
        self.groups = [g.phrases for g in query.include]
        self.needles = {p.terms[0][:3] for phrases in self.groups for p in phrases}

    def marks(self, text: str) -> tuple[list[tuple[int, int, str]], dict[int, set[int]]]:
        """The text's word spans, and for each marked span the groups it matched."""
        lowered = text.lower()
        if not self.groups or not any(n in lowered for n in self.needles):
            return [], {}
        spans = word_spans(text)
        terms = [t for _, _, t in spans]
        marked: dict[int, set[int]] = {}
        for number, phrases in enumerate(self.groups):
            for phrase in phrases:
                for i in _occurrences(terms, phrase):
                    for k in range(i, i + len(phrase.terms)):
                        marked.setdefault(k, set()).add(number)
        return spans, marked

    def whole(self, text: str) -> tuple[Markup, set[int]]:
        """All of a short text with its matches marked, and which groups matched."""
        text = displayable(text)
        spans, marked = self.marks(text)
        return _render(text, spans, marked, 0, len(spans)), _groups(marked)

    def passage(self, passages: list[Passage], missing: set[int]) -> Snippet | None:
        """The best short passage: the one with most of the `missing` groups, then most matches."""
        best = None
        for passage in passages:
            text = displayable(passage.text)
            spans, marked = self.marks(text)
            if not marked:
                continue
            groups = _groups(marked)
            key = (len(groups & missing), len(groups), len(marked))
            if best is None or key > best[0]:
                best = (key, passage.label, text, spans, marked)
        if best is None or not best[0][0]:
            return None
        _, label, text, spans, marked = best
        start = _window_start(sorted(marked), len(spans))
        return Snippet(label, _render(text, spans, marked, start, min(len(spans), start + WINDOW)))


def _groups(marked: dict[int, set[int]]) -> set[int]:
    return set().union(*marked.values()) if marked else set()


def _occurrences(terms: list[str], phrase: Phrase) -> list[int]:
    size = len(phrase.terms)
    found = []
    for i in range(len(terms) - size + 1):
        if all(terms[i + k] == phrase.terms[k] for k in range(size - 1)):
            last = terms[i + size - 1]
            wanted = phrase.terms[-1]
            if last == wanted or (phrase.prefix and last.startswith(wanted)):
                found.append(i)
    return found


def _window_start(marked: list[int], total: int) -> int:
    """Where the window with most matches starts, a few words before its first match."""
    best_start, best_count = marked[0], 0
    for i, first in enumerate(marked):
        count = sum(1 for m in marked[i:] if m < first + WINDOW - BEFORE)
        if count > best_count:
            best_start, best_count = first, count
    return max(0, min(best_start - BEFORE, total - WINDOW))


def _render(text: str, spans, marked, first: int, last: int) -> Markup:
    """Escaped text from span `first` to span `last` (exclusive), with marks, and ellipses where it is cut."""
    if not spans:
        return escape(text)
    begin = 0 if first == 0 else spans[first][0]
    end = len(text) if last >= len(spans) else spans[last - 1][1]
    parts = [Markup("… ") if first else Markup("")]
    position = begin
    i = first
    while i < last:
        start, stop, _ = spans[i]
        if i in marked:
            # Neighbouring marked words (a phrase) share one mark.
            j = i
            while j + 1 < last and j + 1 in marked:
                j += 1
            stop = spans[j][1]
            parts.append(escape(text[position:start]))
            parts.append(Markup("<mark>") + escape(text[start:stop]) + Markup("</mark>"))
            position = stop
            i = j + 1
            continue
        i += 1
    parts.append(escape(text[position:end]))
    if last < len(spans):
        parts.append(Markup(" …"))
    return Markup("").join(parts)
