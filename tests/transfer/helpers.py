"""Exporting and importing in tests without going through HTTP."""

import io
from datetime import UTC, datetime

from openpyxl import load_workbook

from algoreg.records.models import Record
from algoreg.records.publishing import publish
from algoreg.transfer import exports

GENERATED_AT = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def publish_records(organisation, specs: list[dict]) -> list[Record]:
    """Publish records described as tests/transfer/strategies.records describes them."""
    made = []
    for spec in specs:
        record = Record.objects.create(organisation=organisation, kind=spec.get("kind", "full"),
                                       source_url=spec.get("source_url", ""))
        publish(record, spec["data"], spec.get("version", "4.0"), spec.get("change_note", "First published."),
                spec.get("published_at"))
        made.append(record)
    return made


def export(fmt: str, organisation=None, public_id=None) -> bytes:
    records = exports.downloadable_records(organisation, public_id)
    if fmt == "csv":
        return "".join(exports.csv_chunks(exports.own_rows(records))).encode()
    if fmt == "atrs":
        return "".join(exports.csv_chunks(exports.atrs_rows(records))).encode()
    if fmt == "history":
        return "".join(exports.csv_chunks(exports.history_rows(records))).encode()
    if fmt == "json":
        return "".join(exports.json_chunks(records, GENERATED_AT)).encode()
    buffer = io.BytesIO()
    exports.write_xlsx(records, GENERATED_AT, buffer)
    return buffer.getvalue()


def xlsx_sheets(raw: bytes) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(raw), read_only=True)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}
    finally:
        book.close()


def import_file(raw: bytes, organisation=None, publish_rows=False, mapping=None, user=None, filename="file"):
    """Plan and, when the plan has no problems, apply an import; returns the plan."""
    from algoreg.transfer.importing import Target, apply, dry_run

    plan = dry_run(raw, Target(organisation=organisation, publish=publish_rows, user=user, filename=filename),
                   mapping)
    if plan.ok:
        apply(plan)
    return plan
