"""Each record page offers that record alone, in every format; only records the public can see are offered."""

import csv
import io
import json

import pytest

from algoreg.records import workflow
from tests.editor.helpers import complete_draft
from tests.transfer.helpers import xlsx_sheets

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content)  # reading to the end closes the response, as a server would


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_one_record_downloads_in_each_format(client, record, fmt):
    response = client.get(f"/records/{record.reference}/export.{fmt}")
    content = body(response)
    assert response.status_code == 200
    assert record.reference in response["Content-Disposition"]
    if fmt == "csv":
        [row] = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
        assert row["id"] == record.public_id
    elif fmt == "json":
        assert [r["id"] for r in json.loads(content)["records"]] == [record.public_id]
    else:
        assert xlsx_sheets(content)["Records"][1][0] == record.public_id


def test_one_record_downloads_in_the_atrs_layout(client, record):
    response = client.get(f"/records/{record.reference}/export-atrs.csv")
    [row] = csv.DictReader(io.StringIO(body(response).decode("utf-8-sig")))
    assert row["name"] == "Housing repairs triage"


def test_the_public_id_alone_is_enough(client, record):
    assert client.get(f"/records/{record.public_id}/export.csv").status_code == 200


def test_drafts_withdrawn_and_unknown_records_are_not_found(client, council, editor, record):
    draft = complete_draft(council, editor)
    workflow.withdraw(record, editor, "Published by mistake.")
    for reference in (draft.public_id, record.reference, "nosuchid-tool"):
        assert client.get(f"/records/{reference}/export.csv").status_code == 404
        assert client.get(f"/records/{reference}/export-atrs.csv").status_code == 404
