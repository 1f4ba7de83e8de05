"""A council may withhold a field it cannot publish, with a reason; some fields must always be published."""

from algoreg.standard.validation import validate
from tests.factories import complete_data


def _without(data: dict, key: str) -> dict:
    return {k: v for k, v in data.items() if k != key}


def test_a_withheld_field_with_a_reason_counts_as_answered():
    data = _without(complete_data("4.0"), "team")
    data["withheld"] = {"team": "The team is two people, who could be identified."}
    assert validate(data, "4.0") == {}


def test_a_withheld_field_needs_a_reason():
    data = _without(complete_data("4.0"), "team")
    data["withheld"] = {"team": ""}
    assert validate(data, "4.0") == {"team": "Give the reason team is withheld"}


def test_some_fields_must_be_published():
    data = _without(complete_data("4.0"), "name")
    data["withheld"] = {"name": "Secret."}
    assert validate(data, "4.0") == {"name": "Name of the tool must be published; it cannot be withheld"}


def test_withholding_a_field_the_record_does_not_have_is_refused():
    data = {**complete_data("4.0"), "withheld": {"scope": "Old field."}}
    assert validate(data, "4.0") == {"scope": "“scope” is withheld but is not a field of this record"}


def test_withheld_fields_must_each_have_a_reason_in_words():
    data = {**complete_data("4.0"), "withheld": ["team"]}
    assert validate(data, "4.0") == {"withheld": "Withheld fields must each have a reason in words"}
