"""The public half of the API: published records, their versions and organisations. No token is needed, and
nothing here ever shows a draft."""

from typing import Literal

from django.db.models import Count
from django.http import HttpRequest, JsonResponse, QueryDict
from ninja import Field, Query, Router, Schema
from pydantic import create_model

from algoreg.organisations.models import Organisation
from algoreg.records.models import Record, listed_filter
from algoreg.search.engine import SORTS, walk
from algoreg.search.facets import FACETS
from algoreg.search.query import MAX_CHARACTERS, length_problem

from . import cursors, serialise
from .errors import ApiError, Errors, not_found
from .schemas import Organisation as OrganisationSchema
from .schemas import OrganisationList, RecordList, Version, VersionSummary
from .schemas import Record as RecordSchema

router = Router(tags=["Published records"])
PUBLIC_ERRORS = {400: Errors, 404: Errors, 422: Errors, 429: Errors}
MAX_LIMIT = 100


def _facet_parameter(facet):
    """A filter of the search page as a repeatable query parameter, with its allowed values when it has a list."""
    values = tuple(value for value, _ in facet.choices)
    kind = list[Literal[values]] if values else list[str]  # repeated parameters: ?phase=a&phase=b
    allowed = " Allowed values: " + ", ".join(f"`{v}` ({label})" for v, label in facet.choices) + "." if values else (
        " Values are organisation slugs, as in `organisation.slug`.")
    description = (f"{facet.label}. Repeat the parameter to match records with any of several values. "
                   f"{facet.hint}{allowed}")
    return (kind, Field(default_factory=list, description=description))


RecordFilters = create_model(
    "RecordFilters",
    q=(str, Field("", json_schema_extra={"maxLength": MAX_CHARACTERS}, description=(
        "Search words, as on the search page: put words in double quotes to find them together, and a minus sign "
        f"before a word to leave out records that have it. At most {MAX_CHARACTERS} characters: a longer search "
        "is refused with 400."))),
    sort=(Literal[tuple(SORTS)], Field(None, description=(
        "`relevance` (the default when searching), `recent` (the default otherwise) or `name`."))),
    cursor=(str, cursors.RECORDS.field()),
    limit=(int, Field(20, ge=1, le=MAX_LIMIT, description=f"Records per page, 1 to {MAX_LIMIT}.")),
    **{facet.key: _facet_parameter(facet) for facet in FACETS},
)


def _search_params(filters) -> dict:
    """The search as the search page's URL would give it, without paging. NUL characters are dropped: they cannot
    be in any record, and PostgreSQL refuses them even in a query."""
    params = {"q": filters.q.replace("\x00", "")}
    if filters.sort:
        params["sort"] = filters.sort
    for facet in FACETS:
        values = [value.replace("\x00", "") for value in getattr(filters, facet.key)]
        if values:
            params[facet.key] = values
    return params


def _query_dict(params: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, value in params.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return query


def _next_url(request: HttpRequest, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    query = request.GET.copy()
    query["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@router.get("/records", response={200: RecordList, **PUBLIC_ERRORS}, url_name="records",
            summary="Search and filter published records")
def list_records(request, filters: Query[RecordFilters]):  # type: ignore[valid-type]
    """Published and retired records, newest first or by relevance, with the same search and filters as the
    register's search page (`/records/`): the same parameters give the same records in the same order."""
    if problem := length_problem(filters.q):
        raise ApiError.one(400, problem, "q", "query")
    params = _search_params(filters)
    results, position = walk(_query_dict(params), cursors.read_records(filters.cursor), filters.limit)
    found = Record.objects.select_related("organisation", "current_version").defer("current_version__data")
    records = found.in_bulk(results.ids)
    next_cursor = cursors.records_cursor(position)
    return JsonResponse({
        "count": results.count,
        "sort": results.sort,
        "results": [serialise.record_summary(request, records[i]) for i in results.ids if i in records],
        "facets": [{"key": f.key, "label": f.label,
                    "options": [{"value": o.value, "label": o.label, "count": o.count, "selected": o.selected}
                                for o in f.options]} for f in results.facets],
        "next_cursor": next_cursor,
        "next": _next_url(request, next_cursor),
    })


def public_record(public_id: str) -> Record:
    """A record anyone may see. Never-published drafts are 404; withdrawn records are 410 with the reason."""
    found = Record.objects.select_related("organisation", "current_version").filter(
        public_id=public_id.partition("-")[0].replace("\x00", "")).first()
    if found is None or not found.is_public or found.current_version is None:
        raise not_found("No published record")
    if found.status == Record.Status.WITHDRAWN:
        when = found.withdrawn_at.date().isoformat() if found.withdrawn_at else "an earlier date"
        raise ApiError.one(410, f"{found.organisation.name} withdrew this record on {when}. Their reason: "
                                f"{found.withdrawn_reason or 'none given'}")
    return found


RECORD_ERRORS = {404: Errors, 410: Errors, 422: Errors, 429: Errors}


@router.get("/records/{public_id}", response={200: RecordSchema, **RECORD_ERRORS}, url_name="record",
            summary="One published record")
def get_record(request, public_id: str):
    """The record as it is published now: its current version's content, with the organisation and version."""
    return JsonResponse(serialise.record(request, public_record(public_id)))


class VersionList(Schema):
    count: int
    results: list[VersionSummary]


@router.get("/records/{public_id}/versions", response={200: VersionList, **RECORD_ERRORS}, url_name="versions",
            summary="Every published version of a record")
def list_versions(request, public_id: str):
    """Every version the organisation has published, newest first. Each is kept unchanged for good."""
    record = public_record(public_id)
    versions = record.versions.defer("data").order_by("-number")
    results = [serialise.version_summary(request, record, v) for v in versions]
    return JsonResponse({"count": len(results), "results": results})


@router.get("/records/{public_id}/versions/{number}", response={200: Version, **RECORD_ERRORS}, url_name="version",
            summary="One published version of a record")
def get_version(request, public_id: str, number: int):
    record = public_record(public_id)
    version = record.versions.filter(number=number).first()
    if version is None:
        raise not_found(f"No version {number} of this record")
    return JsonResponse(serialise.version(request, record, version))


class OrganisationFilters(Schema):
    publishing: bool = Field(False, description="Only organisations with at least one published record.")
    cursor: str = cursors.ORGANISATIONS.field()
    limit: int = Field(100, ge=1, le=500, description="Organisations per page, 1 to 500.")


def _organisations():
    return Organisation.objects.annotate(record_count=Count("records", filter=listed_filter("records__")))


@router.get("/organisations", response={200: OrganisationList, **PUBLIC_ERRORS}, url_name="organisations",
            summary="Organisations in the register")
def list_organisations(request, filters: Query[OrganisationFilters]):
    """Every organisation in the register (councils and other public bodies), in name order."""
    after = cursors.read_organisation(filters.cursor)
    found = _organisations().order_by("name")
    if filters.publishing:
        found = found.filter(record_count__gt=0)
    count = found.count()
    if after is not None:
        found = found.filter(name__gt=after)
    page = list(found[:filters.limit + 1])
    more, page = len(page) > filters.limit, page[:filters.limit]
    next_cursor = page[-1].name if more else None
    return JsonResponse({
        "count": count,
        "results": [serialise.organisation(request, org, org.record_count) for org in page],
        "next_cursor": next_cursor,
        "next": _next_url(request, next_cursor),
    })


@router.get("/organisations/{slug}", response={200: OrganisationSchema, 404: Errors, 422: Errors, 429: Errors},
            url_name="organisation", summary="One organisation")
def get_organisation(request, slug: str):
    org = _organisations().filter(slug=slug.replace("\x00", "")).first()
    if org is None:
        raise not_found("No organisation")
    return JsonResponse(serialise.organisation(request, org, org.record_count))
