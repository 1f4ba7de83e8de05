"""Turning text into the words the index holds: the same steps for records and for what people type.

Both databases are given words we have already made here (folded, lower-cased and stemmed with the Snowball English
stemmer), never raw text, so SQLite and PostgreSQL match exactly the same words.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# A word is a run of letters and digits, with apostrophes inside it ("children's", "o'neill").
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
MAX_WORD = 60  # longer runs are not words anyone searches for (and PostgreSQL limits lexemes)

# Left out of searches (but kept in the index, so "quoted phrases" with them still match).
STOP_WORDS = frozenset(
    """a an and are as at be been but by can could do does for from had has have how i if in into is it its my not of on
    or our should so than that the their them then there these they this to was we were what when where which who
    why will with would you your""".split()
)

_stemmer = snowballstemmer.stemmer("english")


def fold(text: str) -> str:
    """Lower case, accents removed and compatibility characters simplified: 'Gwasanaethau Cymraeg' -> 'gwasanaethau
    cymraeg', 'ŵ' -> 'w'."""
    if text.isascii():
        return text.translate(APOSTROPHES).lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index form of one folded word: its stem, with apostrophes dropped."""
    return _stemmer.stemWord(word).replace("'", "")[:MAX_WORD]


def words(text: str) -> list[str]:
    """The folded words of some text, in order."""
    return WORD.findall(fold(text))


def tokens(text: str) -> list[str]:
    """The index terms of some text, in order."""
    return [stem(w) for w in words(text) if len(w) <= MAX_WORD]


# As WORD, on text as written: combining accents (which \w leaves out) stay part of their word.
SURFACE_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+(?:['\u2019\u2018`](?:[^\W_]|[\u0300-\u036f])+)*")


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, term) for the words of the original text, for highlighting. A word that folds into several terms
    gives one span per term, all covering the whole word."""
    if text.isascii():
        folded = text.lower().translate(APOSTROPHES)
        return [(m.start(), m.end(), stem(m.group())) for m in WORD.finditer(folded) if m.end() - m.start() <= MAX_WORD]
    spans = []
    for m in SURFACE_WORD.finditer(text):
        for w in WORD.findall(fold(m.group())):
            if len(w) <= MAX_WORD:
                spans.append((m.start(), m.end(), stem(w)))
    return spans
