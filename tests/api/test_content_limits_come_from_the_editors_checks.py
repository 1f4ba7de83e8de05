"""The limits the API documents and enforces on a draft's fields are read from the field definition and the editor's
checks (algoreg/standard/validation.py), so a rule changed there changes in the API too."""

import pytest

from algoreg.standard.fields import FieldType, all_fields, sections_for
from algoreg.standard.validation import URL_PATTERN, max_length
from tests.api.conftest import bearer
from tests.editor.helpers import new_draft

pytestmark = pytest.mark.django_db
API = "/api/v1"
TEXT_TYPES = (FieldType.TEXT, FieldType.LONG_TEXT, FieldType.URL, FieldType.EMAIL)


@pytest.fixture
def schemas(client):
    return client.get(f"{API}/openapi.json").json()["components"]["schemas"]


def _fields_of_v4():
    for section in sections_for("4.0"):
        for f in section.fields:
            yield f, "DraftContentV40"
            for sub in f.fields:
                if sub.applies_to("4.0"):
                    yield sub, "".join(word.title() for word in f.key.split("_")) + "EntryV40"


def _text_schema(described: dict) -> dict:
    """The text part of a field's schema: not null, not withheld, not the empty string meaning no value."""
    kinds = described.get("anyOf", [described])
    found = [k for k in kinds if k.get("type") == "string" and k.get("maxLength") != 0]
    assert len(found) == 1, described
    return found[0]


def test_every_text_field_has_the_editors_length_limit(schemas):
    checked = 0
    for f, model in _fields_of_v4():
        if f.type in TEXT_TYPES:
            assert _text_schema(schemas[model]["properties"][f.key])["maxLength"] == max_length(f), f.key
            checked += 1
    assert checked > 40


def test_web_addresses_have_the_pattern_written_beside_the_editors_check(schemas):
    urls = [(f, model) for f, model in _fields_of_v4() if f.type == FieldType.URL]
    assert urls
    for f, model in urls:
        assert _text_schema(schemas[model]["properties"][f.key])["pattern"] == URL_PATTERN, f.key


def test_text_of_a_set_form_has_the_pattern_of_its_field_definition(schemas):
    patterned = [f for f in all_fields() if f.pattern]
    assert patterned
    for f in patterned:
        pattern = _text_schema(schemas["SuppliersEntryV40"]["properties"][f.key])["pattern"]
        assert pattern == f"^(?:{f.pattern})?$"


def test_a_companies_house_number_in_other_digits_is_refused_as_in_the_editor(client, token, council, editor):
    draft = new_draft(council, editor, name="Repairs triage")
    body = {"standard_version": "4.0", "revision": draft.draft.revision,
            "content": {"suppliers": [{"third_party": "Acme", "companies_house_number": "٠١٢٣٤٥٦٧"}]}}
    response = client.patch(f"{API}/drafts/{draft.public_id}", body, content_type="application/json",
                            **bearer(token))
    assert response.status_code == 422
    assert response.json()["errors"] == [{
        "path": "suppliers.0.companies_house_number", "location": "content",
        "message": "Enter a Companies House number of 8 characters, like 01234567 or SC123456 (third party 1)"}]
