"""Whatever is typed into an address, every page with a part of its address to fill in (a record, an organisation,
a token...) answers with a page, a redirect or an error the person can act on: never a server error, on either
database. The patterns come from the URL configuration itself, so new pages are covered without listing them."""

import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from algoreg.api.tokens import create_token

pytestmark = pytest.mark.django_db

PARAMETER = re.compile(r"<(?:\w+:)?\w+>|\(\?P<\w+>([^()]*)\)")


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def _template(route: str) -> str:
    """'records/<str:reference>/' -> '/records/{}/'. A regular expression's group that is a list of words
    ('csv|json|xlsx') takes the first of them, so the other parts of the address are what is tried."""
    def placeholder(match):
        words = match.group(1)
        return words.split("|")[0] if words and re.fullmatch(r"[\w|-]+", words) else "{}"

    route = PARAMETER.sub(placeholder, route.replace("^", "").replace("$", "")).replace("\\.", ".")
    return "/" + route


TEMPLATES = sorted({_template(route) for route in _routes(get_resolver().url_patterns) if "{}" in _template(route)})

# Any characters but lone surrogates (which cannot be sent), of any length a path segment might have.
SEGMENT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
QUERY = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


def _address(template: str, segments: list[str]) -> str:
    return template.format(*(quote(segment, safe="") for segment in segments))


@pytest.fixture
def known(org_admin, council, record):
    """Parts of addresses that exist, mixed in with made-up ones so later parts of an address are reached too."""
    membership = org_admin.memberships.get()
    return [record.public_id, council.slug, "summary", "1", str(membership.pk)]


@pytest.fixture
def visitors(org_admin, council):
    """visitors(template): who tries it. Someone not signed in, and the council's admin for the site's pages or
    the council's API token for the API, so every page's checks are passed far enough for the typed part of the
    address to reach the database."""
    signed_in = Client()
    signed_in.force_login(org_admin)
    _, secret = create_token(council, org_admin, "Case system", read_drafts=True, write_drafts=True,
                             submit_drafts=True)
    with_token = (Client(), {"HTTP_AUTHORIZATION": f"Bearer {secret}"})

    def who_tries(template: str) -> list:
        return [(Client(), {}), with_token if template.startswith("/api/") else (signed_in, {})]

    return who_tries


def test_every_page_with_a_part_to_fill_in_is_tried():
    assert "/records/{}/" in TEMPLATES and "/manage/records/{}/sections/{}/" in TEMPLATES
    assert "/records/{}/export.csv" in TEMPLATES and any(t.startswith("/api/v1/") for t in TEMPLATES)


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_nul_character_in_any_part_of_an_address_is_not_found(visitors, template):
    count = template.count("{}")
    for position in range(count):
        segments = ["1"] * count
        segments[position] = "a\x00b"
        address = _address(template, segments)
        for client, headers in visitors(template):
            for method in (client.get, client.post):
                assert method(address, **headers).status_code == 404, (method.__name__, address)


@pytest.mark.parametrize("template", TEMPLATES)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_text_in_an_address_never_gives_a_server_error(visitors, known, template, data):
    count = template.count("{}")
    segments = data.draw(st.lists(SEGMENT | st.sampled_from(known), min_size=count, max_size=count))
    typed = data.draw(QUERY)
    address = _address(template, segments)
    for client, headers in visitors(template):
        query = {"q": typed, "page": typed, "cursor": typed, "from": typed, "to": typed}
        assert client.get(address, query, **headers).status_code < 500, ("GET", address, typed)
        assert client.post(address, {"text": typed}, **headers).status_code < 500, ("POST", address, typed)
