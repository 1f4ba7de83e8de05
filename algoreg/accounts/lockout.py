"""Hooks for django-axes: how failures are counted, which name they are counted under, and the page a locked-out
person sees.

Failures are counted for each email address at each client address (AXES_FAILURE_LIMIT), so someone elsewhere
cannot lock a named officer out, and for each client address alone (AXES_ADDRESS_FAILURE_LIMIT, higher, so an office
sharing one address is not locked out by a few mistyped passwords), so one address cannot try account after account.
Axes compares every set of AXES_LOCKOUT_PARAMETERS with one limit; LockoutHandler gives the address alone its own.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone

from algoreg.client_address import client_address

from .timeformat import govuk_when

ADDRESS_ALONE = ("ip_address", ["ip_address"])


def lockout_username(request, credentials=None) -> str:
    """The email address typed, as accounts store it, so 'Name@Council' and 'name@council' count together."""
    if credentials and credentials.get("username"):
        value = credentials["username"]
    else:
        value = request.POST.get("username", "") if request is not None else ""
    return str(value).strip().lower()[:254]


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def _own_limit(parameters, account_limit: int) -> int:
    return settings.AXES_ADDRESS_FAILURE_LIMIT if parameters in ADDRESS_ALONE else account_limit


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, with a limit of its own for the client address alone."""

    def get_failures(self, request, credentials=None) -> int:
        """The failures counted against this sign-in, on the scale of AXES_FAILURE_LIMIT, which axes compares them
        with: each set of lockout parameters counts as failures * AXES_FAILURE_LIMIT // its own limit, which reaches
        AXES_FAILURE_LIMIT exactly when the set's failures reach its own limit."""
        account_limit = get_failure_limit(request, credentials)
        parameter_sets = get_lockout_parameters(request, credentials)
        attempts_for_each = self.get_user_attempts(request, credentials)
        return max((_failures(attempts) * account_limit // _own_limit(parameters, account_limit)
                    for parameters, attempts in zip(parameter_sets, attempts_for_each, strict=True)), default=0)

    def reset_user_attempts(self, request, credentials=None) -> int:
        """After a sign-in, forget only that account's failures from that address. Axes would forget every set,
        including the address's failures on other accounts: anyone with an account could then sign in between
        guesses and never reach the address's limit."""
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username, ip_address=request.axes_ip_address).delete()
        return count


def _recent_failures_from(request, address: str):
    return AccessAttempt.objects.filter(ip_address=address or None, attempt_time__gte=get_cool_off_threshold(request))


def locked_out(request, original_response=None, credentials=None):
    """The page shown instead of the sign-in form while an email address, or the whole client address, is locked."""
    from_address = _recent_failures_from(request, client_address(request))
    address_locked = _failures(from_address) >= settings.AXES_ADDRESS_FAILURE_LIMIT
    counted = from_address if address_locked else from_address.filter(username=lockout_username(request, credentials))
    last_failure = counted.aggregate(last=Max("attempt_time"))["last"]
    until = (last_failure or timezone.now()) + settings.AXES_COOLOFF_TIME
    context = {"until": until, "until_text": govuk_when(until),
               "minutes": settings.AXES_COOLOFF_MINUTES, "address_locked": address_locked}
    return render(request, "accounts/locked_out.html", context, status=429)
