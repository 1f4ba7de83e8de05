"""An export's columns come from the shape each record keeps (how many items its lists hold, which fields it
withholds), read from an index, instead of from every record's content: that took 10 seconds at 100,000 records on
SQLite before the first byte of a download."""

import csv
import importlib
import io

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from algoreg.records.models import Record
from algoreg.records.publishing import publish
from algoreg.search.synthetic import generate
from algoreg.transfer import exports
from algoreg.transfer.layout import Shape
from tests.factories import complete_data, make_published_record
from tests.plans import plan
from tests.transfer.helpers import export

pytestmark = pytest.mark.django_db

RISK = {"name": "Old data", "category": "data"}


def header(raw: bytes) -> list[str]:
    return next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_publishing_keeps_the_shape_of_the_content_and_of_every_version_together(council):
    record = make_published_record(council, name="Repairs triage", risks=[RISK] * 3,
                                   withheld={"system_architecture": "It would help attackers."})
    publish(record, complete_data(name="Repairs triage", risks=[RISK]), "4.0", "Fewer risks.")
    record.refresh_from_db()
    assert Shape.from_keys([record.content_shape]).items["risks"] == 1
    assert Shape.from_keys([record.content_shape]).withheld == frozenset()
    history = Shape.from_keys([record.history_shape])
    assert history.items["risks"] == 3 and history.withheld == {"system_architecture"}


def test_the_history_export_has_columns_for_the_most_items_any_version_had(council):
    record = make_published_record(council, name="Repairs triage", risks=[RISK] * 3)
    publish(record, complete_data(name="Repairs triage", risks=[RISK]), "4.0", "Fewer risks.")
    assert "risks.3.name" in header(export("history", council))
    assert "risks.2.name" not in header(export("csv", council))


def test_a_withdrawn_record_no_longer_adds_columns(council):
    make_published_record(council, name="Repairs triage")
    withdrawn = make_published_record(council, name="Parking", risks=[RISK] * 4)
    Record.objects.filter(pk=withdrawn.pk).update(status=Record.Status.WITHDRAWN)
    assert "risks.2.name" not in header(export("csv", council))


def test_the_migration_works_out_the_shapes_of_records_published_before_it(council):
    record = make_published_record(council, name="Repairs triage", risks=[RISK] * 2)
    publish(record, complete_data(name="Repairs triage"), "4.0", "One risk.")
    expected = Record.objects.values_list("content_shape", "history_shape").get(pk=record.pk)
    Record.objects.update(content_shape="", history_shape="")
    migration = importlib.import_module("algoreg.records.migrations.0006_export_shapes")
    migration.fill_shapes(apps, None)
    assert Record.objects.values_list("content_shape", "history_shape").get(pk=record.pk) == expected


def test_generated_records_keep_their_shapes(db):
    generate(3, seed=5)
    for record in Record.objects.select_related("current_version"):
        assert record.content_shape == record.history_shape == Shape.of(record.current_version.data).key


def test_the_whole_registers_export_works_out_its_columns_from_an_index_alone(council, other_council):
    make_published_record(council, name="Repairs triage", risks=[RISK] * 2)
    make_published_record(other_council, name="Parking checks")
    with CaptureQueriesContext(connection) as captured:
        columns = next(exports.own_rows(exports.downloadable_records()))
    [query] = captured.captured_queries
    assert "risks.2.name" in columns
    found = plan(query["sql"])
    assert "records_recordversion" not in found  # no record's content is read
    # SQLite answers from the index alone. PostgreSQL does too once its visibility map is set (a vacuumed table);
    # a test's new table is not.
    assert connection.vendor != "sqlite" or "COVERING INDEX" in found, found
