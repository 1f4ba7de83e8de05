"""Hooks for django-axes: which name failures are counted under, and the page a locked-out person sees."""

from django.conf import settings
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone

from .timeformat import govuk_datetime, govuk_time


def lockout_username(request, credentials=None) -> str:
    """The email address typed, as accounts store it, so 'Name@Council' and 'name@council' count together."""
    if credentials and credentials.get("username"):
        value = credentials["username"]
    else:
        value = request.POST.get("username", "") if request is not None else ""
    return str(value).strip().lower()[:254]


def locked_out(request, original_response=None, credentials=None):
    """The page shown instead of the sign-in form while an email address is locked out."""
    from axes.models import AccessAttempt

    username = lockout_username(request, credentials)
    last_failure = AccessAttempt.objects.filter(username=username).aggregate(last=Max("attempt_time"))["last"]
    until = (last_failure or timezone.now()) + settings.AXES_COOLOFF_TIME
    same_day = timezone.localdate(until) == timezone.localdate()
    context = {"until": until, "until_text": govuk_time(until) if same_day else govuk_datetime(until),
               "minutes": settings.AXES_COOLOFF_MINUTES}
    return render(request, "accounts/locked_out.html", context, status=429)
