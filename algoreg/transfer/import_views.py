"""Importing a spreadsheet in the web interface: upload, check the dry-run report, then apply it all at once.

Members of an organisation import into their own organisation, and every row becomes a draft for its approvers.
The uploaded file is read in memory (or Django's temporary upload file) and kept, compressed, only between the dry
run and "Apply" (PendingImport), for the person who uploaded it.

"Import" locks the upload, plans and applies in one transaction, and marks the upload imported before it commits,
so a second click (even one at the same moment) waits for the first and then finds it done: it gets a page saying
so, never a second import of the same rows.
"""

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from algoreg.accounts.access import membership_in, memberships_for, require_verified
from algoreg.accounts.timeformat import govuk_datetime

from .importing import CREATE, ERROR, UNCHANGED, UPDATE, Target, dry_run
from .importing import apply as apply_plan
from .mapping import MappingError, load_mapping
from .models import PendingImport
from .readers import Refused, size_text

MAPPING_MAX_BYTES = 256 * 1024
SHOWN_ROWS = 300  # rows listed one by one in the report; problems are always all listed


@csrf_exempt  # checked below, after the size: the body is not read at all when it is too large
@require_http_methods(["GET", "POST"])
@require_verified
def start(request):
    memberships = list(memberships_for(request.user))
    if not memberships:
        raise Http404
    if request.method == "POST" and _declared_size(request) > settings.IMPORT_MAX_BYTES + MAPPING_MAX_BYTES:
        errors = {"file": f"The file must be {size_text(settings.IMPORT_MAX_BYTES)} or smaller"}
        return _form(request, memberships, errors, None, status=413)
    return _start(request, memberships)


def _declared_size(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


@csrf_protect
def _start(request, memberships):
    chosen = memberships[0] if len(memberships) == 1 else None
    if request.method != "POST":
        slug = request.GET.get("organisation")
        chosen = chosen or next((m for m in memberships if m.organisation.slug == slug), None)
        return _form(request, memberships, {}, chosen)
    errors: dict[str, str] = {}
    chosen = chosen or next((m for m in memberships if m.organisation.slug == request.POST.get("organisation")),
                            None)
    if chosen is None:
        errors["organisation"] = "Select the organisation to import the records into"
    upload, mapping_upload = request.FILES.get("file"), request.FILES.get("mapping")
    raw = _read_upload(upload, errors)
    mapping_raw, mapping = _read_mapping(mapping_upload, errors)
    if raw is not None and chosen is not None and not errors:
        try:
            dry_run(raw, Target(organisation=chosen.organisation, filename=upload.name), mapping)
        except Refused as refused:
            errors["file"] = str(refused)
    if errors:
        return _form(request, memberships, errors, chosen)
    pending = PendingImport.keep(request.user, chosen.organisation, upload.name, raw, mapping_raw)
    return redirect("imports:report", pending.pk)


def _read_upload(upload, errors: dict) -> bytes | None:
    if upload is None:
        errors["file"] = "Select a file to import"
        return None
    if upload.size > settings.IMPORT_MAX_BYTES:
        errors["file"] = (f"The file is {size_text(upload.size)}. It must be {size_text(settings.IMPORT_MAX_BYTES)} "
                          "or smaller: split it into smaller files")
        return None
    raw = upload.read()
    if not raw.strip():
        errors["file"] = "The selected file is empty"
        return None
    return raw


def _read_mapping(upload, errors: dict):
    if upload is None:
        return None, None
    if upload.size > MAPPING_MAX_BYTES:
        errors["mapping"] = "The mapping file must be 256 KB or smaller"
        return None, None
    raw = upload.read()
    try:
        return raw, load_mapping(raw)
    except MappingError as error:
        errors["mapping"] = "The mapping file has problems: " + " ".join(error.problems)
        return None, None


def _form(request, memberships, errors, chosen, status=200):
    context = {"memberships": memberships, "errors": errors, "chosen": chosen, "section": "manage",
               "max_size": size_text(settings.IMPORT_MAX_BYTES), "max_rows": settings.IMPORT_MAX_ROWS}
    return render(request, "transfer/import_start.html", context, status=status)


def _pending(request, pending_id) -> PendingImport:
    """The person's own upload, still waiting, in an organisation they still belong to; 404 for anything else."""
    pending = PendingImport.live().select_related("organisation").filter(pk=pending_id, user=request.user).first()
    if pending is None or membership_in(request.user, pending.organisation) is None:
        raise Http404
    return pending


def _plan(request, pending: PendingImport):
    mapping_raw = pending.mapping_bytes()
    target = Target(organisation=pending.organisation, user=request.user, request=request,
                    filename=pending.filename)
    try:
        return dry_run(pending.file_bytes(), target, load_mapping(mapping_raw) if mapping_raw else None)
    except (Refused, MappingError):
        raise Http404 from None  # it was readable when uploaded; only a changed setting could make it unreadable


def _report(request, pending: PendingImport, plan):
    problem_rows = [row for row in plan.rows if row.action == ERROR]
    context = {
        "pending": pending, "plan": plan, "section": "manage", "problem_rows": problem_rows,
        "shown_rows": plan.rows[:SHOWN_ROWS], "hidden_rows": max(len(plan.rows) - SHOWN_ROWS, 0),
        "counts": {"create": plan.count(CREATE), "update": plan.count(UPDATE), "unchanged": plan.count(UNCHANGED),
                   "error": plan.count(ERROR)},
        "notes": [(row.row.label, note) for row in plan.rows for note in row.row.notes],
    }
    return render(request, "transfer/import_report.html", context)


def _already_imported(request, pending: PendingImport):
    context = {"pending": pending, "section": "manage", "imported_at": govuk_datetime(pending.imported_at)}
    return render(request, "transfer/import_already_imported.html", context)


@require_GET
@require_verified
def report(request, pending_id):
    pending = _pending(request, pending_id)
    if pending.imported_at is not None:
        return _already_imported(request, pending)
    return _report(request, pending, _plan(request, pending))


def outcome_words(outcome) -> str:
    return (f"{outcome.created:,} new draft{'s' if outcome.created != 1 else ''}, {outcome.updated:,} updated, "
            f"{outcome.unchanged:,} unchanged.")


@require_POST
@require_verified
def apply(request, pending_id):
    pending = _pending(request, pending_id)
    with transaction.atomic():
        # A second click waits here until the first one's transaction ends, then sees the upload marked imported.
        pending = PendingImport.objects.select_for_update().filter(pk=pending.pk).first()
        if pending is None:
            raise Http404  # it expired and was removed a moment ago
        if pending.imported_at is not None:
            return _already_imported(request, pending)
        plan = _plan(request, pending)
        if not plan.ok:
            return _report(request, pending, plan)
        pending.mark_imported(outcome_words(apply_plan(plan)))
    messages.success(request, f"Imported into {pending.organisation.name}: {pending.outcome} An approver must "
                              "review each draft before it is published.")
    return redirect("editor:dashboard")
