"""Public downloads of published records. Anyone may use them; no draft, withdrawn record or internal field is ever in
them, because they read only published versions of listed records."""

from datetime import UTC, datetime

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import http_date
from django.views.decorators.http import require_GET

from algoreg.organisations.models import Organisation

from . import exports

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%MZ")


def download(request, chunks, fmt: str, name: str, generated_at: datetime):
    """A download that says where its licence is and when it was made: in a Link header with rel="license", in
    Last-Modified, and in the file name."""
    filename = f"{name}-{stamp(generated_at)}.{fmt if fmt != 'atrs' else 'csv'}"
    content_type = CONTENT_TYPES["csv" if fmt == "atrs" else fmt]
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    licence_page = exports.absolute(reverse("licence"))
    response["Link"] = f'<{exports.LICENCE_URL}>; rel="license", <{licence_page}>; rel="license"'
    response["Last-Modified"] = http_date(generated_at.timestamp())
    response["X-Content-Type-Options"] = "nosniff"
    return response


def respond(request, records, fmt: str, name: str):
    generated_at = datetime.now(UTC)
    if fmt == "csv":
        return download(request, exports.csv_chunks(exports.own_rows(records)), fmt, name, generated_at)
    if fmt == "atrs":
        return download(request, exports.csv_chunks(exports.atrs_rows(records)), fmt, f"{name}-atrs-4.0",
                        generated_at)
    if fmt == "json":
        return download(request, exports.json_chunks(records, generated_at), fmt, name, generated_at)
    return download(request, exports.xlsx_chunks(records, generated_at), fmt, name, generated_at)


def chosen_organisation(request):
    slug = request.GET.get("organisation", "")
    return get_object_or_404(Organisation, slug=slug) if slug else None


def all_name(organisation) -> str:
    return f"{organisation.slug}-records" if organisation else "algorithm-register-records"


@require_GET
def export_all(request, fmt: str):
    organisation = chosen_organisation(request)
    return respond(request, exports.downloadable_records(organisation), fmt, all_name(organisation))


@require_GET
def export_atrs(request):
    organisation = chosen_organisation(request)
    return respond(request, exports.downloadable_records(organisation), "atrs", all_name(organisation))


@require_GET
def export_history(request):
    organisation = chosen_organisation(request)
    generated_at = datetime.now(UTC)
    rows = exports.history_rows(exports.downloadable_records(organisation))
    name = all_name(organisation).replace("-records", "-history")
    return download(request, exports.csv_chunks(rows), "csv", name, generated_at)


def one_record(reference: str):
    public_id = reference.partition("-")[0]
    records = exports.downloadable_records(public_id=public_id)
    record = records.select_related("current_version").first()
    if record is None:
        raise Http404
    return records, record


@require_GET
def export_record(request, reference: str, fmt: str):
    records, record = one_record(reference)
    return respond(request, records, fmt, record.reference[:80])


@require_GET
def export_record_atrs(request, reference: str):
    records, record = one_record(reference)
    return respond(request, records, "atrs", record.reference[:80])
