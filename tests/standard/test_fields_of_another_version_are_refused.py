"""Content may hold only the fields of the version of the standard the record is written to."""

from algoreg.standard.validation import validate


def test_a_key_that_is_no_field_is_named():
    problems = validate({"name": "Tool", "favourite_colour": "blue"}, "4.0", for_publication=False)
    assert problems == {
        "favourite_colour": "“favourite_colour” is not a field of records written to version 4.0 of the standard"}


def test_a_field_of_an_earlier_version_is_refused_in_a_later_one():
    assert "scope" in validate({"name": "Tool", "scope": "Old field."}, "4.0", for_publication=False)
    assert "scope" not in validate({"name": "Tool", "scope": "Old field."}, "3.0", for_publication=False)
