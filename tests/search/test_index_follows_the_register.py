"""Publishing, retiring and withdrawing change what search finds at once, in the same transaction."""

import pytest

from algoreg.records import workflow
from algoreg.records.models import Record
from algoreg.records.publishing import publish as publish_version
from tests.factories import complete_data

pytestmark = pytest.mark.django_db


def test_a_published_record_is_found_at_once(search, publish):
    assert search(q="glacier") == []
    publish("Glacier monitor")
    assert search(q="glacier") == ["Glacier monitor"]


def test_a_new_version_replaces_the_old_text(search, publish):
    record = publish("Glacier monitor")
    publish_version(record, complete_data(name="Iceberg monitor"), "4.0", "Renamed.")
    assert search(q="glacier") == []
    assert search(q="iceberg") == ["Iceberg monitor"]


def test_a_retired_record_moves_to_the_retired_phase(search, publish, approver):
    record = publish("Glacier monitor", phase="production")
    workflow.retire(record, approver, "No longer used.")
    assert search(q="glacier", phase="production") == []
    assert search(q="glacier", phase="retired") == ["Glacier monitor"]


def test_a_withdrawn_record_is_no_longer_found(search, publish, approver):
    record = publish("Glacier monitor")
    workflow.withdraw(record, approver, "Published by mistake.")
    assert search(q="glacier") == []
    assert search() == []


def test_a_draft_is_never_found(search, council):
    Record.objects.create(organisation=council, name="Secret glacier plan")
    assert search(q="glacier") == []


def test_a_change_that_is_rolled_back_leaves_search_as_it_was(search, publish):
    from django.db import transaction

    publish("Glacier monitor")
    search(q="glacier")  # this worker now holds the index as it was
    try:
        with transaction.atomic():
            publish("Glacier survey")
            assert sorted(search(q="glacier")) == ["Glacier monitor", "Glacier survey"]
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    assert search(q="glacier") == ["Glacier monitor"]
    publish("Glacier atlas")
    assert sorted(search(q="glacier")) == ["Glacier atlas", "Glacier monitor"]


def test_rebuilding_the_index_gives_the_same_answers(search, publish):
    from algoreg.search.indexing import rebuild

    publish("Glacier monitor", phase="production")
    publish("Glacier survey", phase="public-beta")
    before = (search(q="glacier"), search(phase="production"))
    rebuild()
    assert (search(q="glacier"), search(phase="production")) == before
