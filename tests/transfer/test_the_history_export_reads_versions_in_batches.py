"""The history export reads the versions of a batch of records in one query, not one query per record."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_published_record
from tests.transfer.helpers import export

pytestmark = pytest.mark.django_db


def queries_for_history(organisation) -> int:
    with CaptureQueriesContext(connection) as captured:
        export("history", organisation)
    return len(captured)


def test_the_history_export_makes_as_many_queries_for_twelve_records_as_for_two(council):
    for n in range(2):
        make_published_record(council, name=f"Tool {n}")
    few = queries_for_history(council)
    for n in range(2, 12):
        make_published_record(council, name=f"Tool {n}")
    assert queries_for_history(council) == few
