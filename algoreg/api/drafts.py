"""The council half of the API: an organisation's drafts, for its tokens only.

A token can list, read, create and change its own organisation's drafts and submit them for review, as its scopes
allow. It cannot publish: publishing stays an approver's action in the register's web pages. A draft of another
organisation does not exist as far as a token is concerned (404).
"""

from typing import Annotated, Literal, Union

from django.db import transaction
from django.db.models import F
from django.http import JsonResponse
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from pydantic import BaseModel, create_model

from algoreg.audit.log import log
from algoreg.audit.models import AuditEvent
from algoreg.records import workflow
from algoreg.records.models import RecordDraft
from algoreg.records.token_changes import api_submission_blocker
from algoreg.standard.cleaning import clean_text, clean_value
from algoreg.standard.fields import FIELDS
from algoreg.standard.validation import WITHHELD, is_empty, missing_message, validate
from algoreg.standard.vocabularies import CURRENT_STANDARD_VERSION, STANDARD_VERSIONS

from . import cursors, serialise
from .content import STRICT, content_in, whole_number
from .errors import ApiError, Errors, StaleRevision, not_found, problem
from .models import ApiToken
from .schemas import Draft, DraftList
from .tokens import START

router = Router(tags=["Your organisation's drafts"])
TOKEN_ERRORS = {401: Errors, 403: Errors, 404: Errors, 422: Errors, 429: Errors}
WRITE_ERRORS = {400: Errors, **TOKEN_ERRORS}
Revision = whole_number(1, "The `revision` of the draft as you last read it.")


def _changes_model(version: str) -> type[BaseModel]:
    return create_model(
        "DraftChangesV" + version.replace(".", ""), __config__=STRICT,
        standard_version=(Literal[version], Field(description="The draft's version of the standard.")),
        revision=(Revision, ...),
        content=(content_in(version), Field(description="The fields to change, and only those.")),
    )


DraftChanges = Annotated[
    Union[tuple(_changes_model(v) for v in STANDARD_VERSIONS)],  # noqa: UP007 (built at run time)
    Field(discriminator="standard_version"),
]
NewDraft = create_model("NewDraft", __config__=STRICT,
                        content=(content_in(CURRENT_STANDARD_VERSION, creating=True), ...))


class Submission(BaseModel):
    model_config = STRICT
    revision: Revision


class DraftFilters(Schema):
    cursor: str = cursors.DRAFTS.field()
    limit: int = Field(50, ge=1, le=200, description="Drafts per page, 1 to 200.")


# --- Who may do what -------------------------------------------------------------------------------------------

SCOPES = {
    "read": ("can_read", "This token cannot read drafts. An organisation admin can make a token that can."),
    "write": ("write_drafts", "This token cannot create or change drafts. An organisation admin can make a token "
                              "that can."),
    "submit": ("submit_drafts", "This token cannot submit drafts for review. An organisation admin can make a "
                                "token that can."),
}


def _token(request, scope: str) -> ApiToken:
    token: ApiToken = request.auth
    attribute, refusal = SCOPES[scope]
    if not getattr(token, attribute):
        raise ApiError.one(403, refusal, "Authorization", "header")
    return token


def _draft(token: ApiToken, public_id: str, lock: bool = False) -> RecordDraft:
    drafts = RecordDraft.objects.select_related("record__organisation")
    if lock:
        drafts = drafts.select_for_update(of=("self",))
    public_id = public_id.replace("\x00", "")  # PostgreSQL refuses NUL even in a query; no identifier has one
    draft = drafts.filter(record__public_id=public_id, record__organisation_id=token.organisation_id).first()
    if draft is None:
        raise not_found("No draft of your organisation")
    return draft


def _check_revision(draft: RecordDraft, revision: int) -> None:
    if draft.revision != revision:
        raise ApiError.one(
            409, f"The draft has changed since you read it: you sent revision {revision}, but it is now at revision "
                 f"{draft.revision}. Read the draft again, make your changes to that copy and send them with "
                 f"revision {draft.revision}. Nothing was saved.", "revision", "body", revision=draft.revision)


def _through_api(token: ApiToken) -> str:
    return f"Through the API with the token “{token.name}” ({START}_{token.prefix}…)."


def _credit_token(record, action: str, token: ApiToken) -> None:
    """Make the audit event the workflow just wrote the token's: nobody knows which person used it."""
    event = AuditEvent.objects.filter(record=record, action=action).order_by("-pk").first()
    if event is not None:
        event.actor, event.actor_email, event.token = None, "", token
        event.detail = f"{event.detail} {_through_api(token)}".strip()
        event.save(update_fields=["actor", "actor_email", "token", "detail"])


# --- Turning API content into stored content --------------------------------------------------------------------

def merged(data: dict, changes: dict) -> dict:
    """The draft's content with the changes made: a value replaces the old one, {"withheld": true, "reason": ...}
    withholds the field, and null removes it."""
    result = {k: v for k, v in data.items() if k != WITHHELD}
    withheld = dict(data.get(WITHHELD) or {})
    for key, value in changes.items():
        result.pop(key, None)
        withheld.pop(key, None)
        if isinstance(value, dict) and "withheld" in value:
            withheld[key] = clean_text(value.get("reason") or "")
        elif value is not None:
            cleaned = clean_value(FIELDS[key], value)
            if not is_empty(cleaned):
                result[key] = cleaned
    if withheld:
        result[WITHHELD] = withheld
    return result


def check(data: dict, version: str, changed: set[str]) -> None:
    """The editor's checks for a draft; problems in fields this request did not touch do not stop it."""
    problems = validate(data, version, for_publication=False)
    mine = [problem(path, "content", message) for path, message in problems.items()
            if path.split(".")[0] in changed]
    if mine:
        raise ApiError(422, mine)


def _changes(content: BaseModel) -> dict:
    dumped = content.model_dump(by_alias=True, exclude_unset=True)
    return {key: dumped[key] for key in dumped}


# --- The operations ---------------------------------------------------------------------------------------------

@router.get("/drafts", response={200: DraftList, 400: Errors, **TOKEN_ERRORS}, url_name="drafts",
            summary="Your organisation's drafts")
def list_drafts(request, filters: Query[DraftFilters]):
    """Every draft of the token's organisation: new records not yet published, and changes to published ones."""
    token = _token(request, "read")
    after = cursors.read_draft(filters.cursor)
    drafts = RecordDraft.objects.select_related("record").filter(
        record__organisation_id=token.organisation_id).order_by("record_id")
    count = drafts.count()
    if after is not None:
        drafts = drafts.filter(record_id__gt=after)
    page = list(drafts[:filters.limit + 1])
    more, page = len(page) > filters.limit, page[:filters.limit]
    next_cursor = str(page[-1].record_id) if more else None
    next_url = None
    if next_cursor:
        next_url = request.build_absolute_uri(f"{request.path}?cursor={next_cursor}&limit={filters.limit}")
    return JsonResponse({"count": count, "results": [serialise.draft_summary(request, d) for d in page],
                         "next_cursor": next_cursor, "next": next_url})


@router.post("/drafts", response={201: Draft, **WRITE_ERRORS}, url_name="new_draft", summary="Start a new record")
def create_draft(request, payload: NewDraft):  # type: ignore[valid-type]
    """A new record of the token's organisation, as a draft written to the current version of the standard. Give
    at least its name; anything else can follow in later changes. Nobody sees it until it is published."""
    token = _token(request, "write")
    changes = _changes(payload.content)
    data = merged({}, changes)
    if not data.get("name"):
        raise ApiError.one(422, missing_message(FIELDS["name"]), "name", "content")
    check(data, CURRENT_STANDARD_VERSION, set(changes))
    with transaction.atomic():
        record = workflow.create_record(token.organisation, None, data["name"], request=request)
        RecordDraft.objects.filter(record=record).update(data=data, last_edited_through=token)
        _credit_token(record, AuditEvent.Action.RECORD_CREATED, token)
    draft = RecordDraft.objects.select_related("record__organisation").get(record=record)
    response = JsonResponse(serialise.draft(request, draft), status=201)
    response["Location"] = serialise.draft_summary(request, draft)["api_url"]
    return response


@router.get("/drafts/{public_id}", response={200: Draft, **TOKEN_ERRORS}, url_name="draft", summary="One draft")
def get_draft(request, public_id: str):
    """The draft with everything in it, and what it still needs before it can be submitted for review."""
    token = _token(request, "read")
    return JsonResponse(serialise.draft(request, _draft(token, public_id)))


@router.patch("/drafts/{public_id}", response={200: Draft, 409: StaleRevision, **WRITE_ERRORS},
              url_name="change_draft", summary="Change a draft")
def change_draft(request, public_id: str, payload: DraftChanges):  # type: ignore[valid-type]
    """Change some fields of a draft. Fields you leave out keep their values; `null` removes a value;
    `{"withheld": true, "reason": "..."}` withholds a field. The checks are the editor's: a draft may be incomplete,
    but what is in it must be valid.

    Send the `revision` you read: if someone has saved the draft since, nothing is saved and the answer is 409.
    Changing a draft that is waiting for review takes it back out of review, as in the editor."""
    token = _token(request, "write")
    with transaction.atomic():
        draft = _draft(token, public_id, lock=True)
        if payload.standard_version != draft.standard_version:
            raise ApiError.one(409, f"This draft is written to version {draft.standard_version} of the standard. "
                                    f"Send its fields with standard_version {draft.standard_version}.",
                               "standard_version", "body", revision=draft.revision)
        _check_revision(draft, payload.revision)
        changes = _changes(payload.content)
        data = merged(draft.data, changes)
        check(data, draft.standard_version, set(changes))
        RecordDraft.objects.filter(pk=draft.pk).update(
            data=data, revision=F("revision") + 1, last_edited_by=None, last_edited_through=token,
            state=RecordDraft.State.IN_PROGRESS, updated_at=timezone.now())
        labels = ", ".join(FIELDS[key].label.lower() for key in changes) or "nothing"
        log(AuditEvent.Action.DRAFT_SAVED, request=request, token=token, record=draft.record,
            detail=f"Changed: {labels}. {_through_api(token)}")
    return JsonResponse(serialise.draft(request, _draft(token, public_id)))


@router.post("/drafts/{public_id}/submit", response={200: Draft, 409: StaleRevision, **WRITE_ERRORS},
             url_name="submit_draft", summary="Submit a draft for review")
def submit_draft(request, public_id: str, payload: Submission):
    """Send a complete draft to the organisation's approvers. They review it and publish it in the register's web
    pages; there is no way to publish through the API. A draft that still lacks something is refused (409) with
    what it needs.

    A draft last changed through a token is refused too (409): nobody knows who holds a token, so a member must
    check such a draft and submit it in the register, and then neither they nor the token's maker may publish it.
    That way two people always see a record before it is public."""
    token = _token(request, "submit")
    with transaction.atomic():
        draft = _draft(token, public_id, lock=True)
        _check_revision(draft, payload.revision)
        if blocker := api_submission_blocker(draft):
            raise ApiError.one(409, blocker, revision=draft.revision)
        missing = serialise.missing(draft)
        if missing or draft.state == RecordDraft.State.SUBMITTED:
            message = ("Fill in everything the draft still needs before you submit it for review; each problem is "
                       "listed." if missing else "This draft is already waiting for review.")
            raise ApiError(409, [problem("", "request", message), *missing], revision=draft.revision)
        workflow.submit(draft, token.created_by, request=request)  # its maker hears if it is sent back
        _credit_token(draft.record, AuditEvent.Action.SUBMITTED, token)
    return JsonResponse(serialise.draft(request, _draft(token, public_id)))
