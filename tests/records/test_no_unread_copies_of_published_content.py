"""Filters and their counts come from the search index, so the record keeps no other copies of published content
for filtering: a copy nobody reads only drifts from the data. The search page still filters on every one of them
(tests/search/test_filters_and_counts.py)."""

import pytest
from django.apps import apps

from algoreg.records.models import Record
from algoreg.records.publishing import publish
from tests.factories import complete_data

pytestmark = pytest.mark.django_db


def test_the_record_has_no_column_for_how_far_a_person_is_involved():
    assert "human_involvement" not in {f.name for f in Record._meta.get_fields()}


def test_there_is_no_table_of_filter_values_beside_the_search_index():
    assert "recordfacet" not in apps.get_app_config("records").models


def test_publishing_still_keeps_the_columns_the_lists_read(council):
    record = Record.objects.create(organisation=council)
    publish(record, complete_data(name="Parking permit checker", phase="production"), "4.0", "First.")
    record.refresh_from_db()
    assert (record.name, record.phase, record.standard_version) == ("Parking permit checker", "production", "4.0")
