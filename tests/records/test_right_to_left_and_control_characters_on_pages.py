"""Record pages isolate text a council wrote, so right-to-left writing shows the right way round and cannot move the
words around it, and they never serve control characters or an unclosed right-to-left override, even from versions
published before text was tidied on the way in (published versions are never rewritten)."""

import re

import pytest

from algoreg.records.models import Record
from algoreg.records.publishing import publish
from tests.factories import complete_data
from tests.untidy_text import BALANCED

pytestmark = pytest.mark.django_db

REVERSING = "\u202e"  # right-to-left override
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@pytest.fixture
def stored_raw(council):
    """A record published twice before tidying, with a bell, an escape and overrides that are never closed."""
    record = Record.objects.create(organisation=council)
    risks = [{"category": "data", "name": f"{REVERSING}Old addresses", "description": "Ring\x07 ring"}]
    data = complete_data(name=f"{REVERSING}Repairs triage", description=f"Esc\x1b[31m and {REVERSING}reversed",
                         team=f"{REVERSING}Housing", risks=risks)
    publish(record, data, "4.0", f"{REVERSING}First\x07.")
    publish(record, {**data, "team": "Housing\x0b repairs"}, "4.0", f"Moved{REVERSING} team.")
    record.refresh_from_db()
    return record


def pages(record) -> list[str]:
    return [record.get_absolute_url(), f"/records/{record.reference}/versions/1/",
            f"/records/{record.reference}/history/", f"/records/{record.reference}/compare/?from=1&to=2&all=1",
            "/records/", f"/organisations/{record.organisation.slug}/"]


def test_no_page_serves_an_unclosed_override_or_a_control_character(client, stored_raw):
    for path in pages(stored_raw):
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 200, path
        assert REVERSING not in html, path
        assert not CONTROL.search(html), path
        assert "Repairs triage" in html, path


def test_the_name_and_the_fields_are_isolated_from_the_page_around_them(client, council):
    record = Record.objects.create(organisation=council)
    risks = [{"category": "data", "name": BALANCED}]
    publish(record, complete_data(name=BALANCED, one_sentence_description=BALANCED, description=BALANCED,
                                  team=BALANCED, region=["london", "wales"], risks=risks), "4.0", BALANCED)
    html = client.get(record.get_absolute_url()).content.decode()
    assert f'<h1 class="govuk-heading-xl" dir="auto">{BALANCED}</h1>' in html
    assert f'<p class="govuk-body-l" dir="auto">{BALANCED}</p>' in html
    assert f'<p class="govuk-body" dir="auto">{BALANCED}</p>' in html  # what it does
    assert '<li dir="auto">London</li>' in html
    assert f"Risk 1: <bdi>{BALANCED}</bdi>" in html
    history = client.get(f"/records/{record.reference}/history/").content.decode()
    assert f'dir="auto">{BALANCED}</p>' in history  # the change note
    listed = client.get("/records/").content.decode()
    assert re.search(rf'<h3 dir="auto" class="govuk-heading-s app-record-list__title">\s*<a [^>]+>{BALANCED}</a>',
                     listed)


def test_right_to_left_writing_with_its_marks_closed_is_shown_as_written(client, council):
    record = Record.objects.create(organisation=council)
    publish(record, complete_data(team=BALANCED), "4.0", "First.")
    assert BALANCED in client.get(record.get_absolute_url()).content.decode()


def test_a_withdrawn_records_page_isolates_its_name_and_reason(client, stored_raw):
    Record.objects.filter(pk=stored_raw.pk).update(status=Record.Status.WITHDRAWN, withdrawn_reason=f"{BALANCED}\x07")
    html = client.get(stored_raw.get_absolute_url()).content.decode()
    assert "This record was withdrawn" in html
    assert f"gave: <bdi>{BALANCED}</bdi>" in html
    assert re.search(r'<h1 class="govuk-heading-xl" dir="auto">[^<]*Repairs triage</h1>', html)
    assert REVERSING not in html and not CONTROL.search(html)
