"""The dry run says which fields each draft still needs before it can be published, by their labels, and shows
values as people read them ("Production", not the stored "production"), on the web and on the command line."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from algoreg.standard.fields import FIELDS
from tests.factories import complete_data
from tests.transfer.helpers import import_file

pytestmark = pytest.mark.django_db

PARTIAL = b"name,phase,team\nRepairs triage,production,Housing\n"


def json_file(data: dict) -> bytes:
    return json.dumps([{"data": data}]).encode()


def without(*keys: str) -> dict:
    return {key: value for key, value in complete_data().items() if key not in keys}


def test_each_row_lists_the_fields_still_to_fill_in_by_label_in_the_record_s_order(council, editor):
    [row] = import_file(json_file(without("contact_email", "benefits")), council, user=editor).rows
    assert row.still_needed == [FIELDS["contact_email"].label, FIELDS["benefits"].label]


def test_a_missing_part_of_an_entry_is_named_with_its_entry(council, editor):
    data = {**complete_data(), "risks": [{"category": "data", "name": "Old data"}, {"category": "data"}]}
    [row] = import_file(json_file(data), council, user=editor).rows
    assert row.still_needed == ["Risk 2: Risk"]


def test_the_web_report_names_the_missing_fields_and_shows_choices_by_their_labels(client, editor):
    client.force_login(editor)
    data = {**without("contact_email"), "phase": "production", "region": ["north-east"]}
    report = client.post("/manage/import/", {"file": SimpleUploadedFile("one.json", json_file(data))})
    page = client.get(report["Location"]).content.decode()
    assert "1 field still to fill in before it can be published: Contact email." in page
    assert "<strong>Phase</strong> added: Production" in page
    assert "<strong>Area covered</strong> added: North East" in page
    assert "production" not in page and "north-east" not in page


def test_the_command_names_the_missing_fields_and_shows_choices_by_their_labels(council, tmp_path):
    path = tmp_path / "tools.csv"
    path.write_bytes(PARTIAL)
    out = io.StringIO()
    call_command("import_records", str(path), "--organisation", council.slug, "--dry-run", verbosity=2, stdout=out)
    text = out.getvalue()
    needed = next(line for line in text.splitlines() if "still to fill in" in line)
    assert FIELDS["contact_email"].label in needed and FIELDS["benefits"].label in needed
    assert FIELDS["team"].label not in needed and FIELDS["phase"].label not in needed
    assert "Phase (phase) added: Production" in text


def test_withheld_fields_are_shown_by_their_labels(council, editor):
    data = {**without("team"), "withheld": {"team": "Named staff."}}
    [row] = import_file(json_file(data), council, user=editor).rows
    withheld = next(change for change in row.changes if change.key == "withheld")
    assert withheld.preview == "Team: Named staff."
