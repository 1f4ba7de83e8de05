"""SQLite: an FTS5 table with one column per weight, keyed by record id."""

from django.db import connection

from ..query import Group, Phrase
from . import FILLER, IndexText, quote

TABLE = "search_text"
CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(name, summary, rest, "
    "tokenize='unicode61 remove_diacritics 0', columnsize=0, detail=full)"
)
DROP = f"DROP TABLE IF EXISTS {TABLE}"


def phrase(p: Phrase) -> str:
    if not p.adjacent and len(p.terms) > 1:
        terms = [quote(t, '"') for t in p.terms]
        terms[-1] += "*" if p.prefix else ""
        return "(" + " AND ".join(terms) + ")"
    return quote(" ".join(p.terms), '"') + ("*" if p.prefix else "")


def group(g: Group) -> str:
    return "(" + " OR ".join(phrase(p) for p in g.phrases) + ")"


def expression(include: list[Group], exclude: list[Group]) -> str:
    text = " AND ".join(group(g) for g in include)
    if exclude:
        text = f"({text}) NOT (" + " OR ".join(group(g) for g in exclude) + ")"
    return text


class SqliteBackend:
    vendor = "sqlite"

    def match(self, include: list[Group], exclude: list[Group]) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [expression(include, exclude)])
            return [row[0] for row in cursor.fetchall()]

    def field_hits(self, groups: list[Group]) -> list[tuple[int, int, int]]:
        """(record id, group number, 0 for the name or 1 for the summary)."""
        parts, params = [], []
        for i, g in enumerate(groups):
            for weight, column in enumerate(("name", "summary")):
                parts.append(f"SELECT rowid, {i}, {weight} FROM {TABLE} WHERE {TABLE} MATCH %s")
                params.append(f"{column} : {group(g)}")
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            return cursor.fetchall()

    def write(self, texts: list[IndexText]) -> None:
        if not texts:
            return
        self.delete([t.record_id for t in texts])
        rows = [(t.record_id, _column(t.name), _column(t.summary), _column(t.rest)) for t in texts]
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {TABLE} (rowid, name, summary, rest) VALUES (%s, %s, %s, %s)", rows)

    def delete(self, record_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            for start in range(0, len(record_ids), 500):
                chunk = record_ids[start:start + 500]
                cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk)

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")

    def drop_orphans(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid NOT IN "
                           "(SELECT record_id FROM search_searchdocument WHERE listed)")

    def bulk_write(self, texts: list[IndexText]) -> None:
        """Adding many new records at once (nothing to delete first)."""
        rows = [(t.record_id, _column(t.name), _column(t.summary), _column(t.rest)) for t in texts]
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {TABLE} (rowid, name, summary, rest) VALUES (%s, %s, %s, %s)", rows)

    def optimise(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")


def _column(terms: list[str | None]) -> str:
    return " ".join(FILLER if t is None else t for t in terms)
