"""Text with spaces at its ends and Windows line ends is stored the same whichever way it comes in (the editor, the
API, an import), so a record's own CSV or JSON export imports again as "No change". Versions published before text
was tidied import as "No change" too: they differ from their export only in what tidying removes."""

import csv
import io

import pytest

from algoreg.api.tokens import create_token
from algoreg.records.models import Record, RecordDraft
from algoreg.records.publishing import publish
from algoreg.records.workflow import create_record
from tests.api.conftest import bearer
from tests.factories import complete_data
from tests.transfer.helpers import export, import_file
from tests.untidy_text import MULTI_LINE, MULTI_LINE_TIDY, SINGLE_LINE, SINGLE_LINE_TIDY

pytestmark = pytest.mark.django_db

TRAILING = "Housing repairs   "  # a single-line field with spaces at its end
CRLF = "Checked every week.  \r\nReviewed every year.\r\n"  # a multi-line field as a Windows form sends it


def through_the_editor(client, council, editor, api_token) -> Record:
    record = create_record(council, editor, "Repairs triage")
    RecordDraft.objects.filter(record=record).update(data=complete_data(name="Repairs triage"))
    client.force_login(editor)
    draft = RecordDraft.objects.get(record=record)
    client.post(f"/manage/records/{record.public_id}/sections/owner/",
                {"revision": draft.revision, "action": "save", "organisation_or_department": SINGLE_LINE,
                 "team": TRAILING, "senior_responsible_owner": "Director", "third_party_involvement": "no"})
    draft.refresh_from_db()
    client.post(f"/manage/records/{record.public_id}/sections/tool/",
                {"revision": draft.revision, "action": "save", "maintenance": CRLF, "system_architecture": MULTI_LINE,
                 "system_level_input": "In", "system_level_output": "Out"})
    return record


def through_the_api(client, council, editor, api_token) -> Record:
    record = create_record(council, editor, "Repairs triage")
    RecordDraft.objects.filter(record=record).update(data=complete_data(name="Repairs triage"))
    content = {"organisation_or_department": SINGLE_LINE, "team": TRAILING, "maintenance": CRLF,
               "system_architecture": MULTI_LINE}
    response = client.patch(f"/api/v1/drafts/{record.public_id}",
                            {"standard_version": "4.0", "revision": 1, "content": content},
                            content_type="application/json", **bearer(api_token))
    assert response.status_code == 200, response.json()
    return record


def through_an_import(client, council, editor, api_token) -> Record:
    data = complete_data(name="Repairs triage", organisation_or_department=SINGLE_LINE, team=TRAILING,
                         maintenance=CRLF, system_architecture=MULTI_LINE)
    columns = {key: value for key, value in data.items() if isinstance(value, str)}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "kind", "organisation_slug", *columns])
    writer.writerow(["A1", "full", "", *columns.values()])
    plan = import_file(out.getvalue().encode(), council, user=editor)
    assert plan.ok, [p.message for row in plan.rows for p in row.problems]
    return Record.objects.get(source_id="A1")


@pytest.fixture
def api_token(council, org_admin) -> str:
    _, secret = create_token(council, org_admin, "Case system", read_drafts=True, write_drafts=True,
                             submit_drafts=False)
    return secret


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("way_in", [through_the_editor, through_the_api, through_an_import])
def test_text_saved_any_way_is_stored_tidied_and_its_export_imports_as_no_change(
        client, council, editor, api_token, way_in, fmt):
    record = way_in(client, council, editor, api_token)
    data = RecordDraft.objects.get(record=record).data
    assert (data["organisation_or_department"], data["team"]) == (SINGLE_LINE_TIDY, "Housing repairs")
    assert data["maintenance"] == "Checked every week.  \nReviewed every year."
    assert data["system_architecture"] == MULTI_LINE_TIDY
    publish(record, data, "4.0", "First published.")
    RecordDraft.objects.filter(record=record).delete()

    plan = import_file(export(fmt, council), council, user=editor)
    assert [(row.action, row.changes) for row in plan.rows] == [("unchanged", [])]
    assert not RecordDraft.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_version_published_before_tidying_imports_as_no_change(council, editor, fmt):
    record = Record.objects.create(organisation=council)
    publish(record, complete_data(team=TRAILING, maintenance=CRLF, system_architecture=MULTI_LINE,
                                  risks=[{"category": "data", "name": f"{SINGLE_LINE}"}]), "4.0", "First.")
    plan = import_file(export(fmt, council), council, user=editor)
    assert [(row.action, row.changes) for row in plan.rows] == [("unchanged", [])]
    assert not RecordDraft.objects.exists()
