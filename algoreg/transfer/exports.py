"""Exports of published records: CSV in the register's own layout, CSV in the ATRS 4.0 layout, JSON, XLSX, and a CSV
of every published version. See docs/exports-and-imports.md for the layouts.

Everything streams: records are read in batches by primary key (keyset pagination), so memory stays flat however many
records there are. The column layout is decided before the first row from the shape each record keeps (how many items
its lists hold, which fields it withholds): one query for the few different shapes among the exported records.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from django.conf import settings
from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse

from algoreg.records.models import Record, RecordVersion
from algoreg.records.public_content import absolute, public_content
from algoreg.standard.vocabularies import ORGANISATION_TYPES, govuk_label

from .cells import csv_text, xlsx_text
from .layout import (
    ATRS_META_COLUMNS,
    EXTRA_VERSION_COLUMN,
    META_COLUMNS,
    Shape,
    atrs_cells,
    atrs_columns,
    extra_columns,
    group_fields,
    own_cells,
    own_columns,
    section_columns,
    withholdable_fields,
)
from .xlsx import StreamingWorkbook

LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
BATCH = 500
FIRST_BATCH = 20
CHUNK_CHARS = 64 * 1024


# --- What is exported ----------------------------------------------------------------------------------------------


def downloadable_records(organisation=None, public_id: str | None = None) -> QuerySet[Record]:
    """Records the public can see in lists: published or retired, with a published version. Asked for in the form
    that lets SQLite read the whole register in primary key order (see RecordQuerySet.listed_in_full)."""
    records = Record.objects.listed_in_full()
    if organisation is not None:
        records = records.filter(organisation=organisation)
    if public_id is not None:
        records = records.filter(public_id=public_id)
    return records


def batches(queryset: QuerySet, size: int = BATCH, first: int = FIRST_BATCH) -> Iterator[list]:
    """The rows of the queryset in primary key order, as lists of `size`, never holding more than one. The first
    list is shorter, so that a download starts without waiting for a whole batch to be read."""
    last, limit = None, first
    while True:
        page = queryset.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        batch = list(page[:limit])
        if batch:
            yield batch
        if len(batch) < limit:
            return
        last, limit = batch[-1].pk, size


def in_batches(queryset: QuerySet, size: int = BATCH) -> Iterator:
    """Every row of the queryset in primary key order, read in batches (see batches)."""
    for batch in batches(queryset, size):
        yield from batch


def shape_of(records: QuerySet[Record], column: str) -> Shape:
    """The most items of each group, and the withheld fields, across the records, from the shape each record keeps
    in `column`: content_shape for its current version, history_shape for all its published versions."""
    # "Published or retired" again, as well as "not unlisted" (listed_in_full), so that both databases read the
    # index on status and shape alone instead of the table.
    listed = records.filter(status__in=Record.LISTED_STATUSES).order_by()
    found = Shape.from_keys(listed.values_list(column, flat=True).distinct())
    groups, withholdable = {g.key for g in group_fields()}, {f.key for f in withholdable_fields()}
    return Shape(items={key: n for key, n in found.items.items() if key in groups},
                 withheld=found.withheld & withholdable)


# --- Metadata ------------------------------------------------------------------------------------------------------


def timestamp(value: datetime | None) -> str:
    return value.astimezone(UTC).isoformat() if value else ""


def meta_cells(record: Record, version: RecordVersion) -> list[str]:
    organisation = record.organisation
    values = {
        "id": record.public_id,
        "url": absolute(record.get_absolute_url()),
        "organisation": organisation.name,
        "organisation_slug": organisation.slug,
        "organisation_type": organisation.org_type,
        "kind": record.kind,
        "status": record.status,
        "standard_version": version.standard_version,
        "version": str(version.number),
        "published_at": timestamp(version.published_at),
        "first_published_at": timestamp(record.first_published_at),
        "change_note": version.change_note,
        "source_url": record.source_url,
        "retired_at": timestamp(record.retired_at),
        "retired_reason": record.retired_reason,
    }
    return [values[column] for column in META_COLUMNS]


def record_json(record: Record, version: RecordVersion) -> dict:
    organisation = record.organisation
    return {
        "id": record.public_id,
        "url": absolute(record.get_absolute_url()),
        "kind": record.kind,
        "status": record.status,
        "source_url": record.source_url,
        "first_published_at": timestamp(record.first_published_at),
        "retired_at": timestamp(record.retired_at) or None,
        "retired_reason": record.retired_reason,
        "organisation": {
            "name": organisation.name,
            "slug": organisation.slug,
            "type": organisation.org_type,
            "council_type": organisation.council_type,
            "region": organisation.region,
            "gss_code": organisation.gss_code,
            "url": organisation_url(organisation),
        },
        "version": {
            "number": version.number,
            "standard_version": version.standard_version,
            "published_at": timestamp(version.published_at),
            "change_note": version.change_note,
        },
        "data": public_content(version.data),
    }


def organisation_url(organisation) -> str:
    try:
        return absolute(reverse("organisations:detail", args=[organisation.slug]))
    except NoReverseMatch:  # a slug the organisation pages cannot show (such as one with a full stop)
        return ""


def about(generated_at: datetime) -> dict:
    return {
        "title": f"{settings.SITE_NAME}: published records",
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL, "page": absolute(reverse("licence"))},
        "generated_at": timestamp(generated_at),
        "source": absolute("/"),
        "attribution": f"Contains public sector information from the {settings.SITE_NAME}, licensed under the "
                       f"{LICENCE_NAME}.",
    }


# --- Rows ----------------------------------------------------------------------------------------------------------


def with_versions(records: QuerySet[Record]) -> Iterator[tuple[Record, RecordVersion]]:
    for record in in_batches(records.select_related("organisation", "current_version")):
        yield record, record.current_version


def own_rows(records: QuerySet[Record]) -> Iterator[list[str]]:
    """Header, then one row per record, in the register's own layout."""
    columns = own_columns(shape_of(records, "content_shape"))
    yield [*META_COLUMNS, *(name for name, _ in columns)]
    for record, version in with_versions(records):
        yield meta_cells(record, version) + own_cells(version.data, columns)


def atrs_rows(records: QuerySet[Record]) -> Iterator[list[str]]:
    """Header, then one row per record, keyed as in the ATRS 4.0 template, then the register's extra columns."""
    shape = shape_of(records, "content_shape")
    columns, extras = atrs_columns(shape), extra_columns(shape)
    yield [*ATRS_META_COLUMNS, *(name for name, _ in columns), EXTRA_VERSION_COLUMN, *(name for name, _ in extras)]
    for record, version in with_versions(records):
        organisation = record.organisation
        meta = [record.public_id, organisation.name, govuk_label(ORGANISATION_TYPES, organisation.org_type)]
        yield [*meta, *atrs_cells(version.data, columns), version.standard_version, *own_cells(version.data, extras)]


def history_rows(records: QuerySet[Record]) -> Iterator[list[str]]:
    """Header, then one row per published version of every record, oldest first within each record."""
    columns = own_columns(shape_of(records, "history_shape"))
    yield [*META_COLUMNS, *(name for name, _ in columns)]
    for batch in batches(records.select_related("organisation")):
        # One query for the versions of a whole batch of records (one per record kept a download of the first
        # records waiting for twenty queries).
        by_id = {record.pk: record for record in batch}
        versions = RecordVersion.objects.filter(record_id__in=by_id).order_by("record_id", "number")
        for version in versions.iterator(chunk_size=200):
            record = by_id[version.record_id]
            yield meta_cells(record, version) + own_cells(version.data, columns)


# --- Writers -------------------------------------------------------------------------------------------------------


def csv_chunks(rows: Iterable[list[str]]) -> Iterator[str]:
    """CSV text in chunks of about 64 KB: UTF-8 with a byte order mark (so Excel reads it as UTF-8), RFC 4180
    quoting, and every cell escaped against formulas and tidied of control characters and unclosed bidirectional
    formatting (cells.csv_text)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    for row in rows:
        writer.writerow([csv_text(cell) for cell in row])
        if buffer.tell() > CHUNK_CHARS:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_chunks(records: QuerySet[Record], generated_at: datetime) -> Iterator[str]:
    """One JSON document: the licence and generation time, then "records", written one record at a time."""
    head = json.dumps(about(generated_at), ensure_ascii=False, indent=1)
    yield head[:-2] + ',\n "records": ['
    parts, size, first = [], 0, True
    for record, version in with_versions(records):
        text = ("\n  " if first else ",\n  ") + json.dumps(record_json(record, version), ensure_ascii=False)
        first = False
        parts.append(text)
        size += len(text)
        if size > CHUNK_CHARS:
            yield "".join(parts)
            parts, size = [], 0
    yield "".join(parts) + "\n ]\n}\n"


def xlsx_chunks(records: QuerySet[Record], generated_at: datetime) -> Iterator[bytes]:
    """An XLSX workbook, as a stream of bytes: a README sheet, a Records sheet of metadata, then one sheet per
    section of the record, every sheet one row per record with the record's id first. The first bytes go out before
    the first record is read (see xlsx.StreamingWorkbook)."""
    sections = section_columns(shape_of(records, "content_shape"))
    book = StreamingWorkbook(["README", "Records", *(name for name, _, _ in sections)], live="Records")
    try:
        yield book.start()
        book.append("Records", list(META_COLUMNS))
        for sheet_name, _, columns in sections:
            book.append(sheet_name, ["id", *(name for name, _ in columns)])
        count = 0
        for record, version in with_versions(records):
            count += 1
            book.append("Records", [xlsx_text(cell) for cell in meta_cells(record, version)])
            for sheet_name, _, columns in sections:
                book.append(sheet_name, [record.public_id, *(xlsx_cell(t, cell) for (_, t), cell in
                                                             zip(columns, own_cells(version.data, columns),
                                                                 strict=True))])
            yield from book.chunks()
        for row in readme_rows(generated_at, count, sections):
            book.append("README", [xlsx_text(cell) for cell in row])
        yield from book.finish()
    finally:
        book.close()


def write_xlsx(records: QuerySet[Record], generated_at: datetime, target) -> None:
    """The XLSX workbook of xlsx_chunks, written to a file."""
    for chunk in xlsx_chunks(records, generated_at):
        target.write(chunk)


def xlsx_cell(target, text: str):
    """Whole numbers stay numbers; everything else is escaped text."""
    if text and target.field.type == "number" and not target.withheld and text.isdigit():
        return int(text)
    return xlsx_text(text)


def readme_rows(generated_at: datetime, count: int, sections) -> list[list[str]]:
    rows = [
        [f"{settings.SITE_NAME}: published records"],
        [],
        ["Licence", LICENCE_NAME, LICENCE_URL],
        ["Attribution", about(generated_at)["attribution"]],
        ["Generated", timestamp(generated_at)],
        ["Source", absolute("/")],
        ["Records", str(count)],
        [],
        ["How to read this file"],
        ["The Records sheet has one row per record: its id, organisation, status and published version. Each "
         "other sheet is one section of the record, with one row per record in the same order, joined by id."],
        ["Repeatable entries are numbered: risks.1.name is the name of the first risk. A withheld.<field> column "
         "gives the reason a field is not published. Several choices in one cell are separated by '; '."],
        ["A cell that would start with = + - @ or an apostrophe has an extra apostrophe in front, so that a "
         "spreadsheet never runs it as a formula."],
        [],
        ["Sheet", "Column", "What it holds"],
    ]
    for sheet_name, _title, columns in sections:
        rows += [[sheet_name, name, column_label(target)] for name, target in columns]
    return rows


def column_label(target) -> str:
    if target.withheld:
        return f"Why “{target.field.label}” is not published"
    if target.group:
        return f"{target.group.item_name.capitalize()} {target.index}: {target.field.label}"
    return target.field.label
