"""Any spreadsheet imports with a mapping file: columns to fields, words to choices, fixed values, identifiers, and
every column either used or deliberately ignored."""

import json

import pytest

from algoreg.records.models import RecordDraft
from algoreg.transfer.mapping import MappingError, load_mapping
from tests.transfer.helpers import import_file

pytestmark = pytest.mark.django_db

MAPPING = {
    "title": "the housing team's list",
    "source_id": {"columns": ["Ref"], "otherwise": ["Tool"]},
    "fields": {
        "name": {"column": "Tool"},
        "description": {"columns": ["Purpose", "Notes"], "join": "\n\n"},
        "phase": {"column": "Stage", "values": {"Live": "production", "Trial": "private-beta"}},
        "function": {"column": "Areas", "split": "/", "values": {"Housing": "housing-and-community-amenities"}},
        "region": {"value": ["england"]},
        "contact_email": {"column": "Email", "if_invalid": "leave_blank"},
        "next_review_date": {"column": "Review", "date_format": "%m/%d/%Y"},
        "suppliers.1.third_party": {"column": "Supplier"},
    },
    "ignore": ["Internal notes"],
}
HEADER = "Ref;Tool;Purpose;Notes;Stage;Areas;Email;Review;Supplier;Internal notes\n"


def mapping(**changes):
    return load_mapping(json.dumps({**MAPPING, **changes}))


def test_columns_become_fields_through_the_mapping(council, editor):
    raw = (HEADER + "H-1;Repairs triage;Sorts repairs;By urgency;Live;Housing/Health;repairs@example.gov.uk;"
           "12/31/2026;Acme Ltd;not for publication\n").encode("cp1252")
    plan = import_file(raw, council, user=editor, mapping=mapping())
    assert plan.ok, plan.rows[0].problems
    draft = RecordDraft.objects.get()
    assert draft.record.source_id == "H-1"
    assert draft.data == {
        "name": "Repairs triage", "description": "Sorts repairs\n\nBy urgency", "phase": "production",
        "function": ["housing-and-community-amenities", "health"], "region": ["england"],
        "contact_email": "repairs@example.gov.uk", "next_review_date": "2026-12-31",
        "suppliers": [{"third_party": "Acme Ltd"}],
    }


def test_a_word_missing_from_the_value_map_is_a_problem_for_that_row(council, editor):
    raw = (HEADER + "H-1;Repairs triage;;;Retiring soon;;;;;\n").encode()
    plan = import_file(raw, council, user=editor, mapping=mapping())
    [problem] = plan.rows[0].problems
    assert problem.where == "Stage (for phase)" and "“Retiring soon” is not one of the options" in problem.message


def test_an_invalid_value_can_be_left_out_with_a_note(council, editor):
    raw = (HEADER + "H-1;Repairs triage;;;;;not an email;;;\n").encode()
    plan = import_file(raw, council, user=editor, mapping=mapping())
    assert plan.ok and "contact_email" not in RecordDraft.objects.get().data
    assert "“not an email” was left out" in plan.rows[0].row.notes[0]


def test_a_column_neither_mapped_nor_ignored_stops_the_import(council, editor):
    raw = (HEADER.strip() + ";Budget\nH-1;Repairs triage;;;;;;;;;£5\n").encode()
    plan = import_file(raw, council, user=editor, mapping=mapping())
    assert plan.problems == ["Column “Budget” is not in the mapping. Map it to a field, or list it under “ignore” "
                             "to leave it out."]
    assert not RecordDraft.objects.exists()


def test_a_column_the_mapping_needs_but_the_file_lacks_is_named(council, editor):
    plan = import_file(b"Ref;Tool\nH-1;Repairs triage\n", council, user=editor, mapping=mapping(ignore=[]))
    assert "The mapping uses the column “Purpose”, which the file does not have." in plan.problems


def test_without_an_identifier_column_the_name_identifies_the_row(council, editor):
    raw = (HEADER + ";Repairs triage;;;;;;;;\n").encode()
    import_file(raw, council, user=editor, mapping=mapping())
    assert RecordDraft.objects.get().record.source_id == "Repairs triage"


@pytest.mark.parametrize(("spec", "says"), [
    ("not json", "not valid JSON"),
    ("[]", "must be a JSON object"),
    (json.dumps({"fields": {"colour": {"column": "A"}}}), "“colour” is not a field of the register"),
    (json.dumps({"fields": {"name": {"column": "A", "value": "B"}}}), "exactly one of"),
    (json.dumps({"fields": {"name": {"column": "A"}, "phase": {"column": "B", "values": {"x": "alpha"}}}}),
     "“alpha” is not one of the options for phase"),
    (json.dumps({"fields": {"description": {"column": "A"}}}), "Map the field “name”"),
    (json.dumps({"fields": {"name": {"column": "A"}}, "colour": 1}), "“colour” is not a setting"),
    (json.dumps({"fields": {"name": {"column": "A"}}, "organisation": {"column": "B", "new": {"type": "x"}}}),
     "organisation.new"),
])
def test_a_wrong_mapping_file_is_explained(spec, says):
    with pytest.raises(MappingError) as error:
        load_mapping(spec)
    assert any(says in problem for problem in error.value.problems)

