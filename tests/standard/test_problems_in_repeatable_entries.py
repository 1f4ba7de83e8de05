"""Each entry of a repeatable group (a risk, a third party...) is checked, and a problem is named by its path."""

from algoreg.standard.validation import validate


def test_a_problem_in_an_entry_is_named_by_its_path_and_says_which_entry():
    data = {"name": "Tool", "risks": [{"name": "Fine"}, {"name": 3, "colour": "red"}],
            "suppliers": [{"third_party": "Acme", "companies_house_number": "123"}]}
    assert validate(data, "4.0", for_publication=False) == {
        "risks.1.name": "Risk must be text (risk 2)",
        "risks.1.colour": "“colour” is not part of a risk",
        "suppliers.0.companies_house_number": (
            "Enter a Companies House number of 8 characters, like 01234567 or SC123456 (third party 1)"),
    }


def test_an_entry_missing_a_required_part_is_refused_only_for_publication():
    data = {"name": "Tool", "risks": [{"description": "Late repairs."}]}
    assert "risks.0.name" not in validate(data, "4.0", for_publication=False)
    assert validate(data, "4.0")["risks.0.name"].endswith("for risk 1")


def test_a_group_must_be_a_list_of_entries():
    problems = validate({"name": "Tool", "risks": "Late repairs."}, "4.0", for_publication=False)
    assert problems == {"risks": "Risks and how they are reduced must be a list of entries"}
