"""The OpenAPI 3.1 document describes every record field from the one field definition, and the interactive
documentation is served from our own files under our strict content security policy."""

import re

import pytest

from algoreg.standard.fields import FIELDS, FieldType, all_fields

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def schema(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_it_is_openapi_3_1(schema):
    assert schema["openapi"].startswith("3.1")
    assert schema["info"]["license"]["name"] == "Open Government Licence v3.0"


def test_record_content_documents_every_field_with_its_type_and_values(schema):
    content = schema["components"]["schemas"]["RecordContent"]
    assert set(content["properties"]) == set(FIELDS)
    assert content["additionalProperties"] is False
    for f in FIELDS.values():
        described = content["properties"][f.key]
        assert described["title"] == f.label
        text = str(described)
        for value, _ in f.choices:
            assert value in text, (f.key, value)
        if f.type == FieldType.NUMBER:
            assert "'integer'" in text


def test_every_item_field_of_every_group_is_documented(schema):
    schemas = schema["components"]["schemas"]
    item_keys = set()
    for name, described in schemas.items():
        if re.fullmatch(r"[A-Za-z]+Entry", name):
            item_keys |= set(described["properties"])
    assert item_keys == {sub.key for f in all_fields() for sub in f.fields}


def test_draft_changes_are_described_for_each_version_of_the_standard(schema):
    body = schema["paths"]["/api/v1/drafts/{public_id}"]["patch"]["requestBody"]["content"]["application/json"]
    assert set(body["schema"]["discriminator"]["mapping"]) == {"1.1", "2.1", "3.0", "4.0"}
    v4 = schema["components"]["schemas"]["DraftContentV40"]
    assert "scope" not in v4["properties"] and "system_level_input" in v4["properties"]


def test_token_operations_need_a_bearer_token(schema):
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            needs_token = path.startswith("/api/v1/drafts")
            assert bool(operation.get("security")) == needs_token, path


def test_the_docs_page_uses_only_our_own_files(client, settings):
    response = client.get(f"{API}/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle" in html and "/api/v1/openapi.json" in html
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith(settings.STATIC_URL) for s in sources)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script>" not in html
