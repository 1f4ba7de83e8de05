from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from .display import present
from .filters import apply_filters, build_filters
from .models import Record
from .queries import listed_records


@require_GET
def record_list(request):
    base = listed_records()
    records = apply_filters(base, request.GET).select_related("organisation").order_by("-last_published_at", "pk")
    page = Paginator(records, settings.RECORDS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "filters": build_filters(base, request.GET), "params": request.GET}
    return render(request, "records/list.html", context)


def public_record(public_id: str) -> Record:
    """A record anyone may see, or 404. Drafts that were never published do not exist to the public."""
    record = get_object_or_404(Record.objects.select_related("organisation", "current_version"), public_id=public_id)
    if not record.is_public or record.current_version is None:
        raise Http404
    return record


@require_GET
def record_detail(request, reference: str):
    public_id, _, _slug = reference.partition("-")
    record = public_record(public_id)
    if reference != record.reference:
        return redirect(record.get_absolute_url(), permanent=True)
    if record.status == Record.Status.WITHDRAWN:
        return render(request, "records/withdrawn.html", {"record": record})
    version = record.current_version
    context = {"record": record, "version": version, "view": present(record, version)}
    return render(request, "records/detail.html", context)
