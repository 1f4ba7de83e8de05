"""Text fields: their length limits, and text of a set form such as a Companies House number."""

import pytest

from algoreg.standard.fields import FIELDS, FieldType, all_fields
from algoreg.standard.validation import MAX_LONG_TEXT, MAX_TEXT, max_length, value_error

COMPANIES_HOUSE = next(f for f in all_fields() if f.key == "companies_house_number")


def test_short_text_and_long_text_have_their_own_limits():
    assert max_length(FIELDS["team"]) == MAX_TEXT
    assert max_length(FIELDS["description"]) == MAX_LONG_TEXT
    assert max_length(FIELDS["website_url"]) == max_length(FIELDS["contact_email"]) == MAX_TEXT


@pytest.mark.parametrize("key", ["team", "description"])
def test_text_up_to_the_limit_is_fine_and_one_character_more_is_refused(key):
    f = FIELDS[key]
    limit = max_length(f)
    assert value_error(f, "a" * limit) is None
    assert value_error(f, "a" * (limit + 1)) == f"{f.label} must be {limit:,} characters or fewer"


def test_a_value_that_is_not_text_is_refused():
    assert value_error(FIELDS["team"], 12) == "Team must be text"


@pytest.mark.parametrize("number", ["01234567", "SC123456", "NI000001"])
def test_a_companies_house_number_of_eight_characters_is_fine(number):
    assert value_error(COMPANIES_HOUSE, number) is None


@pytest.mark.parametrize("number", ["123", "0123456789", "sc123456", "SC12345X", "0123 4567", "01234567\n",
                                    "٠١٢٣٤٥٦٧"])
def test_anything_else_is_refused_with_the_fields_own_message(number):
    assert value_error(COMPANIES_HOUSE, number) == (
        "Enter a Companies House number of 8 characters, like 01234567 or SC123456")


def test_every_field_with_a_set_form_is_text_and_says_what_is_wrong():
    patterned = [f for f in all_fields() if f.pattern]
    assert patterned == [COMPANIES_HOUSE]
    assert all(f.type == FieldType.TEXT and f.pattern_message for f in patterned)
