"""A register that had records before search existed (or whose index was lost) is indexed when `migrate` runs."""

import pytest

from algoreg.search.backends import get_backend
from algoreg.search.indexing import after_migrate
from algoreg.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def test_records_without_an_index_are_indexed_after_migrate(search, publish):
    publish("Glacier monitor")
    get_backend().clear()
    SearchDocument.objects.all().delete()
    assert search(q="glacier") == []
    after_migrate()
    assert search(q="glacier") == ["Glacier monitor"]


def test_lost_text_is_rebuilt_even_when_the_documents_remain(search, publish):
    publish("Glacier monitor")
    get_backend().clear()
    after_migrate()
    assert search(q="glacier") == ["Glacier monitor"]
