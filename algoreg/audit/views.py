"""Reading the audit log: an organisation's admins see their organisation's events; register admins see all."""

from django.core.paginator import Paginator
from django.views.decorators.http import require_GET

from algoreg.accounts.access import get_organisation_for_member, require_register_admin, require_verified
from algoreg.accounts.models import Membership
from algoreg.accounts.timeformat import govuk_datetime
from algoreg.accounts.views import page

from .models import AuditEvent

PER_PAGE = 50


def _filtered(request, events):
    action = request.GET.get("action", "")
    if action in AuditEvent.Action.values:
        events = events.filter(action=action)
    else:
        action = ""
    events = events.select_related("record", "organisation", "token__created_by")
    found = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    for event in found.object_list:
        event.when = govuk_datetime(event.created_at)
    actions = [{"value": "", "text": "Everything"}] + [
        {"value": value, "text": label, "selected": value == action} for value, label in AuditEvent.Action.choices]
    return {"page": found, "actions": actions, "action": action, "params": request.GET, "section": "manage"}


@require_GET
@require_verified
def organisation_log(request, slug: str):
    organisation, _ = get_organisation_for_member(request, slug, role=Membership.Role.ADMIN)
    context = _filtered(request, AuditEvent.objects.filter(organisation=organisation))
    return page(request, "audit/log.html", {**context, "organisation": organisation})


@require_GET
@require_register_admin
def register_log(request):
    return page(request, "audit/log.html", {**_filtered(request, AuditEvent.objects.all()), "organisation": None})
