import pytest

pytestmark = pytest.mark.django_db


def test_matching_words_are_marked_in_the_name_and_description(page, publish):
    publish("Housing repairs triage", one_sentence_description="Puts housing repairs in order.")
    html = page(q="repair")
    assert "Housing <mark>repairs</mark> triage" in html
    assert "Puts housing <mark>repairs</mark> in order." in html


def test_a_passage_shows_where_else_the_words_appear(page, publish):
    publish("Rounds planner", system_architecture="Runs nightly on a server. It reads tachograph data from vans.")
    html = page(q="tachograph")
    assert "System design:" in html
    assert "reads <mark>tachograph</mark> data from vans." in html


def test_a_phrase_is_marked_as_one(page, publish):
    publish("Care planner", description="Supports adult social care teams.")
    assert "<mark>social care</mark>" in page(q='"social care"')


def test_text_from_records_is_escaped_and_only_our_marks_are_markup(page, publish):
    publish("<b>Housing</b> & <script>alert(1)</script>",
            one_sentence_description="Finds <img src=x onerror=alert(1)> housing needs.")
    html = page(q="housing")
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;b&gt;<mark>Housing</mark>&lt;/b&gt; &amp; &lt;script&gt;" in html
    assert "Finds &lt;img src=x onerror=alert(1)&gt; <mark>housing</mark> needs." in html


def test_the_search_words_are_escaped_where_they_are_shown(page, publish):
    publish("Housing tool")
    html = page(q='housing "<script>x</script>')
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;" in html


def test_abbreviations_are_marked_in_either_form(page, publish):
    publish("Letters", one_sentence_description="Uses artificial intelligence to draft letters.")
    assert "Uses <mark>artificial intelligence</mark> to draft letters." in page(q="AI")
