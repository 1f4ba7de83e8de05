"""Whatever is typed, the page answers: results, or a clear message. Never an error."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

NASTY = [
    '"', '""', '"""', "'", "-", "--", "-\"", "*", "AND", "OR NOT", "NEAR(a b)", "a:b", "name : x", "{name}: x",
    "col:(a OR b)", "(((", ")))", "[]{}", "^", "a & b | !c", "'a' <-> 'b'", "x:*", "\\", "%", "_", "%_%",
    "'; DROP TABLE records_record; --", "1' OR '1'='1", "SELECT * FROM search_text", "<script>alert(1)</script>",
    "\x00", "\x00housing", "ho\x00using", "\u200b", "😀", "🏠 housing", "ﷺ", "ǅ", "ß", "İstanbul", "\ue000",
    "a" * 10_000, "housing " * 2_000, "-" * 10_000, '"' * 10_001, "x" * 61, "𝕳𝖔𝖚𝖘𝖎𝖓𝖌",
]


@pytest.fixture
def records(publish):
    publish("Housing repairs triage", description="Sorts repair requests by urgency.")
    publish("Benefits chatbot", description="Answers questions about council tax.")


@pytest.mark.parametrize("typed", NASTY)
def test_awkward_searches_give_a_page(client, records, typed):
    response = client.get("/records/", {"q": typed, "sort": "relevance"})
    assert response.status_code == 200


def test_a_very_long_search_gets_a_message(page, records):
    assert "Your search must be 300 characters or less" in page(q="housing " * 2_000)


def test_a_search_with_no_letters_says_so(page, records):
    html = page(q="((( )))")
    assert "no letters or numbers" in html
    assert "2 records" in html


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
       | st.text(max_size=12_000).filter(lambda t: all(not 0xD800 <= ord(c) <= 0xDFFF for c in t)))
def test_any_text_at_all_gives_a_page(records, typed):
    response = Client().get("/records/", {"q": typed, "page": "2"})
    assert response.status_code == 200
    assert b"Records" in response.content


def test_awkward_filter_values_give_a_page_not_an_error(client, records):
    for value in ("\x00", "a\x00b", "'; drop table", "<script>", "😀" * 50):
        for key in ("organisation", "phase", "function", "region", "sort", "page"):
            assert client.get("/records/", {key: value}).status_code == 200, (key, value)
