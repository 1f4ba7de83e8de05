"""Register admins (on the command line) may publish rows at once: files from elsewhere become summaries of records
published elsewhere; this register's own exports keep their kind, identifiers and dates."""

import io
import json

import pytest
from django.core.management import call_command

from algoreg.organisations.models import Organisation
from algoreg.records.models import Record, new_public_id
from algoreg.records.publishing import publish
from tests.factories import make_organisation, make_published_record
from tests.transfer.helpers import export

pytestmark = pytest.mark.django_db

MAPPING = {
    "source_id": {"columns": ["Ref"]},
    "organisation": {"column": "Body", "new": {"type": "agency-or-public-body", "region": "international",
                                               "slug_prefix": "abroad-"}},
    "source_url": {"value": "https://inventory.example/list"},
    "fields": {"name": {"column": "Tool"}, "description": {"column": "What"}},
}


def run(tmp_path, content: bytes, *args) -> str:
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    out = io.StringIO()
    call_command("import_records", str(path), *args, stdout=out)
    return out.getvalue()


def test_rows_from_elsewhere_become_published_summaries_under_new_organisations(tmp_path, client):
    (tmp_path / "map.json").write_text(json.dumps(MAPPING))
    run(tmp_path, b"Ref,Body,Tool,What\nX-1,Ministry of Examples,Chatbot,Answers questions\n",
        "--mapping", str(tmp_path / "map.json"), "--as-published-summaries")
    record = Record.objects.get()
    assert (record.kind, record.status, record.source_url) == ("summary", "published", "https://inventory.example/list")
    assert record.current_version.data == {"name": "Chatbot", "description": "Answers questions"}
    assert record.organisation.slug == "abroad-ministry-of-examples"
    assert record.organisation.org_type == "agency-or-public-body"
    assert "Chatbot" in client.get("/records/?q=chatbot").content.decode()  # in the search index too


def test_organisations_are_only_added_when_the_mapping_says_how(tmp_path):
    spec = {**MAPPING, "organisation": {"column": "Body"}}
    (tmp_path / "map.json").write_text(json.dumps(spec))
    with pytest.raises(Exception, match="Nothing was imported"):
        run(tmp_path, b"Ref,Body,Tool,What\nX-1,Ministry of Examples,Chatbot,Answers\n",
            "--mapping", str(tmp_path / "map.json"), "--as-published-summaries")
    assert not Organisation.objects.exists()


def test_a_council_named_in_a_file_is_found_by_any_of_its_names(tmp_path):
    camden = make_organisation("London Borough of Camden", gss_code="E09000007")
    run(tmp_path, b"name,organisation_name\nParking checks,Camden Council\n", "--as-published-summaries")
    assert Record.objects.get().organisation == camden


def test_a_register_moving_to_another_keeps_ids_kinds_and_dates(tmp_path, council, other_council):
    make_published_record(council, name="Full record")
    summary = Record.objects.create(organisation=council, kind="summary", source_url="https://www.gov.uk/x")
    publish(summary, {"name": "Summary"}, "", "Summary of the record published on GOV.UK.")
    before = {r.public_id: (r.kind, r.first_published_at, r.last_published_at, r.source_url)
              for r in Record.objects.all()}
    raw = export("json", council)
    for record in Record.objects.all():  # the old register's copies go elsewhere, out of the way
        Record.objects.filter(pk=record.pk).update(organisation=other_council, public_id=new_public_id())
    run(tmp_path, raw, "--as-published-summaries")
    after = {r.public_id: (r.kind, r.first_published_at, r.last_published_at, r.source_url)
             for r in Record.objects.filter(organisation=council)}
    assert after == before
