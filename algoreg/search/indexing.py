"""Keeping the index in step with the register. Every change runs inside the caller's transaction, so a record is
searchable (or gone from search) exactly when the publication, retirement or withdrawal is committed."""

import secrets
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime

from django.db import connection, transaction

from algoreg.records.models import Record, RecordVersion

from .analysis import stem, words
from .backends import IndexText, get_backend
from .documents import Document, document_for, passages
from .models import SearchDocument, SearchLog, SearchWord

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
LOCK_KEY = 7_304_211  # any fixed number: PostgreSQL's advisory lock that puts index changes in a queue
KEEP_LOG = 1_000
VOCABULARY_WORD = (3, 30)  # lengths of words worth suggesting


def new_generation() -> int:
    """Record that the index is changing and return the new generation number. Call inside a transaction."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
    last = SearchLog.objects.order_by("-generation").values_list("generation", flat=True).first() or 0
    generation = last + 1
    SearchLog.objects.create(generation=generation, token=secrets.token_hex(16))
    if generation % 100 == 0:
        SearchLog.objects.filter(generation__lte=generation - KEEP_LOG).delete()
    return generation


def index_text(doc: Document) -> IndexText:
    terms = [[t for p in part for t in _terms(p.text)] for part in doc.weights]
    return IndexText.from_terms(doc.record_id, *terms)


def _terms(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def facet_text(doc: Document) -> str:
    return " ".join(f"{key}={value}" for key, values in doc.facets.items() for value in values)


def vocabulary(doc: Document) -> set[str]:
    low, high = VOCABULARY_WORD
    found = {w.removesuffix("'s") for part in doc.weights for p in part for w in words(p.text)}
    return {w for w in found if low <= len(w) <= high and w.isalpha()}


def search_document(doc: Document, generation: int) -> SearchDocument:
    return SearchDocument(record_id=doc.record_id, version_id=doc.version_id, listed=doc.listed,
                          generation=generation, published=_micros(doc.published_at), sort_name=doc.sort_name[:300],
                          facets=facet_text(doc))


def _micros(moment) -> int:
    if moment is None:
        return 0
    delta = moment - EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


@transaction.atomic
def index_records(records: Iterable[Record]) -> None:
    """Bring the index up to date for these records (published, retired, withdrawn or never published)."""
    docs = [document_for(r) for r in records]
    if not docs:
        return
    generation = new_generation()
    ids = [d.record_id for d in docs]
    before = dict(SearchDocument.objects.filter(record_id__in=ids, listed=True).values_list("record_id", "version_id"))
    backend = get_backend()
    backend.delete([d.record_id for d in docs if not d.listed])
    backend.write([index_text(d) for d in docs if d.listed])
    SearchDocument.objects.bulk_create(
        [search_document(d, generation) for d in docs], update_conflicts=True, unique_fields=["record"],
        update_fields=["version", "listed", "generation", "published", "sort_name", "facets"],
    )
    change = Counter()
    for doc in docs:
        old = _old_vocabulary(doc.record_id, before.get(doc.record_id))
        new = vocabulary(doc) if doc.listed else set()
        change.update(dict.fromkeys(new - old, 1))
        change.subtract(dict.fromkeys(old - new, 1))
    add_to_vocabulary(change, generation)


def _old_vocabulary(record_id: int, version_id: int | None) -> set[str]:
    if version_id is None:
        return set()
    version = RecordVersion.objects.select_related("record__organisation").filter(pk=version_id).first()
    if version is None:
        return set()
    name, summary, rest = passages(version.data, version.standard_version, version.record.organisation.name)
    return vocabulary(Document(record_id, version_id, True, name, summary, rest))


def add_to_vocabulary(change: Counter, generation: int) -> None:
    change = {w: n for w, n in change.items() if n}
    if not change:
        return
    current: dict[str, int] = {}
    words_list = list(change)
    for start in range(0, len(words_list), 500):
        chunk = words_list[start:start + 500]
        current.update(SearchWord.objects.filter(word__in=chunk).values_list("word", "records"))
    rows = [SearchWord(word=w, stem=stem(w), records=max(0, current.get(w, 0) + n), generation=generation)
            for w, n in change.items()]
    SearchWord.objects.bulk_create(rows, batch_size=1000, update_conflicts=True, unique_fields=["word"],
                                   update_fields=["records", "generation"])


@transaction.atomic
def index_in_bulk(records: Iterable[tuple[Record, RecordVersion]], batch: int = 2_000) -> int:
    """Add many records that have no search document yet (a rebuild, or generated records), in large batches.

    Each record's organisation must be loaded (select_related) and its current version given alongside it.
    """
    generation = new_generation()
    backend = get_backend()
    words = Counter()
    docs_batch: list[SearchDocument] = []
    texts: list[IndexText] = []
    count = 0
    for record, version in records:
        doc = document_for(record, version)
        docs_batch.append(search_document(doc, generation))
        if doc.listed:
            texts.append(index_text(doc))
            words.update(vocabulary(doc))
        count += 1
        if len(docs_batch) >= batch:
            _flush_bulk(backend, docs_batch, texts)
    _flush_bulk(backend, docs_batch, texts)
    backend.optimise()
    add_to_vocabulary(words, generation)
    return count


def _flush_bulk(backend, docs_batch: list, texts: list) -> None:
    SearchDocument.objects.bulk_create(docs_batch, batch_size=1000)
    backend.bulk_write(texts)
    docs_batch.clear()
    texts.clear()


@transaction.atomic
def rebuild() -> int:
    """Empty the index and build it again from every record."""
    backend = get_backend()
    backend.clear()
    SearchDocument.objects.all().delete()
    SearchWord.objects.all().delete()
    records = Record.objects.select_related("organisation", "current_version").order_by("pk")
    return index_in_bulk((r, r.current_version) for r in records.iterator(chunk_size=2000))


def after_migrate(sender=None, **kwargs) -> None:
    """After `migrate` (and after `flush`, which empties the model tables and then sends post_migrate):
    - remove text whose search document has gone: the text tables are not models, so `flush` leaves them;
    - index the published records if there are some and the index is empty (a register that had records before
      search existed, or a restored database)."""
    if "search_text" not in connection.introspection.table_names():
        return
    get_backend().drop_orphans()
    listed = Record.objects.listed()
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM search_text")
        has_text = cursor.fetchone()[0] > 0
    if listed.exists() and not (has_text and SearchDocument.objects.exists()):
        rebuild()
