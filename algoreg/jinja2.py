"""The Jinja2 environment: our templates, the GOV.UK Frontend macros, and a few helpers."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader, select_autoescape

from algoreg.search.query import SEARCH_BOX_CHARACTERS
from algoreg.standard.cleaning import displayable


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def govuk_date(value) -> str:
    """A date the GOV.UK way: 5 January 2026."""
    if not value:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = localtime(value)
    return date_format(value, "j F Y")


def query_with(params, **changes) -> str:
    """The current query string with some parameters replaced (or removed when None)."""
    query = {key: params.getlist(key) for key in params}
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None and value != []:
            query[key] = value
    return "?" + urlencode(query, doseq=True)


def shown(value):
    """Every value a template prints, before it is escaped: text loses control characters and unclosed
    bidirectional formatting, so nothing stored before text was tidied (or typed outside a record, such as an
    organisation's name) can reverse the rest of a line. HTML (Markup, Django's safe strings) is the templates' own
    and is left alone."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return displayable(str(value))  # str(): lazy strings, such as the CSP nonce, pass for str but are not
    return value


def environment(**options) -> Environment:
    options["loader"] = ChoiceLoader(
        [
            FileSystemLoader(str(settings.BASE_DIR / "algoreg" / "templates")),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    options["autoescape"] = select_autoescape(default=True, default_for_string=True)
    options["finalize"] = shown
    env = Environment(**options)
    env.globals.update({"url": url, "static": static, "settings": settings, "query_with": query_with,
                       "get_messages": get_messages, "search_box_characters": SEARCH_BOX_CHARACTERS})
    env.filters.update({"govuk_date": govuk_date, "displayable": displayable})
    return env
