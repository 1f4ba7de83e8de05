"""The full history: one row for every published version of every record, oldest first."""

import csv
import io

import pytest

from algoreg.records.publishing import publish
from tests.factories import complete_data, make_published_record
from tests.transfer.helpers import export

pytestmark = pytest.mark.django_db


def test_every_published_version_has_a_row(council):
    first = make_published_record(council, name="Repairs triage")
    publish(first, complete_data(name="Repairs triage", phase="retired"), "4.0", "Switched off.")
    make_published_record(council, name="Parking checks")
    rows = list(csv.DictReader(io.StringIO(export("history", council).decode("utf-8-sig"))))
    assert [(r["name"], r["version"], r["phase"], r["change_note"]) for r in rows] == [
        ("Repairs triage", "1", "pre-deployment", "First published."),
        ("Repairs triage", "2", "retired", "Switched off."),
        ("Parking checks", "1", "pre-deployment", "First published."),
    ]
