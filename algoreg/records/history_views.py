"""The public history of a record: every published version, any old version in full, and what changed between two."""

import re
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from .display import present
from .history import compare
from .models import Record, RecordVersion
from .views import public_record

VERSION_NUMBER = re.compile(r"[0-9]{1,9}")


def record_for(request, reference: str, name: str, **kwargs) -> tuple[Record, HttpResponse | None]:
    """The public record a reference names, and a redirect when the address is not this page's canonical one.

    A withdrawn record keeps only its own page, which says when and why it was withdrawn, so its history leads there.
    """
    public_id, _, _slug = reference.partition("-")
    record = public_record(public_id)
    if record.status == Record.Status.WITHDRAWN:
        return record, redirect(record.get_absolute_url())
    if reference == record.reference:
        return record, None
    query = request.META.get("QUERY_STRING", "")
    canonical = reverse(name, kwargs={"reference": record.reference, **kwargs})
    return record, redirect(f"{canonical}?{query}" if query else canonical, permanent=True)


def versions_of(record: Record) -> list[RecordVersion]:
    """Every published version of a record, newest first, without their (possibly large) content."""
    return list(record.versions.defer("data").order_by("-number"))


@require_GET
def record_history(request, reference: str):
    record, elsewhere = record_for(request, reference, "records:history")
    if elsewhere:
        return elsewhere
    versions = versions_of(record)
    context = {"record": record, "versions": versions, "choice": default_choice(versions), "errors": {}}
    return render(request, "records/history.html", context)


@require_GET
def record_version(request, reference: str, number: int):
    record, elsewhere = record_for(request, reference, "records:version", number=number)
    if elsewhere:
        return elsewhere
    version = get_object_or_404(record.versions, number=number)
    versions = versions_of(record)
    context = {
        "record": record,
        "version": version,
        "view": present(record, version),
        "versions": versions,
        "newer": [v for v in versions if v.number > version.number],
        "is_current": version.pk == record.current_version_id,
    }
    return render(request, "records/version.html", context)


@require_GET
def compare_versions(request, reference: str):
    record, elsewhere = record_for(request, reference, "records:compare")
    if elsewhere:
        return elsewhere
    versions = versions_of(record)
    if len(versions) < 2:
        return redirect("records:history", record.reference)
    by_number = {v.number: v for v in versions}
    if "from" not in request.GET or "to" not in request.GET:
        return redirect(_compare_url(record, **filled_in(request.GET, versions)))
    errors = choice_errors(request.GET.get("from", ""), request.GET.get("to", ""), by_number)
    context = {"record": record, "versions": versions, "errors": errors}
    if errors:
        error_list = [{"text": message, "href": f"#{key}"} for key, message in errors.items()]
        context |= {"choice": default_choice(versions), "error_list": error_list}
        return render(request, "records/compare.html", context, status=400)
    full = {v.number: v for v in record.versions.filter(number__in=[int(request.GET["from"]), int(request.GET["to"])])}
    before, after = full[int(request.GET["from"])], full[int(request.GET["to"])]
    show_all = request.GET.get("all") == "1"
    comparison = compare(before.data, after.data, before.standard_version, after.standard_version,
                         include_unchanged=show_all)
    low, high = sorted((before.number, after.number))
    context |= {
        "before": before,
        "after": after,
        "comparison": comparison,
        "show_all": show_all,
        "choice": {"from": before.number, "to": after.number},
        "between": [v for v in reversed(versions) if low < v.number <= high],
    }
    return render(request, "records/compare.html", context)


def default_choice(versions: list[RecordVersion]) -> dict[str, int]:
    """The versions the comparison form starts with: the previous one against the latest."""
    if not versions:
        return {}
    latest = versions[0].number
    return {"from": versions[1].number if len(versions) > 1 else latest, "to": latest}


def filled_in(params, versions: list[RecordVersion]) -> dict[str, str]:
    """The chosen versions with any missing one filled in: the latest for `to`, the one before `to` for `from`."""
    chosen = {"to": params.get("to") or str(versions[0].number)}
    if params.get("from"):
        chosen["from"] = params["from"]
    else:
        older = [v.number for v in versions if VERSION_NUMBER.fullmatch(chosen["to"]) and v.number < int(chosen["to"])]
        chosen["from"] = str(older[0] if older else versions[1].number)
    if params.get("all") == "1":
        chosen["all"] = "1"
    return chosen


def choice_errors(before: str, after: str, by_number: dict[int, RecordVersion]) -> dict[str, str]:
    """What is wrong with the two chosen version numbers, keyed by parameter; empty when they can be compared."""
    errors = {}
    for key, value, which in (("from", before, "first"), ("to", after, "second")):
        if not VERSION_NUMBER.fullmatch(value):
            errors[key] = f"Choose the {which} version from the list"
        elif int(value) not in by_number:
            errors[key] = f"There is no version {int(value)} of this record. Choose one from the list"
    if not errors and int(before) == int(after):
        errors["to"] = "Choose two different versions to compare"
    return errors


def _compare_url(record: Record, **params: str) -> str:
    """The address of a comparison of this record."""
    return f"{reverse('records:compare', args=[record.reference])}?{urlencode(params)}"
