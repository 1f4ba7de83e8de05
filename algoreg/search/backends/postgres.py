"""PostgreSQL: tsvector columns with GIN indexes, written directly as tsvector values (terms with positions) so
PostgreSQL's own parser and stemmer never see the text.

all_vec holds every weight for matching (with a gap between weights so phrases never join them); name_vec and
summary_vec are small copies used to rank and to check phrases cheaply. all_vec, a few kilobytes, is kept out of line
(toast_tuple_target), while name_vec and summary_vec stay in the row (STORAGE MAIN): checking a phrase needs the
word positions, which the GIN index does not hold, and a phrase found in the name or summary is then confirmed
without unpacking all_vec.
"""

from django.db import connection, transaction

from ..query import Group, Phrase
from . import IndexText, quote

TABLE = "search_text"
CREATE = [
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        record_id bigint PRIMARY KEY,
        name_vec tsvector NOT NULL,
        summary_vec tsvector NOT NULL,
        all_vec tsvector NOT NULL
    ) WITH (toast_tuple_target = 1024)""",
    f"ALTER TABLE {TABLE} ALTER COLUMN name_vec SET STORAGE MAIN, ALTER COLUMN summary_vec SET STORAGE MAIN",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_all ON {TABLE} USING gin (all_vec)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_name ON {TABLE} USING gin (name_vec)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_summary ON {TABLE} USING gin (summary_vec)",
]
DROP = [f"DROP TABLE IF EXISTS {TABLE}"]
LAYOUT = [f"ALTER TABLE {TABLE} SET (toast_tuple_target = 1024)", CREATE[1]]
INDEXES = CREATE[2:]
DROP_INDEXES = [f"DROP INDEX IF EXISTS {TABLE}_all", f"DROP INDEX IF EXISTS {TABLE}_name",
                f"DROP INDEX IF EXISTS {TABLE}_summary"]


def phrase(p: Phrase) -> str:
    terms = [quote(t, "'") for t in p.terms]
    if p.prefix:
        terms[-1] += ":*"
    if len(terms) == 1:
        return terms[0]
    return " <-> ".join(terms) if p.adjacent else "( " + " & ".join(terms) + " )"


def group(g: Group) -> str:
    return "( " + " | ".join(phrase(p) for p in g.phrases) + " )"


def expression(include: list[Group], exclude: list[Group]) -> str:
    text = " & ".join(group(g) for g in include)
    if exclude:
        text = f"( {text} ) & !( " + " | ".join(group(g) for g in exclude) + " )"
    return text


def _has_phrase(groups: list[Group]) -> bool:
    return any(p.adjacent and len(p.terms) > 1 for g in groups for p in g.phrases)


def vector(columns: list[list[str | None]]) -> str:
    """A tsvector literal of the given columns laid end to end, one unused position between them."""
    positions: dict[str, list[int]] = {}
    position = 0
    for terms in columns:
        for term in terms:
            position += 1
            if term is not None:
                positions.setdefault(term, []).append(position)
        position += 1
    return " ".join(f"{quote(term, chr(39))}:{','.join(map(str, p))}" for term, p in positions.items())


def rows(texts: list[IndexText]) -> list[tuple]:
    return [(t.record_id, vector([t.name]), vector([t.summary]), vector([t.name, t.summary, t.rest])) for t in texts]


class PostgresBackend:
    vendor = "postgresql"

    def match(self, include: list[Group], exclude: list[Group]) -> list[int]:
        # A sequential scan would unpack every tsvector; the GIN index answers from the index alone.
        if _has_phrase(include) and not exclude:
            # The index finds records with all the words; positions are checked in the small name and summary
            # vectors first, and in all_vec only for records without the phrase there. Same answer, less reading.
            words = expression([g.loose() for g in include], [])
            sql = (f"SELECT record_id FROM {TABLE} WHERE all_vec @@ %s::tsquery AND CASE WHEN name_vec @@ "
                   "%s::tsquery OR summary_vec @@ %s::tsquery THEN true ELSE all_vec @@ %s::tsquery END")
            params = [words] + [expression(include, [])] * 3
        else:
            sql, params = f"SELECT record_id FROM {TABLE} WHERE all_vec @@ %s::tsquery", [expression(include, exclude)]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def field_hits(self, groups: list[Group]) -> list[tuple[int, int, int]]:
        parts, params = [], []
        for i, g in enumerate(groups):
            for weight, column in enumerate(("name_vec", "summary_vec")):
                parts.append(f"SELECT record_id, {i}, {weight} FROM {TABLE} WHERE {column} @@ %s::tsquery")
                params.append(group(g))
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(" UNION ALL ".join(parts), params)
            return cursor.fetchall()

    def write(self, texts: list[IndexText]) -> None:
        if not texts:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (record_id, name_vec, summary_vec, all_vec) "
                "VALUES (%s, %s::tsvector, %s::tsvector, %s::tsvector) ON CONFLICT (record_id) DO UPDATE SET "
                "name_vec = EXCLUDED.name_vec, summary_vec = EXCLUDED.summary_vec, all_vec = EXCLUDED.all_vec",
                rows(texts),
            )

    def delete(self, record_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE record_id = ANY(%s)", [list(record_ids)])

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {TABLE}")

    def drop_orphans(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE record_id NOT IN "
                           "(SELECT record_id FROM search_searchdocument WHERE listed)")

    def bulk_write(self, texts: list[IndexText]) -> None:
        """Adding many new records at once: COPY without the GIN indexes, which are built again afterwards."""
        with connection.cursor() as cursor:
            for sql in DROP_INDEXES:
                cursor.execute(sql)
            with cursor.cursor.copy(f"COPY {TABLE} (record_id, name_vec, summary_vec, all_vec) FROM STDIN") as copy:
                for row in rows(texts):
                    copy.write_row(row)

    def optimise(self) -> None:
        with connection.cursor() as cursor:
            for sql in INDEXES:
                cursor.execute(sql)
            cursor.execute(f"ANALYZE {TABLE}")
