import pytest

from tests.factories import make_published_record

pytestmark = pytest.mark.django_db


def test_the_home_page_counts_records_and_organisations(client, council, other_council):
    make_published_record(council, name="Repairs triage")
    make_published_record(other_council, name="Parking permits")
    html = client.get("/").content.decode()
    assert '<span class="app-count">2</span> published records' in html
    assert '<span class="app-count">2</span> organisations publishing' in html


def test_the_home_page_lists_recent_records_and_a_search_box(client, record):
    html = client.get("/").content.decode()
    assert record.name in html
    assert 'action="/records/"' in html and 'name="q"' in html
