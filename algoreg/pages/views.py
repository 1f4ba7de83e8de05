from django.shortcuts import render
from django.views.decorators.http import require_GET

from algoreg.organisations.models import Organisation
from algoreg.records.models import Record


@require_GET
def home(request):
    records = Record.objects.listed()
    context = {
        "record_count": records.count(),
        "organisation_count": Organisation.objects.filter(records__in=records).distinct().count(),
        "council_count": Organisation.objects.filter(records__in=records, org_type="local-authority")
        .distinct()
        .count(),
        "recent": records.select_related("organisation").order_by("-last_published_at", "pk")[:6],
    }
    return render(request, "pages/home.html", context)


@require_GET
def about(request):
    return render(request, "pages/about.html")


@require_GET
def accessibility(request):
    return render(request, "pages/accessibility.html")


@require_GET
def licence(request):
    return render(request, "pages/licence.html")


def not_found(request, exception=None):
    return render(request, "pages/404.html", status=404)


def server_error(request):
    # Rendered without the request context: whatever broke may be in it.
    return render(None, "pages/500.html", status=500)
