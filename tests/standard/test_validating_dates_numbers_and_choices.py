"""Dates, whole numbers and choices from a list."""

import pytest

from algoreg.standard.fields import FIELDS
from algoreg.standard.validation import value_error


def test_a_real_date_is_fine_and_an_impossible_one_is_refused():
    f = FIELDS["next_review_date"]
    assert value_error(f, "2026-03-01") is None
    assert value_error(f, "2026-02-30") == "Next review date must be a real date"
    assert value_error(f, "next spring") == "Next review date must be a real date"


@pytest.mark.parametrize("number", [0, 1200])
def test_a_whole_number_of_0_or_more_is_fine(number):
    assert value_error(FIELDS["decisions_per_year"], number) is None


@pytest.mark.parametrize("number", [-1, 12.5, "12", True])
def test_anything_but_a_whole_number_of_0_or_more_is_refused(number):
    message = "Cases handled each year must be a whole number, 0 or more"
    assert value_error(FIELDS["decisions_per_year"], number) == message


def test_a_choice_must_be_one_of_the_options():
    f = FIELDS["phase"]
    assert value_error(f, f.choices[0][0]) is None
    assert value_error(f, "finished") == "Select one of the options for phase"
    assert value_error(f, [f.choices[0][0]]) == "Select one of the options for phase"


def test_a_multiple_choice_is_a_list_of_options():
    f = FIELDS["function"]
    assert value_error(f, [f.choices[0][0], f.choices[1][0]]) is None
    assert value_error(f, f.choices[0][0]) == "Select only options from the list for service area"
    assert value_error(f, [f.choices[0][0], "made-up"]) == "Select only options from the list for service area"
