from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from algoreg.search.pages import results_page

from .display import present
from .filters import filter_tags
from .models import Record


@require_GET
def record_list(request):
    """Search and filter every listed record: all of it is in the URL, so any page can be bookmarked and cached."""
    results, page, items = results_page(request.GET, settings.RECORDS_PER_PAGE)
    context = {"results": results, "page": page, "items": items, "filters": results.facets,
               "tags": filter_tags(results, request.GET), "params": request.GET}
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
