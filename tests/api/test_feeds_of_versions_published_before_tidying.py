"""A version published before text was tidied on the way in may hold control characters, which XML cannot: the feeds
leave them out rather than fail (Django refuses to write them, which was a server error for every subscriber)."""

import pytest

from algoreg.records.models import Record
from algoreg.records.publishing import publish
from tests.factories import complete_data

pytestmark = pytest.mark.django_db


def test_the_feeds_leave_out_control_characters_and_unclosed_overrides(client, council):
    record = Record.objects.create(organisation=council)
    publish(record, complete_data(name="Repairs\x07 triage", one_sentence_description="Sorts\x1b repairs \u202e."),
            "4.0", "First\x0b.")
    for path in ("/feeds/records.atom", f"/feeds/organisations/{council.slug}.atom"):
        response = client.get(path)
        feed = response.content.decode()
        assert response.status_code == 200, path
        assert "Repairs triage: first published" in feed and "Sorts repairs ." in feed
        assert "\u202e" not in feed
