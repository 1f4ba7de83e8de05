"""The council side: the dashboard, writing a record section by section, review and publishing."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from algoreg.accounts.access import memberships_for, require_verified
from algoreg.accounts.models import Membership
from algoreg.standard.cleaning import clean_text
from algoreg.standard.fields import FIELDS, SECTIONS_BY_KEY
from algoreg.standard.validation import value_error

from . import workflow
from .access import get_draft, get_record_for_member
from .display import present
from .forms import SectionForm
from .models import Record, RecordDraft, RecordVersion
from .progress import record_progress

DASHBOARD_ROWS = 25


@dataclass
class OrganisationRecords:
    """One organisation's part of the dashboard: a page of its records and what each needs."""

    membership: Membership
    page: Page
    rows: list
    waiting: int  # drafts waiting for an approver, in the whole organisation
    params: QueryDict  # the dashboard's address for this organisation, for the page links


@require_GET
@require_verified
def dashboard(request):
    """Each organisation's records, DASHBOARD_ROWS at a time, or only those waiting for review (?show=waiting: the
    approvers' queue). A page link shows that one organisation (?organisation=<slug>)."""
    memberships = list(memberships_for(request.user))
    chosen = request.GET.get("organisation")
    if chosen:
        memberships = [m for m in memberships if m.organisation.slug == chosen]
        if not memberships:
            raise Http404
    waiting_only = request.GET.get("show") == "waiting"
    organisations = [organisation_records(request, m, waiting_only, paged=bool(chosen)) for m in memberships]
    context = {"organisations": organisations, "waiting_only": waiting_only, "chosen": chosen, "section": "manage"}
    return render(request, "editor/dashboard.html", context)


def organisation_records(request, membership: Membership, waiting_only: bool, paged: bool) -> OrganisationRecords:
    """Only the page shown is loaded and checked: checking every record of an organisation with 5,000 took 15
    seconds."""
    records = Record.objects.filter(organisation=membership.organisation)
    waiting = records.filter(draft__state=RecordDraft.State.SUBMITTED)
    # The page is chosen from ids alone, then only its records are loaded with their drafts and versions: sorting
    # and skipping whole rows with their content took SQLite a second for page 100 of 5,000 records.
    ids = (waiting if waiting_only else records).order_by("name", "pk").values_list("pk", flat=True)
    page = Paginator(ids, DASHBOARD_ROWS).get_page(request.GET.get("page") if paged else 1)
    found = records.select_related("draft", "current_version", "organisation").in_bulk(list(page))
    params = request.GET.copy()
    params["organisation"] = membership.organisation.slug
    rows = [record_progress(found[pk], membership) for pk in page if pk in found]
    return OrganisationRecords(membership, page, rows, page.paginator.count if waiting_only else waiting.count(),
                               params)


@require_http_methods(["GET", "POST"])
@require_verified
def new_record(request):
    memberships = list(memberships_for(request.user))
    if not memberships:
        raise Http404
    based_on = _copy_source(request)
    errors, name = {}, clean_text(request.POST.get("name", ""), multiline=False)
    membership = _chosen_membership(request, memberships)
    if request.method == "POST":
        if not name:
            errors["name"] = "Enter the name of the tool"
        elif problem := value_error(FIELDS["name"], name):
            errors["name"] = problem
        if membership is None:
            errors["organisation"] = "Select the organisation the record belongs to"
        if not errors:
            record = workflow.create_record(membership.organisation, request.user, name, request, based_on)
            return redirect("editor:record", record.public_id)
    context = {"memberships": memberships, "errors": errors, "name": name, "based_on": based_on,
               "chosen": membership, "section": "manage"}
    return render(request, "editor/new.html", context)


def _copy_source(request) -> RecordVersion | None:
    """The published record a new record starts from, when the person chose 'use as a starting point'."""
    source = request.GET.get("from") or request.POST.get("from")
    if not source:
        return None
    record = get_object_or_404(Record.objects.listed().filter(kind=Record.Kind.FULL), public_id=source)
    return record.current_version


def _chosen_membership(request, memberships: list[Membership]) -> Membership | None:
    if len(memberships) == 1:
        return memberships[0]
    slug = request.POST.get("organisation") or request.GET.get("organisation")
    return next((m for m in memberships if m.organisation.slug == slug), None)


@require_GET
@require_verified
def record_overview(request, public_id: str):
    record, membership = get_record_for_member(request, public_id)
    progress = record_progress(record, membership)
    context = {"record": record, "membership": membership, "progress": progress, "section": "manage"}
    return render(request, "editor/record.html", context)


@require_http_methods(["GET", "POST"])
@require_verified
def edit_section(request, public_id: str, section_key: str):
    record, membership = get_record_for_member(request, public_id)
    draft = get_draft(record)
    section = SECTIONS_BY_KEY.get(section_key)
    if section is None or not _has_fields(section, draft):
        raise Http404
    conflict = None
    if request.method == "POST":
        form = SectionForm(section, draft.standard_version, draft.data, request.POST)
        action = request.POST.get("action", "save")
        focus = form.apply(action) if action != "save" else None
        if not form.errors:
            revision = _int(request.POST.get("revision"))
            completed = request.POST.get("completed") == "yes"
            saved = workflow.save_section(draft, section_key, form.updates(), form.withheld, completed, revision,
                                          request.user, request)
            draft.refresh_from_db()
            if not saved:
                conflict = _conflicting_values(section, draft, form)
            elif action == "save":
                messages.success(request, f"{section.title}: saved.")
                return redirect("editor:record", public_id)
            elif not action.startswith("add:"):
                return redirect(reverse("editor:section", args=[public_id, section_key]) + f"#{focus or ''}")
            # After "add", the new empty entry lives only in this form until something is typed into it.
    else:
        form = SectionForm(section, draft.standard_version, draft.data)
    context = {"record": record, "draft": draft, "form": form, "section_def": section, "conflict": conflict,
               "completed": section_key in draft.completed_sections, "section": "manage"}
    return render(request, "editor/section.html", context)


def _has_fields(section, draft: RecordDraft) -> bool:
    return any(f.applies_to(draft.standard_version) for f in section.fields)


def _conflicting_values(section, draft: RecordDraft, form: SectionForm) -> list:
    """Fields where the saved draft now differs from what this editor typed, shown beside their text."""
    saved = SectionForm(section, draft.standard_version, draft.data)
    theirs = {i.name: i for i in saved.inputs()}
    return [(mine, theirs[mine.name]) for mine in form.inputs() if theirs[mine.name].value != mine.value]


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


@require_GET
@require_verified
def preview(request, public_id: str):
    record, _ = get_record_for_member(request, public_id)
    draft = get_draft(record)
    version = RecordVersion(record=record, data=draft.data, standard_version=draft.standard_version,
                            number=(record.current_version.number + 1) if record.current_version else 1,
                            published_at=timezone.now(), change_note="")
    context = {"record": record, "version": version, "view": present(record, version), "preview": True,
               "section": "manage"}
    return render(request, "records/detail.html", context)


def _says_when_already_published(view):
    """A workflow page reached after the draft was published (a second click, or another approver was quicker)
    says so, with a link to the published record, instead of 'Page not found'."""

    @wraps(view)
    def answer(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except workflow.AlreadyPublished as done:
            record = Record.objects.select_related("organisation", "current_version__published_by").get(
                pk=done.record.pk)
            return render(request, "editor/already_published.html",
                          {"record": record, "version": record.current_version, "section": "manage"})

    return answer


def _draft_to_act_on(record: Record) -> RecordDraft:
    """The record's draft; AlreadyPublished if it has none because it has been published since the page was read."""
    draft = RecordDraft.objects.filter(record=record).first()
    if draft is None:
        if Record.objects.filter(pk=record.pk, current_version__isnull=False).exists():
            raise workflow.AlreadyPublished(record)
        raise Http404
    return draft


@require_POST
@require_verified
@_says_when_already_published
def submit(request, public_id: str):
    record, _ = get_record_for_member(request, public_id)
    draft = _draft_to_act_on(record)
    return _act(request, record, lambda: workflow.submit(draft, request.user, request),
                "Submitted for review. The approvers have been told by email.")


@require_POST
@require_verified
def new_draft(request, public_id: str):
    record, _ = get_record_for_member(request, public_id)
    if not record.is_listed:
        raise Http404
    workflow.start_new_draft(record, request.user, request)
    return redirect("editor:record", public_id)


@dataclass(frozen=True)
class ReasonedAction:
    """A workflow action that asks for one piece of text (a reason, a comment or a change note) and then acts."""

    title: str  # the page heading; its first word is the button
    hint: str
    missing: str  # the error when no text is given
    act: Callable  # the workflow function, called with (draft or record, user, text, request)
    done: str  # the message after acting
    on_draft: bool  # acts on the record's draft rather than on the record
    blocker: Callable | None = None  # (draft, user) -> why the action cannot be taken, or None
    first_text: str = ""  # the text offered when the record has never been published


REASONED_ACTIONS = {
    "send_back": ReasonedAction(
        "Send back to the editor",
        "Say what needs to change. The editor sees your comments on the record and by email.",
        "Enter your comments for the editor", workflow.send_back, "Sent back to the editor.", on_draft=True),
    "publish": ReasonedAction(
        "Publish this record", "Describe what changed, in a sentence. It appears in the record's public history.",
        "Enter a short note about what changed", workflow.publish_draft, "Published. The record is now public.",
        on_draft=True, blocker=workflow.publish_blocker, first_text="First publication."),
    "retire": ReasonedAction(
        "Retire this record",
        "Retiring says the tool is no longer used. The record stays public and is marked retired. Say why.",
        "Enter the reason the tool was retired", workflow.retire, "Retired. The record is marked retired.",
        on_draft=False),
    "withdraw": ReasonedAction(
        "Withdraw this record",
        "Withdrawing removes the record from lists and search. Its page will say it was withdrawn, when and why, "
        "and its content is no longer shown; every published version is still kept. "
        "Give the reason the public will see.",
        "Enter the reason the record was withdrawn", workflow.withdraw, "Withdrawn.", on_draft=False),
}


@require_http_methods(["GET", "POST"])
@require_verified
@_says_when_already_published
def reasoned_action(request, public_id: str, name: str):
    """The page for one of REASONED_ACTIONS (the URL names it): approvers only."""
    action = REASONED_ACTIONS[name]
    record, _ = get_record_for_member(request, public_id, approver=True)
    subject = _draft_to_act_on(record) if action.on_draft else record
    if action.blocker and (blocker := action.blocker(subject, request.user)):
        messages.error(request, blocker)
        return redirect("editor:record", public_id)
    initial = action.first_text if record.current_version is None else ""
    text, error = clean_text(request.POST.get("text", initial)), ""
    if request.method == "POST":
        if not text:
            error = action.missing
        elif len(text) > 5000:
            error = "Keep it to 5,000 characters or fewer"
        else:
            return _act(request, record, lambda: action.act(subject, request.user, text, request), action.done)
    context = {"record": record, "title": action.title, "hint": action.hint, "text": text, "error": error,
               "action_url": reverse(f"editor:{name}", args=[record.public_id]),
               "button": action.title.split(" ")[0], "section": "manage"}
    return render(request, "editor/reasoned_action.html", context)


def _act(request, record, act, done: str):
    try:
        act()
    except workflow.WorkflowError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, done)
    return redirect("editor:record", record.public_id)

