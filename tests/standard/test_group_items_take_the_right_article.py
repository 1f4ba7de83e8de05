"""Buttons and messages about one entry of a repeatable group read as English: "Add an impact assessment"."""

import pytest

from algoreg.standard.fields import FIELDS, Field, FieldType
from tests.editor.helpers import new_draft

# Every repeatable group, with what one entry is called and its article, as a person would write it.
EXPECTED = {
    "suppliers": "a third party",
    "legal_basis": "a legal basis",
    "model_specifications": "a model",
    "development_datasets": "a dataset",
    "impact_assessments": "an impact assessment",
    "risks": "a risk",
}
GROUPS = [f for f in FIELDS.values() if f.is_group]


def test_every_repeatable_group_is_listed_here_so_a_new_one_gets_its_article_checked():
    assert {f.key for f in GROUPS} == set(EXPECTED)


@pytest.mark.parametrize("group", GROUPS, ids=lambda f: f.key)
def test_each_group_item_takes_the_right_article(group):
    assert group.item_with_article == EXPECTED[group.key]


@pytest.mark.parametrize(("item_name", "article", "expected"), [
    ("apple", "", "an apple"), ("Evaluation", "", "an Evaluation"), ("user survey", "a", "a user survey"),
    ("hour of data", "an", "an hour of data"), ("risk", "", "a risk"),
])
def test_the_rule_picks_an_before_a_vowel_unless_the_field_says_otherwise(item_name, article, expected):
    group = Field("things", "Things", "", FieldType.GROUP, item_name=item_name, item_article=article)
    assert group.item_with_article == expected


@pytest.mark.django_db
def test_the_risks_section_offers_to_add_an_impact_assessment_and_a_risk(client, editor, council):
    record = new_draft(council, editor)
    client.force_login(editor)
    page = client.get(f"/manage/records/{record.public_id}/sections/risks/").content.decode()
    assert "Add an impact assessment" in page and "Add a risk" in page
    assert "Add a impact" not in page
    page = client.post(f"/manage/records/{record.public_id}/sections/risks/",
                       {"revision": "1", "action": "add:impact_assessments", "impact_assessments-count": "0"})
    assert "Add another impact assessment" in page.content.decode()


def test_a_stray_key_in_an_entry_is_explained_with_the_right_article():
    from algoreg.standard.validation import validate_items

    errors = validate_items(FIELDS["impact_assessments"], [{"colour": "red"}], "4.0", for_publication=False)
    assert errors == {"impact_assessments.0.colour": "“colour” is not part of an impact assessment"}
