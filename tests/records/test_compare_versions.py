"""The field-by-field comparison page of two published versions, and what it does with bad addresses."""

import re

import pytest
from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from algoreg.records.models import Record
from algoreg.records.publishing import publish
from tests.factories import complete_data

pytestmark = pytest.mark.django_db

RISK = {"category": "data", "name": "Old addresses", "mitigation": "Checked monthly."}


@pytest.fixture
def edited(council):
    """Three versions: the second changes the team, a long text, a risk and withholds a field; the third is the same."""
    record = Record.objects.create(organisation=council)
    publish(record, complete_data(name="Repairs triage", team="Housing repairs",
                                  benefits="Staff check each case by hand.", risks=[RISK]), "4.0", "First published.")
    second = complete_data(name="Repairs triage", team="Repairs and maintenance",
                           benefits="Staff check most cases by hand every week.",
                           risks=[{**RISK, "mitigation": "Checked every week."},
                                  {"category": "outputs", "name": "Unfair priority"}],
                           withheld={"system_architecture": "It would help people get round fraud checks."})
    publish(record, second, "4.0", "Named the new team and added a risk.")
    publish(record, second, "4.0", "Reviewed: no changes.")
    record.refresh_from_db()
    return record


def compare_url(record, query="") -> str:
    return f"/records/{record.reference}/compare/{query}"


def test_only_what_changed_is_shown_with_a_count(client, edited):
    response = client.get(compare_url(edited, "?from=1&to=2"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "What changed between version 1 and version 2" in html
    # team, benefits, system architecture (withheld), risk 1's mitigation, risk 2's category and name
    assert "6 fields changed." in html
    assert "Named the new team and added a risk." in html
    assert "Contact email" not in html  # unchanged fields are left out


def test_each_change_has_its_label_before_and_after_and_a_marker_in_words(client, edited):
    html = client.get(compare_url(edited, "?from=1&to=2")).content.decode()
    card = html[html.index('<h3 class="govuk-summary-card__title">Team</h3>'):][:1500]
    assert "Changed" in card
    assert "Before (version 1)" in card and "After (version 2)" in card
    assert '<del class="govuk-!-font-weight-bold"><span class="govuk-visually-hidden">removed: </span>Housing repairs'\
           '</del>' in card
    assert '<ins class="govuk-!-font-weight-bold"><span class="govuk-visually-hidden">added: </span>Repairs and ' \
           'maintenance</ins>' in card


def test_long_text_is_compared_word_by_word(client, edited):
    html = client.get(compare_url(edited, "?from=1&to=2")).content.decode()
    assert ('Staff check <del class="govuk-!-font-weight-bold"><span class="govuk-visually-hidden">removed: </span>'
            'each case</del> by') in html
    assert ('<ins class="govuk-!-font-weight-bold"><span class="govuk-visually-hidden">added: </span>'
            'hand every week.</ins>') in html


def test_items_are_compared_one_by_one(client, edited):
    html = client.get(compare_url(edited, "?from=1&to=2")).content.decode()
    actions = r'</bdi></h3>\s*<div class="govuk-summary-card__actions">.*?'
    assert re.search(rf'Risk 1: <bdi>Old addresses{actions}Changed', html, re.S)
    assert re.search(rf'Risk 2: <bdi>Unfair priority{actions}Added', html, re.S)
    assert ('Checked <ins class="govuk-!-font-weight-bold"><span class="govuk-visually-hidden">added: </span>'
            'every week.</ins>') in html


def test_a_withheld_field_shows_the_reason_as_the_new_value(client, edited):
    html = client.get(compare_url(edited, "?from=1&to=2")).content.decode()
    assert "<strong>Withheld.</strong> <bdi>It would help people get round fraud checks.</bdi>" in html


def test_unchanged_fields_can_be_shown_too(client, edited):
    html = client.get(compare_url(edited, "?from=1&to=2&all=1")).content.decode()
    assert "6 fields changed." in html
    assert "Contact email" in html and "Not changed" in html
    assert re.search(r'Third party 1: <bdi>Sample text</bdi></h3>\s*'
                     r'<div class="govuk-summary-card__actions">.*?No change', html, re.S)
    assert 'href="?from=1&amp;to=2">Show only what changed</a>' in html


def test_versions_with_the_same_content_say_nothing_changed(client, edited):
    html = client.get(compare_url(edited, "?from=2&to=3")).content.decode()
    assert "No fields changed." in html
    assert "The content of the two versions is the same." in html


def test_a_newer_version_can_be_compared_with_an_older_one(client, edited):
    response = client.get(compare_url(edited, "?from=3&to=1"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "What changed between version 3 and version 1" in html
    assert "comparing a newer version with an older one" in html
    assert "Reviewed: no changes." in html and "Named the new team" in html


def test_the_compare_page_is_a_gov_uk_style_page_with_a_form_to_choose_again(client, edited):
    html = client.get(compare_url(edited, "?from=1&to=2")).content.decode()
    assert len(re.findall(r"<h1[ >]", html)) == 1
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
    assert title == f"Compare versions: Repairs triage – Example Borough Council – {settings.SITE_NAME}"
    assert re.search(r'<option value="1" selected>', html) and re.search(r'<option value="2" selected>', html)


def test_missing_versions_are_filled_in_with_the_previous_and_the_latest(client, edited):
    assert client.get(compare_url(edited))["Location"] == compare_url(edited, "?to=3&from=2")
    assert client.get(compare_url(edited, "?to=2"))["Location"] == compare_url(edited, "?to=2&from=1")
    assert client.get(compare_url(edited, "?from=1"))["Location"] == compare_url(edited, "?to=3&from=1")


@pytest.mark.parametrize(("query", "message"), [
    ("?from=one&to=2", "Choose the first version from the list"),
    ("?from=1&to=", "Choose the second version from the list"),
    ("?from=1.0&to=2", "Choose the first version from the list"),
    ("?from=1&to=9", "There is no version 9 of this record. Choose one from the list"),
    ("?from=0&to=2", "There is no version 0 of this record. Choose one from the list"),
    ("?from=-1&to=2", "Choose the first version from the list"),
    ("?from=99999999999999999999&to=2", "Choose the first version from the list"),
    ("?from=2&to=2", "Choose two different versions to compare"),
])
def test_bad_versions_get_a_clear_message_and_the_form_again(client, edited, query, message):
    response = client.get(compare_url(edited, query))
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html and message in html
    assert "<title>Error: Compare versions" in html
    assert 'class="govuk-error-summary"' in html and 'class="govuk-error-message"' in html
    assert len(re.findall(r"<h1[ >]", html)) == 1


@hypothesis_settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(max_size=30), st.text(max_size=30))
def test_no_pair_of_parameters_causes_a_server_error(client, edited, before, after):
    response = client.get(compare_url(edited), {"from": before, "to": after})
    assert response.status_code in (200, 302, 400)


def test_a_record_with_one_version_has_nothing_to_compare(client, record):
    response = client.get(compare_url(record, "?from=1&to=2"))
    assert response.status_code == 302
    assert response["Location"] == f"/records/{record.reference}/history/"


def test_an_old_address_redirects_to_the_current_one_keeping_the_versions(client, edited):
    response = client.get(f"/records/{edited.public_id}/compare/?from=1&to=2")
    assert response.status_code == 301
    assert response["Location"] == compare_url(edited, "?from=1&to=2")


def test_records_that_are_not_public_cannot_be_compared(client, council):
    draft_only = Record.objects.create(organisation=council)
    assert client.get(f"/records/{draft_only.public_id}/compare/?from=1&to=2").status_code == 404


def test_withholding_a_whole_list_shows_the_entries_before_and_the_reason_after(client, council):
    record = Record.objects.create(organisation=council)
    publish(record, complete_data(risks=[RISK]), "4.0", "First published.")
    publish(record, complete_data(risks=[RISK], withheld={"risks": "Naming the risks would help fraudsters."}), "4.0",
            "Withheld the risks.")
    response = client.get(compare_url(record, "?from=1&to=2"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 field changed." in html
    assert "Risk 1: <bdi>Old addresses</bdi>" in html
    assert "<strong>Withheld.</strong> <bdi>Naming the risks would help fraudsters.</bdi>" in html


def test_a_version_number_with_a_control_character_is_refused_not_an_error(client, db):
    from tests.factories import make_organisation, make_published_record

    record = make_published_record(make_organisation("Example Borough Council"))
    response = client.get(f"/records/{record.reference}/compare/", {"from": "0\x1f", "to": "1"})
    assert response.status_code in (302, 400)
