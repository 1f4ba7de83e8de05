"""Times the GOV.UK way: 3:45pm, 5 January 2026 at 3:45pm."""

from django.utils.formats import date_format
from django.utils.timezone import localtime


def govuk_time(value) -> str:
    value = localtime(value)
    hour = value.hour % 12 or 12
    if value.minute == 0 and value.hour == 12:
        return "midday"
    return f"{hour}:{value.minute:02d}{'am' if value.hour < 12 else 'pm'}"


def govuk_datetime(value) -> str:
    return f"{date_format(localtime(value), 'j F Y')} at {govuk_time(value)}"


def govuk_when(value) -> str:
    """The time alone if it is today, else the date and time."""
    return govuk_time(value) if localtime(value).date() == localtime().date() else govuk_datetime(value)
