"""The two places the text can live. Both are given index terms made in Python (analysis.py) and a `Query` of those
terms, so both find exactly the same records; everything after "which records contain these terms" (filters, counts,
ranking, snippets) is shared Python code.

A backend answers three questions and keeps its own table up to date:
- match(include, exclude): ids of records with every included group and none of the excluded ones;
- field_hits(groups): for each group, which records have it in the name and which in the summary (for ranking);
- write(texts) / delete(ids) / clear() / drop_orphans().
"""

from dataclasses import dataclass

from django.db import connection

from ..analysis import MAX_WORD

# Term caps that keep every position under PostgreSQL's limit of 16,383, applied on both backends.
MAX_TERMS = {"name": 200, "summary": 2_000, "rest": 14_000}
# PostgreSQL keeps 256 positions of a term in one document; later ones are left out on both backends.
MAX_POSITIONS = 256
# What SQLite's column holds in place of an occurrence PostgreSQL would drop: a private-use character, which
# SQLite's tokenizer keeps as a word and which no query can contain (queries only have letters and digits).
FILLER = "\ue000"
COLUMNS = ("name", "summary", "rest")


@dataclass
class IndexText:
    """A record's terms in each weight; None marks an occurrence past MAX_POSITIONS."""

    record_id: int
    name: list[str | None]
    summary: list[str | None]
    rest: list[str | None]

    @classmethod
    def from_terms(cls, record_id: int, name: list[str], summary: list[str], rest: list[str]) -> "IndexText":
        seen: dict[str, int] = {}
        columns = []
        for key, terms in zip(COLUMNS, (name, summary, rest), strict=True):
            kept: list[str | None] = []
            for term in terms[: MAX_TERMS[key]]:
                if not term or len(term) > MAX_WORD:
                    continue
                seen[term] = seen.get(term, 0) + 1
                kept.append(term if seen[term] <= MAX_POSITIONS else None)
            columns.append(kept)
        return cls(record_id, *columns)


def quote(term: str, mark: str) -> str:
    """A term in quotes for either query language. Terms are letters and digits, but quote marks are doubled
    anyway so nothing can ever end the quotes early."""
    return mark + term.replace(mark, mark + mark) + mark


def get_backend():
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    from .sqlite import SqliteBackend

    return SqliteBackend()
