"""Rows find the records they update through the unique indexes on the identifiers, so checking a file costs the
same in an organisation with 5,000 records as in one with five (reading through the organisation's records took
25 ms per lookup at 5,000 records on SQLite, and every view of an import report makes two)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from algoreg.transfer.importing import Target, dry_run
from tests.factories import make_published_record
from tests.plans import plan
from tests.transfer.helpers import export, import_file

pytestmark = pytest.mark.django_db

IDENTIFIER_INDEX = {"sqlite": ("(public_id=?)", "source_id=?)"),
                    "postgresql": ("records_record_public_id", "unique_source_id_per_organisation")}


def identifier_lookups(raw: bytes, organisation) -> tuple[list[str], list[str]]:
    """(the actions planned for each row, the SQL of the queries that looked rows up by identifier)"""
    with CaptureQueriesContext(connection) as captured:
        planned = dry_run(raw, Target(organisation=organisation, filename="tools.csv"))
    lookups = [q["sql"] for q in captured.captured_queries
               if '"public_id" IN (' in q["sql"] or '"source_id" IN (' in q["sql"]]
    return [row.action for row in planned.rows], lookups


def test_rows_are_looked_up_through_the_identifier_indexes(council, other_council, editor):
    make_published_record(council, name="Repairs triage")
    make_published_record(council, name="Parking checks")
    raw = export("csv", council)
    import_file(raw, other_council, user=editor)  # the second council's drafts keep the file's identifiers
    for organisation in (council, other_council):
        actions, lookups = identifier_lookups(raw, organisation)
        assert actions == ["unchanged", "unchanged"]
        assert len(lookups) == 2
        for sql in lookups:
            assert any(index in plan(sql) for index in IDENTIFIER_INDEX[connection.vendor]), plan(sql)
