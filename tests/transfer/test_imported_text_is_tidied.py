"""Text read from an imported file is stored tidied exactly as the editor and the API store it
(algoreg.standard.cleaning), whatever the file's layout."""

import csv
import io
import json

import pytest

from algoreg.records.models import RecordDraft
from tests.transfer.helpers import import_file
from tests.untidy_text import BALANCED, MULTI_LINE, MULTI_LINE_TIDY, SINGLE_LINE, SINGLE_LINE_TIDY

pytestmark = pytest.mark.django_db

UNTIDY = {"name": SINGLE_LINE, "team": SINGLE_LINE, "description": MULTI_LINE, "task": BALANCED,
          "risks.1.category": "data", "risks.1.name": SINGLE_LINE, "risks.1.mitigation": MULTI_LINE,
          "withheld.region": MULTI_LINE}
TIDY = {"name": SINGLE_LINE_TIDY, "team": SINGLE_LINE_TIDY, "description": MULTI_LINE_TIDY, "task": BALANCED,
        "risks": [{"category": "data", "name": SINGLE_LINE_TIDY, "mitigation": MULTI_LINE_TIDY}],
        "withheld": {"region": MULTI_LINE_TIDY}}


def csv_file(columns: dict[str, str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "kind", "organisation_slug", *columns])
    writer.writerow(["A1", "full", "", *columns.values()])
    return out.getvalue().encode()


def test_text_from_a_csv_file_is_stored_tidied(council, editor):
    plan = import_file(csv_file(UNTIDY), council, user=editor)
    assert plan.ok, [p.message for row in plan.rows for p in row.problems]
    assert RecordDraft.objects.get().data == TIDY


def test_text_from_a_json_file_is_stored_tidied(council, editor):
    data = {"name": SINGLE_LINE, "team": SINGLE_LINE, "description": MULTI_LINE, "task": BALANCED,
            "risks": [{"category": "data", "name": SINGLE_LINE, "mitigation": MULTI_LINE, "description": "\x1b"}],
            "withheld": {"region": MULTI_LINE}}
    plan = import_file(json.dumps({"records": [{"id": "A1", "data": data}]}).encode(), council, user=editor)
    assert plan.ok, [p.message for row in plan.rows for p in row.problems]
    assert RecordDraft.objects.get().data == TIDY


def test_the_dry_run_shows_the_tidied_text(council, editor):
    plan = import_file(csv_file({"name": SINGLE_LINE}), council, user=editor)
    assert [(c.key, c.preview) for c in plan.rows[0].changes] == [("name", SINGLE_LINE_TIDY)]
