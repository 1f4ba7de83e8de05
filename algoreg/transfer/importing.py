"""Planning an import (the dry run) and carrying it out, all or nothing.

`plan` reads nothing but the database: it works out, for every row, which organisation and record it belongs to,
what the record's content will become, what changes field by field, and what is wrong. `apply` then makes exactly
those changes in one transaction, and only when no row has a problem.

Records are matched by the identifier the file gives them (stored in Record.source_id), so importing the same file
again changes nothing. Into a council, rows become drafts for the council's approver to review. With `publish`
(register admins, from the command line) rows are published at once: files from elsewhere as summaries of records
published elsewhere, this register's own exports as the kind of record they were.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from algoreg.audit.log import log
from algoreg.audit.models import AuditEvent
from algoreg.organisations.models import Organisation
from algoreg.organisations.seeding import match_council
from algoreg.records import workflow
from algoreg.records.models import PUBLIC_ID_ALPHABET, Record, RecordDraft
from algoreg.records.publishing import publish
from algoreg.search.indexing import index_records
from algoreg.standard.cleaning import clean_content
from algoreg.standard.fields import FIELDS
from algoreg.standard.validation import WITHHELD, validate
from algoreg.standard.vocabularies import CURRENT_STANDARD_VERSION

from .mapping import Mapping
from .readers import read
from .sources import Parsed, ParsedRow, Problem, parse

CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"
PUBLIC_ID = re.compile(rf"^[{PUBLIC_ID_ALPHABET}]{{7,12}}$")
INDEX_BATCH = 500
SOURCE_ID_LENGTH = Record._meta.get_field("source_id").max_length


def stored_id(source_id: str) -> str:
    """An identifier short enough to store: a long one keeps its start and gains a hash of the whole."""
    if len(source_id) <= SOURCE_ID_LENGTH:
        return source_id
    digest = hashlib.sha256(source_id.encode()).hexdigest()[:16]
    return f"{source_id[:SOURCE_ID_LENGTH - 17]}~{digest}"


class NotApplicable(Exception):
    """The plan has problems, so nothing may be imported."""


@dataclass
class Target:
    """Where the rows go and how."""

    organisation: Organisation | None = None  # None: each row names its organisation (command line only)
    publish: bool = False  # publish at once instead of making drafts (register admins)
    user: object = None
    request: object = None
    filename: str = "a file"


@dataclass
class Change:
    key: str
    label: str
    what: str  # "added", "changed" or "removed"
    preview: str = ""


@dataclass
class RowPlan:
    row: ParsedRow
    action: str = ERROR
    organisation: Organisation | None = None
    record: Record | None = None
    data: dict = field(default_factory=dict)
    version: str = CURRENT_STANDARD_VERSION
    kind: str = Record.Kind.FULL
    changes: list[Change] = field(default_factory=list)
    still_needed: list[str] = field(default_factory=list)  # labels of what a draft needs before publishing

    @property
    def problems(self) -> list[Problem]:
        return self.row.problems


@dataclass
class Plan:
    parsed: Parsed
    target: Target
    rows: list[RowPlan] = field(default_factory=list)
    new_organisations: list[Organisation] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return self.parsed.problems

    @property
    def ok(self) -> bool:
        return not self.problems and all(r.action != ERROR for r in self.rows)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def problem_count(self) -> int:
        return len(self.problems) + sum(len(r.problems) for r in self.rows)


# --- Planning ------------------------------------------------------------------------------------------------------


class Organisations:
    """Finds the organisation a row names: by slug, by name, or by any name of a UK council."""

    def __init__(self, fixed: Organisation | None, new: dict | None):
        self.fixed, self.new = fixed, new
        self.found: dict[str, Organisation | None] = {}
        self.added: list[Organisation] = []

    def find(self, row: ParsedRow) -> Organisation | None:
        if self.fixed is not None:
            return self.fixed
        ref = row.organisation.strip()
        if not ref:
            row.problem("organisation", "This row does not say which organisation it belongs to. Add the "
                                        "organisation's name, or choose one organisation for the whole file")
            return None
        if ref not in self.found:
            self.found[ref] = self.lookup(ref)
        if self.found[ref] is None:
            row.problem("organisation", f"There is no organisation called “{ref}” in the register")
        return self.found[ref]

    def lookup(self, ref: str) -> Organisation | None:
        organisation = (Organisation.objects.filter(slug=ref).first()
                        or Organisation.objects.filter(name__iexact=ref).first() or match_council(ref))
        if organisation is None and self.new is not None:
            slug = slugify(f"{self.new['slug_prefix']}{ref}")[:200]
            organisation = Organisation.objects.filter(slug=slug).first() or Organisation(
                name=ref[:200], slug=slug, org_type=self.new["org_type"], region=self.new["region"])
            if organisation.pk is None:
                self.added.append(organisation)
        return organisation


def existing_records(rows: list[tuple[ParsedRow, Organisation]]) -> dict[tuple[int, str], Record]:
    """Records of the rows' organisations that rows point at, by (organisation id, identifier). The identifier is
    the one stored when the record was imported, or the register's own record id (a file exported from here)."""
    wanted: dict[int, set[str]] = {}
    for row, organisation in rows:
        if organisation.pk is not None and row.source_id:
            wanted.setdefault(organisation.pk, set()).add(row.source_id)
    found: dict[tuple[int, str], Record] = {}
    for organisation_id, ids in wanted.items():
        ordered = sorted(ids)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start:start + 500]
            records = Record.objects.select_related("draft", "current_version").order_by()
            # Each lookup goes through its unique index (public_id; organisation and source_id, kept only for
            # non-blank identifiers): asked with the organisation alone, SQLite read all of its records instead.
            for record in records.filter(public_id__in=chunk):
                if record.organisation_id == organisation_id:
                    found.setdefault((organisation_id, record.public_id), record)
            for record in records.filter(organisation_id=organisation_id, source_id__in=chunk).exclude(source_id=""):
                found[(organisation_id, record.source_id)] = record
    return found


def current_content(record: Record | None) -> tuple[dict, str | None]:
    if record is None:
        return {}, None
    draft = getattr(record, "draft", None) if _has_draft(record) else None
    if draft is not None:
        return draft.data, draft.standard_version
    if record.current_version is not None:
        return record.current_version.data, record.current_version.standard_version
    return {}, None


def _has_draft(record: Record) -> bool:
    try:
        return record.draft is not None
    except RecordDraft.DoesNotExist:
        return False


def merged(current: dict, row: ParsedRow) -> dict:
    """The content after the import: a whole record replaces what is there; a partial one only its own fields."""
    if row.touched is None:
        return dict(row.data)
    kept = {key: value for key, value in current.items() if key not in row.touched}
    return {**kept, **row.data}


def changes(old: dict, new: dict) -> list[Change]:
    keys = [*FIELDS, WITHHELD]
    keys += sorted(k for k in {*old, *new} if k not in keys)
    result = []
    for key in keys:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        what = "added" if before is None else "removed" if after is None else "changed"
        label = FIELDS[key].label if key in FIELDS else "Reasons fields are withheld" if key == WITHHELD else key
        result.append(Change(key, label, what, preview(key, after)))
    return result


def preview(key: str, value) -> str:
    """A short view of a value as people read it: choices by their labels, withheld fields by their labels."""
    if value is None:
        return ""
    f = FIELDS.get(key)
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return f"{len(value)} {'entry' if len(value) == 1 else 'entries'}"
    if key == WITHHELD and isinstance(value, dict):
        text = "; ".join(f"{FIELDS[k].label if k in FIELDS else k}: {reason}" for k, reason in value.items())
    elif f is not None and f.choices:
        text = "; ".join(f.choice_label(v) for v in (value if isinstance(value, list) else [value]))
    else:
        text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= 120 else text[:117] + "…"


def path_label(path: str) -> str:
    """What a validation path is called on the record's pages: `name` is "Name of the tool", `risks.0.name` is
    "Risk 1: Risk"."""
    key, _, rest = path.partition(".")
    f = FIELDS.get(key)
    if f is None:
        return path
    index, _, sub_key = rest.partition(".")
    sub = next((s for s in f.fields if s.key == sub_key), None)
    if sub is None or not index.isdigit():
        return f.label
    return f"{f.item_name.capitalize()} {int(index) + 1}: {sub.label}"


def still_needed(data: dict, version: str) -> list[str]:
    """The fields a draft must fill in before it can be published, by their labels, in the record's order."""
    labels = [path_label(path) for path in validate(data, version, for_publication=True)]
    return list(dict.fromkeys(labels))


def readable_path(path: str) -> str:
    """validate() counts items from 0 (risks.0.name); files count them from 1 (risks.1.name)."""
    parts = path.split(".")
    if len(parts) == 3 and parts[1].isdigit():
        return f"{parts[0]}.{int(parts[1]) + 1}.{parts[2]}"
    return path


def dry_run(raw: bytes, target: Target, mapping: Mapping | None = None) -> Plan:
    """Read a file and plan its import. Raises readers.Refused when the file cannot be imported at all."""
    return plan(parse(read(raw), mapping), target)


def plan(parsed: Parsed, target: Target) -> Plan:
    """The dry run: what importing these rows would do, and every problem. Writes nothing."""
    result = Plan(parsed, target)
    if not parsed.rows and not parsed.problems:
        parsed.problems.append("The file has a header row but no records under it.")
    organisations = Organisations(target.organisation, parsed.new_organisations if target.organisation is None
                                  else None)
    for row in parsed.rows:
        row.source_id = stored_id(row.source_id)
        row.data = clean_content(row.data)  # tidied as the editor and the API tidy what they are given
    placed = [(row, organisations.find(row)) for row in parsed.rows]
    result.new_organisations = organisations.added
    existing = existing_records([(r, o) for r, o in placed if o is not None])
    seen: dict[tuple[int, str], ParsedRow] = {}
    for row, organisation in placed:
        key = (id(organisation), row.source_id)
        if organisation is not None and row.source_id and key in seen:
            row.problem("identifier", f"{seen[key].label} has the same identifier (“{row.source_id}”). Each "
                                      "record may appear only once in a file")
        seen.setdefault(key, row)
        record = existing.get((organisation.pk, row.source_id)) if organisation and organisation.pk else None
        result.rows.append(plan_row(row, organisation, record, parsed, target))
    return result


def plan_row(row: ParsedRow, organisation, record: Record | None, parsed: Parsed, target: Target) -> RowPlan:
    current, current_version = current_content(record)
    # A version published before text was tidied may differ from its own export only in what tidying removes.
    current = clean_content(current)
    kind = (row.meta.get("kind") or Record.Kind.FULL) if parsed.own else Record.Kind.SUMMARY
    if not target.publish:
        kind = record.kind if record else Record.Kind.FULL
    version = row.version if row.version is not None else (current_version or CURRENT_STANDARD_VERSION)
    if not target.publish or kind == Record.Kind.FULL:
        version = version or CURRENT_STANDARD_VERSION
    data = merged(current, row)
    planned = RowPlan(row, organisation=organisation, record=record, data=data, version=version, kind=kind)
    if not isinstance(data.get("name"), str) or not data.get("name"):
        row.problem("name", "Every record needs the name of the tool")
    # Drafts may be incomplete; published rows are taken as they are (a register admin's import of records
    # published before, perhaps under older rules), so only the values themselves are checked.
    for path, message in validate(data, version, for_publication=False).items():
        if not (path == "name" and any(p.where == "name" for p in row.problems)):
            row.problem(readable_path(path), message)
    if not target.publish:
        planned.still_needed = still_needed(data, version)
    if row.problems or organisation is None:
        planned.action = ERROR
    elif record is None:
        planned.action, planned.changes = CREATE, changes({}, data)
    else:
        planned.changes = changes(current, data)
        same = not planned.changes and version == (current_version or version)
        planned.action = UNCHANGED if same else UPDATE
    return planned


# --- Applying ------------------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    organisations: int = 0
    skipped: int = 0


@transaction.atomic
def apply(planned: Plan, skip_rows_with_problems: bool = False) -> Outcome:
    """Make the planned changes, all or nothing. Raises NotApplicable if the plan has any problem.

    With `skip_rows_with_problems` (the command line's --skip-rows-with-problems) rows with problems are left out
    and counted, and the others imported; a problem with the whole file still stops everything.
    """
    if planned.problems or (not planned.ok and not skip_rows_with_problems):
        raise NotApplicable(f"Nothing was imported: the file has {planned.problem_count:,} problems.")
    outcome = Outcome(unchanged=planned.count(UNCHANGED), skipped=planned.count(ERROR))
    for organisation in planned.new_organisations:
        organisation.save()
        log(AuditEvent.Action.ORGANISATION_CREATED, actor=planned.target.user, organisation=organisation,
            request=planned.target.request, detail=f"Added while importing {planned.target.filename}")
        outcome.organisations += 1
    published: list[Record] = []
    for row in planned.rows:
        if row.action == CREATE:
            made = (publish_new if planned.target.publish else draft_new)(row, planned.target)
            outcome.created += 1
        elif row.action == UPDATE:
            made = (publish_update if planned.target.publish else draft_update)(row, planned.target)
            outcome.updated += 1
        else:
            continue
        if planned.target.publish:
            published.append(made)
    # Published rows join the search index together, in this transaction: searchable exactly when committed.
    for start in range(0, len(published), INDEX_BATCH):
        index_records(published[start:start + INDEX_BATCH])
    return outcome


def _detail(row: RowPlan, target: Target) -> str:
    return f"Imported from {target.filename}, {row.row.label.lower()}"


def draft_new(row: RowPlan, target: Target) -> None:
    record = workflow.create_record(row.organisation, target.user, row.data["name"][:300], target.request)
    Record.objects.filter(pk=record.pk).update(source_id=row.row.source_id)
    RecordDraft.objects.filter(record=record).update(data=row.data, standard_version=row.version)
    log(AuditEvent.Action.DRAFT_SAVED, actor=target.user, record=record, request=target.request,
        detail=_detail(row, target))


def draft_update(row: RowPlan, target: Target) -> None:
    record = row.record
    draft = record.draft if _has_draft(record) else workflow.start_new_draft(record, target.user, target.request)
    RecordDraft.objects.filter(pk=draft.pk).update(
        data=row.data, standard_version=row.version, revision=F("revision") + 1, last_edited_by=target.user,
        last_edited_through=None, state=RecordDraft.State.IN_PROGRESS, updated_at=timezone.now())
    if not record.source_id and row.row.source_id != record.public_id:
        Record.objects.filter(pk=record.pk).update(source_id=row.row.source_id)
    log(AuditEvent.Action.DRAFT_SAVED, actor=target.user, record=record, request=target.request,
        detail=_detail(row, target))


def publish_new(row: RowPlan, target: Target) -> Record:
    meta = row.row.meta
    record = Record(organisation=row.organisation, kind=row.kind, source_url=meta.get("source_url", ""),
                    source_id=row.row.source_id, first_published_at=meta.get("first_published_at"))
    if PUBLIC_ID.match(row.row.source_id) and not Record.objects.filter(public_id=row.row.source_id).exists():
        record.public_id = row.row.source_id  # a record moving between registers keeps its identifier
    record.save()
    note = meta.get("change_note") or f"Imported from {target.filename}."
    publish(record, row.data, row.version, note, meta.get("published_at"), index=False)
    if meta.get("status") == Record.Status.RETIRED:
        record.status = Record.Status.RETIRED
        record.retired_at = meta.get("retired_at") or timezone.now()
        record.retired_reason = meta.get("retired_reason", "")
        record.save(update_fields=["status", "retired_at", "retired_reason"])
    log(AuditEvent.Action.PUBLISHED, actor=target.user, record=record, request=target.request,
        detail=_detail(row, target))
    return record


def publish_update(row: RowPlan, target: Target) -> Record:
    publish(row.record, row.data, row.version, f"Updated from {target.filename}.", index=False)
    log(AuditEvent.Action.PUBLISHED, actor=target.user, record=row.record, request=target.request,
        detail=_detail(row, target))
    return row.record

