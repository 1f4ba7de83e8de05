"""Web and email addresses: the editor's checks, and the pattern the API documents for web addresses, which must
never promise an address the check would refuse."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from algoreg.standard.fields import FIELDS
from algoreg.standard.validation import MAX_TEXT, URL_PATTERN, value_error

WEBSITE = FIELDS["website_url"]
EMAIL = FIELDS["contact_email"]
WRONG_ADDRESS = "Enter a full web address for web page about the tool, starting with https://"


@pytest.mark.parametrize("address", ["https://www.example.gov.uk/repairs", "http://example.gov.uk",
                                     "https://example.gov.uk/café?q=1#top"])
def test_a_full_http_or_https_address_is_fine(address):
    assert value_error(WEBSITE, address) is None


@pytest.mark.parametrize("address", ["not a web address", "www.example.gov.uk", "ftp://example.gov.uk/file",
                                     "https://", "javascript:alert(1)"])
def test_anything_that_is_not_a_full_web_address_is_refused(address):
    assert value_error(WEBSITE, address) == WRONG_ADDRESS


def test_a_web_address_longer_than_short_text_is_refused():
    address = "https://example.gov.uk/" + "a" * MAX_TEXT
    assert value_error(WEBSITE, address) == f"Web page about the tool must be {MAX_TEXT:,} characters or fewer"


def test_an_email_address_is_checked():
    assert value_error(EMAIL, "team@example.gov.uk") is None
    assert value_error(EMAIL, "team at example") == (
        "Enter an email address in the correct format, like name@example.gov.uk")


@pytest.mark.parametrize("address", ["https://www.example.gov.uk/repairs", "https://example.gov.uk/café?q=1#top",
                                     "http://a.example.org:8080/x/y;z?p=1&q=2"])
def test_the_documented_pattern_takes_ordinary_addresses(address):
    assert re.search(URL_PATTERN, address)


@pytest.mark.parametrize("address", ["ftp://example.gov.uk/", "https://example.gov.uk/a b", "https://localhost/",
                                     "https://example.gov.uk/\x07", "https://example.gov.uk/a\u00a0b",
                                     "https://example.gov.uk/#\u3000"])
def test_the_documented_pattern_leaves_out_addresses_with_spaces_and_others_it_cannot_vouch_for(address):
    assert not re.search(URL_PATTERN, address)


# The same examples on every run, so the suite never fails by chance.
@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.from_regex(URL_PATTERN, fullmatch=True))
def test_every_address_the_documented_pattern_allows_the_editors_check_accepts(address):
    if len(address) <= MAX_TEXT:
        assert value_error(WEBSITE, address) is None, address
