"""The bulk downloads: every format answers, says its licence and when it was made, and holds only listed records."""

import csv
import io
import json

import pytest

from algoreg.records import workflow
from tests.editor.helpers import complete_draft
from tests.factories import make_published_record
from tests.transfer.helpers import xlsx_sheets

pytestmark = pytest.mark.django_db

DOWNLOADS = ["/records/export.csv", "/records/export.json", "/records/export.xlsx", "/records/export-atrs.csv",
             "/records/history-export.csv"]


def body(response) -> bytes:
    return b"".join(response.streaming_content)  # reading to the end closes the response, as a server would


def csv_ids(content: bytes) -> set[str]:
    return {row["id"] for row in csv.DictReader(io.StringIO(content.decode("utf-8-sig")))}


@pytest.mark.parametrize("path", DOWNLOADS)
def test_each_download_says_its_licence_and_when_it_was_made(client, record, path):
    response = client.get(path)
    body(response)
    assert response.status_code == 200
    assert 'rel="license"' in response["Link"]
    assert "open-government-licence/version/3" in response["Link"]
    assert "/open-data-licence/" in response["Link"]
    assert response["Last-Modified"]
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment") and "Z." in disposition  # the file name carries the UTC time


def test_the_csv_is_utf8_with_a_byte_order_mark_and_one_row_per_record(client, council):
    make_published_record(council, name="Café allocations ✓")
    make_published_record(council, name="Second tool")
    content = body(client.get("/records/export.csv"))
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert [row["name"] for row in rows] == ["Café allocations ✓", "Second tool"]


def test_the_json_states_the_licence_and_generation_time_and_nests_each_record(client, record):
    document = json.loads(body(client.get("/records/export.json")))
    assert document["licence"]["name"] == "Open Government Licence v3.0"
    assert document["generated_at"].endswith("+00:00")
    [entry] = document["records"]
    assert entry["id"] == record.public_id
    assert entry["organisation"]["slug"] == record.organisation.slug
    version = entry["version"]
    assert (version["number"], version["standard_version"], version["change_note"]) == (1, "4.0", "First published.")
    assert version["published_at"] == record.current_version.published_at.isoformat()
    assert entry["data"] == record.current_version.data


def test_the_xlsx_has_a_readme_sheet_with_the_licence_and_one_sheet_per_section(client, record):
    sheets = xlsx_sheets(body(client.get("/records/export.xlsx")))
    readme = {row[0]: row[1:] for row in sheets["README"] if row and row[0]}
    assert readme["Licence"][0] == "Open Government Licence v3.0"
    assert readme["Generated"][0]
    assert readme["Records"][0] == "1"
    assert list(sheets)[:3] == ["README", "Records", "Summary"]
    assert "Risks and impact assessments" in sheets
    assert sheets["Summary"][1][0] == record.public_id


def test_drafts_and_withdrawn_records_are_never_exported(client, council, editor, record):
    draft = complete_draft(council, editor)
    gone = make_published_record(council, name="Withdrawn tool")
    workflow.withdraw(gone, editor, "Published by mistake.")
    ids = csv_ids(body(client.get("/records/export.csv")))
    assert ids == {record.public_id}
    assert draft.public_id not in ids


def test_retired_records_are_exported_with_when_and_why(client, council, editor, record):
    workflow.retire(record, editor, "Replaced by a new system.")
    [row] = csv.DictReader(io.StringIO(body(client.get("/records/export.csv")).decode("utf-8-sig")))
    assert row["status"] == "retired" and row["retired_reason"] == "Replaced by a new system."
    assert row["retired_at"]


def test_an_organisation_can_be_downloaded_on_its_own(client, council, other_council, record):
    theirs = make_published_record(other_council, name="Theirs")
    content = body(client.get(f"/records/export.csv?organisation={other_council.slug}"))
    assert csv_ids(content) == {theirs.public_id}
    assert client.get("/records/export.csv?organisation=no-such-council").status_code == 404


def test_an_empty_register_still_gives_a_header_row(client, db):
    rows = list(csv.reader(io.StringIO(body(client.get("/records/export.csv")).decode("utf-8-sig"))))
    assert len(rows) == 1 and rows[0][:3] == ["id", "url", "organisation"]
    assert json.loads(body(client.get("/records/export.json")))["records"] == []


def test_the_pages_link_to_the_downloads(client, record):
    listing = client.get("/records/").content.decode()
    assert "/records/export.csv" in listing and "/records/export-atrs.csv" in listing
    assert "/records/history-export.csv" in listing
    organisation = client.get(f"/organisations/{record.organisation.slug}/").content.decode()
    assert f"/records/export.xlsx?organisation={record.organisation.slug}" in organisation
    page = client.get(record.get_absolute_url()).content.decode()
    assert f"/records/{record.reference}/export.json" in page


def test_an_organisation_whose_slug_its_page_cannot_show_still_exports(client, db):
    from tests.factories import make_organisation

    odd = make_organisation("St Helens Borough Council", slug="st.-helens")
    make_published_record(odd, name="Blue badge checks")
    [entry] = json.loads(body(client.get("/records/export.json")))["records"]
    assert entry["organisation"]["slug"] == "st.-helens" and entry["organisation"]["url"] == ""
