import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(publish):
    publish("Homelessness prediction", description="Predictive model for homelessness prevention.")
    publish("Resident chatbot", description="Answers questions about bins.")
    publish("Children's services", description="Supports children's social care referrals.")


@pytest.mark.parametrize("typed, suggested", [
    ("chatbto", "chatbot"),
    ("homelesness", "homelessness"),
    ("predictve", "predictive"),
    ("childern", "children"),
    ("resident chatbto", "resident chatbot"),
])
def test_a_misspelt_word_gets_a_suggestion(page, records, typed, suggested):
    html = page(q=typed)
    assert f'Did you mean <a class="govuk-link" href="?q={suggested.replace(" ", "+")}">{suggested}</a>?' in html


def test_following_the_suggestion_finds_records(search, records):
    assert search(q="chatbot") == ["Resident chatbot"]


def test_words_that_are_found_get_no_suggestion(page, records):
    assert "Did you mean" not in page(q="chatbot")


def test_the_start_of_a_word_gets_no_suggestion(page, records):
    assert "Did you mean" not in page(q="homeles")


def test_nothing_is_suggested_when_nothing_is_close(page, records):
    assert "Did you mean" not in page(q="zzyzx")


def test_a_suggestion_keeps_the_filters(page, records):
    html = page(q="chatbto", phase="pre-deployment")
    assert 'href="?phase=pre-deployment&amp;q=chatbot"' in html


def test_a_suggestion_that_would_find_nothing_with_the_filters_is_not_made(page, records):
    assert "Did you mean" not in page(q="chatbto", phase="production")
