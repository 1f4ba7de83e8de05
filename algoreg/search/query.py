"""Reading what someone typed into the search box.

Plain words must all appear (in any form: "assessments" finds "assessed"); the last word also matches as the start of
a word; "quoted words" must appear together in that order; a word or quoted phrase after a minus sign must not
appear; abbreviations find what they stand for and the other way round. Nothing typed is ever passed to a database
as query syntax: it becomes a `Query` of index terms, which each backend writes out in its own syntax.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from .analysis import STOP_WORDS, fold, stem, tokens
from .synonyms import alternatives, longest_meaning

MAX_CHARACTERS = 300  # the longest search the pages and the API accept
# gunicorn refuses a longer first line of a request with a bare 414 before the register sees it: the Makefile passes
# it as --limit-request-line (gunicorn's largest). A search of MAX_CHARACTERS, each 12 bytes once percent-encoded, is
# 3,600 bytes, which leaves room for filters; a longer search reaches the register and gets a clear message.
SERVER_REQUEST_LINE = 8190
# The search boxes take more than MAX_CHARACTERS, so someone who types too much sees the message rather than losing
# text silently; twice as much still fits gunicorn's request line with room for filters.
SEARCH_BOX_CHARACTERS = 2 * MAX_CHARACTERS
MAX_PARTS = 12
MIN_PREFIX = 3
QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
PART = re.compile(r'(?P<neg>-?)"(?P<quoted>[^"]*)"?|(?P<neg2>-?)(?P<bare>[^\s"]+)')


@dataclass(frozen=True)
class Phrase:
    """Terms that must appear next to each other in this order; with `prefix`, the last one only has to start so."""

    terms: tuple[str, ...]
    prefix: bool = False
    adjacent: bool = True  # False: the terms only have to appear somewhere, in any order

    def loose(self) -> "Phrase":
        return Phrase(self.terms, self.prefix, adjacent=False)


@dataclass(frozen=True)
class Group:
    """One thing asked for: a record has it when any of the phrases appears."""

    phrases: tuple[Phrase, ...]

    def loose(self) -> "Group":
        """The same group with its phrases' words allowed anywhere (cheaper to look up; used for ranking)."""
        return Group(tuple(p.loose() for p in self.phrases))


@dataclass(frozen=True)
class Word:
    """A plain word as typed, where it is in the cleaned text, and its terms: what "did you mean" may correct."""

    typed: str
    start: int
    end: int
    term: str
    last: bool


@dataclass
class Query:
    text: str = ""
    include: list[Group] = field(default_factory=list)
    exclude: list[Group] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def has_terms(self) -> bool:
        return bool(self.include or self.exclude)


@dataclass
class _Part:
    text: str
    start: int
    end: int
    quoted: bool
    negated: bool
    terms: tuple[str, ...]


def clean(text: str) -> str:
    """The text with control and formatting characters turned to spaces and runs of spaces made one."""
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text.translate(QUOTES))
    return " ".join(text.split())


def length_problem(raw: str) -> str | None:
    """Why a search is too long to run, or None."""
    if len(raw or "") > MAX_CHARACTERS:
        return f"Your search must be {MAX_CHARACTERS} characters or less. It has {len(raw):,}."
    return None


def parse(raw: str) -> Query:
    text = clean(raw or "")
    query = Query(text=text)
    if len(text) > MAX_CHARACTERS:
        text = text[:MAX_CHARACTERS].rsplit(" ", 1)[0] if " " in text[:MAX_CHARACTERS] else text[:MAX_CHARACTERS]
        query.text = text
        query.notes.append(f"Your search was very long, so only the first {len(text):,} characters were used.")
    parts = _parts(text)
    if not parts:
        if text:
            query.notes.append("Your search had no letters or numbers in it, so all records are shown.")
        return query
    groups, excluded = _groups(parts, query)
    if len(groups) > MAX_PARTS or len(excluded) > MAX_PARTS:
        query.notes.append(f"Only the first {MAX_PARTS} words or phrases of your search were used.")
    query.include, query.exclude = groups[:MAX_PARTS], excluded[:MAX_PARTS]
    return query


def _parts(text: str) -> list[_Part]:
    parts = []
    for m in PART.finditer(text):
        quoted = m.group("quoted") is not None
        body = m.group("quoted") if quoted else m.group("bare")
        negated = bool(m.group("neg") if quoted else m.group("neg2"))
        terms = tuple(tokens(body))
        if terms:
            parts.append(_Part(body, m.start(), m.end(), quoted, negated, terms))
    return parts


def _is_stop(part: _Part) -> bool:
    return not part.quoted and len(part.terms) == 1 and fold(part.text).strip("'") in STOP_WORDS


def _groups(parts: list[_Part], query: Query) -> tuple[list[Group], list[Group]]:
    keep_stops = all(_is_stop(p) for p in parts if not p.negated)
    include: list[Group] = []
    exclude: list[Group] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        run, alts = _abbreviation_run(parts, i)
        if alts:
            terms = tuple(t for p in run for t in p.terms)
            group = Group((Phrase(terms),) + tuple(Phrase(a) for a in alts))
            (exclude if part.negated else include).append(group)
            i += len(run)
            continue
        i += 1
        if part.negated:
            exclude.append(Group((Phrase(part.terms),)))
            continue
        if _is_stop(part) and not keep_stops:
            continue
        last = i == len(parts)
        include.append(_plain_group(part, last))
        if not part.quoted and len(part.terms) == 1 and part.text.isalpha():
            query.words.append(Word(part.text, part.start, part.end, part.terms[0], last))
    return include, exclude


def _plain_group(part: _Part, last: bool) -> Group:
    exact = Phrase(part.terms)
    if part.quoted or not last:
        return Group((exact,))
    # The last word may be unfinished: also match words that start with it as typed.
    typed = tuple(fold(w).replace("'", "") for w in re.findall(r"[^\W_]+(?:'[^\W_]+)*", fold(part.text)))
    if len(typed) != len(part.terms) or len(typed[-1]) < MIN_PREFIX:
        return Group((exact,))
    started = Phrase(part.terms[:-1] + (typed[-1],), prefix=True)
    if part.terms[-1].startswith(typed[-1]):
        return Group((started,))
    return Group((exact, started))


def _abbreviation_run(parts: list[_Part], i: int) -> tuple[list[_Part], list[tuple[str, ...]]]:
    """The longest run of plain words from parts[i] that is an abbreviation or a meaning, and its alternatives."""
    if parts[i].quoted:
        return [], []
    for length in range(min(longest_meaning(), len(parts) - i), 0, -1):
        run = parts[i:i + length]
        if any(p.quoted for p in run) or (length > 1 and any(p.negated for p in run)):
            continue
        terms = tuple(t for p in run for t in p.terms)
        alts = alternatives(terms, " ".join(p.text for p in run))
        if alts:
            return run, alts
    return [], []


def stem_of(word: str) -> str:
    return stem(fold(word))
