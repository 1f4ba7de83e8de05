"""A draft may be incomplete; a record is published only with everything the standard requires."""

from algoreg.standard.fields import FIELDS
from algoreg.standard.validation import missing_message, validate
from tests.factories import complete_data


def test_a_complete_record_has_no_problems():
    assert validate(complete_data("4.0"), "4.0") == {}


def test_a_draft_may_leave_required_fields_empty():
    assert validate({"name": "Parking permit checker"}, "4.0", for_publication=False) == {}


def test_publishing_names_each_required_field_that_is_empty():
    data = complete_data("4.0")
    del data["description"], data["phase"], data["function"]
    data["team"] = ""
    assert validate(data, "4.0") == {
        "description": "Enter what the tool does and why",
        "phase": "Select the phase the tool is in",
        "function": "Select at least one service area",
        "team": "Enter team",
    }


def test_the_message_for_an_empty_field_fits_its_kind():
    assert missing_message(FIELDS["risks"]) == "Add at least one risk"
    assert missing_message(FIELDS["capability"]) == "Select at least one kind of tool"  # the field's own words
    assert missing_message(FIELDS["third_party_involvement"]) == (
        "Select yes if anyone outside the council helped build or run the tool")


def test_third_parties_are_required_only_when_the_record_says_there_were_some():
    data = complete_data("4.0", third_party_involvement="no")
    del data["suppliers"]
    assert validate(data, "4.0") == {}
    data["third_party_involvement"] = "yes"
    assert validate(data, "4.0") == {"suppliers": "Add at least one third party"}
