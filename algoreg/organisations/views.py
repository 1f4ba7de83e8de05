from django.conf import settings
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from algoreg.records.models import listed_filter
from algoreg.search.pages import results_page

from .models import Organisation


@require_GET
def organisation_list(request):
    """Organisations that publish records, or every organisation in the register with ?all=1."""
    show_all = request.GET.get("all") == "1"
    organisations = Organisation.objects.annotate(record_count=Count("records", filter=listed_filter("records__")))
    publishing = organisations.filter(record_count__gt=0)
    context = {
        "organisations": (organisations if show_all else publishing).order_by("name"),
        "show_all": show_all,
        "publishing_count": publishing.count(),
        "total_count": Organisation.objects.count(),
    }
    return render(request, "organisations/list.html", context)


@require_GET
def organisation_detail(request, slug: str):
    """An organisation and its records, which can be searched on their own."""
    organisation = get_object_or_404(Organisation, slug=slug)
    results, page, items = results_page(request.GET, settings.RECORDS_PER_PAGE, organisation=organisation)
    context = {"organisation": organisation, "results": results, "page": page, "items": items,
               "params": request.GET}
    return render(request, "organisations/detail.html", context)
