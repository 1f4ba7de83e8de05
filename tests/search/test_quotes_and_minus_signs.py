import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(publish):
    publish("Care needs forecast", description="Forecasts adult social care needs for older residents.")
    publish("Care home chatbot", description="A chatbot that answers questions about care homes for adults.")
    publish("Social media monitor", description="Watches social channels for reports of fly-tipping and care.")


def test_quoted_words_must_appear_together_in_order(search, records):
    assert search(q='"social care"') == ["Care needs forecast"]
    assert search(q='"care social"') == []


def test_quoted_words_combine_with_other_words(search, records):
    assert search(q='"care homes" chatbot') == ["Care home chatbot"]


def test_a_minus_sign_leaves_out_records_with_that_word(search, records):
    assert sorted(search(q="care -chatbot")) == ["Care needs forecast", "Social media monitor"]


def test_a_minus_sign_before_a_phrase_leaves_out_the_phrase(search, records):
    assert sorted(search(q='care -"social care"')) == ["Care home chatbot", "Social media monitor"]


def test_a_search_of_only_left_out_words_shows_everything_else(search, records):
    assert sorted(search(q="-chatbot")) == ["Care needs forecast", "Social media monitor"]


def test_a_hyphenated_word_is_a_phrase_not_a_minus_sign(search, records):
    assert search(q="fly-tipping") == ["Social media monitor"]


def test_an_unclosed_quote_runs_to_the_end(search, records):
    assert search(q='chatbot "care homes') == ["Care home chatbot"]
