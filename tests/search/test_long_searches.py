"""A search longer than the register takes is not run: the page says so the GOV.UK way, with the box ready to
shorten, instead of the server's bare "414 Request-URI Too Long" that a long enough address would get."""

import pytest

from algoreg.search.query import MAX_CHARACTERS

pytestmark = pytest.mark.django_db
MESSAGE = f"Your search must be {MAX_CHARACTERS} characters or less."


@pytest.fixture
def records(publish):
    publish("Housing repairs triage")
    publish("Benefits chatbot")


@pytest.mark.parametrize("path", ["/records/", "/organisations/example-borough-council/"])
def test_a_search_too_long_gets_a_govuk_error_message_and_no_results(page, records, path):
    html = page(path, q="housing " * 40)  # 320 characters
    assert "<title>Error: " in html
    assert 'class="govuk-error-summary"' in html and 'href="#q"' in html
    assert f'<p id="q-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {MESSAGE}' \
           f' It has 320.</p>' in html
    assert "govuk-input--error" in html and "q-error" in html.split('id="q"')[1].split(">")[0]
    assert "Housing repairs triage" not in html and "No records match" not in html


def test_the_box_keeps_the_search_cut_to_the_length_allowed(page, records):
    html = page(q="x" * 5_000)
    assert f'value="{"x" * MAX_CHARACTERS}"' in html and "It has 5,000." in html


def test_a_search_of_the_longest_length_allowed_is_run(page, records):
    html = page(q=("housing " * 40)[:MAX_CHARACTERS])
    assert "govuk-error-message" not in html and "There is a problem" not in html


def test_the_search_boxes_stop_typing_before_the_server_would_refuse_the_address(client, records):
    for path in ("/", "/records/", "/organisations/example-borough-council/"):
        assert 'maxlength="600"' in client.get(path).content.decode(), path
