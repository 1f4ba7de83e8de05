import pytest

from algoreg.records.models import Record
from algoreg.records.publishing import publish
from tests.factories import complete_data

pytestmark = pytest.mark.django_db


def test_a_published_record_opens_with_its_plain_english_summary(client, record):
    response = client.get(record.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "At a glance" in html
    assert html.index("At a glance") < html.index("Owner and responsibility")
    for question in ("What it does", "Who is responsible", "Does a person make the decision?",
                     "How to challenge an outcome", "Phase", "Last updated", "Standard"):
        assert question in html


def test_the_record_page_shows_every_tier_2_section(client, record):
    html = client.get(record.get_absolute_url()).content.decode()
    for title in ("Owner and responsibility", "Description and reasons", "How the tool is used in decisions",
                  "Tool specification", "Models", "Data used to build the tool", "Data used when the tool runs",
                  "Risks and impact assessments"):
        assert title in html


def test_an_empty_field_says_it_was_not_provided(client, council):
    record = Record.objects.create(organisation=council)
    publish(record, complete_data(team=""), "4.0", "First.")
    html = client.get(record.get_absolute_url()).content.decode()
    assert "Not provided" in html


def test_a_withheld_field_shows_the_reason(client, council):
    record = Record.objects.create(organisation=council)
    data = complete_data(withheld={"model_specifications": "x"})
    data["withheld"] = {"system_architecture": "Publishing the design would help people get round fraud checks."}
    publish(record, data, "4.0", "First.")
    html = client.get(record.get_absolute_url()).content.decode()
    assert "Withheld." in html
    assert "Publishing the design would help people get round fraud checks." in html


def test_repeatable_items_are_listed_with_their_names(client, council):
    risks = [{"category": "data", "name": "Out-of-date addresses", "mitigation": "Checked monthly."},
             {"category": "outputs", "name": "Unfair priority", "description": "Some groups wait longer."}]
    record = Record.objects.create(organisation=council)
    publish(record, complete_data(risks=risks), "4.0", "First.")
    html = client.get(record.get_absolute_url()).content.decode()
    assert "Risk 1: <bdi>Out-of-date addresses</bdi>" in html
    assert "Risk 2: <bdi>Unfair priority</bdi>" in html
    assert "Outputs and decisions" in html


def test_the_level_of_human_involvement_is_said_in_words(client, council):
    record = Record.objects.create(organisation=council)
    publish(record, complete_data(human_involvement="person-decides"), "4.0", "First.")
    html = client.get(record.get_absolute_url()).content.decode()
    assert "A person makes the decision, using the tool" in html


def test_the_short_link_and_an_old_slug_redirect_to_the_current_address(client, record):
    for path in (f"/records/{record.public_id}/", f"/records/{record.public_id}-old-name/"):
        response = client.get(path)
        assert response.status_code == 301
        assert response["Location"] == record.get_absolute_url()


def test_an_unknown_record_gets_the_page_not_found(client, db):
    response = client.get("/records/no-such-record-zz9/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and "govuk-" in html


def test_a_record_never_published_does_not_exist_to_the_public(client, council):
    draft_only = Record.objects.create(organisation=council)
    assert client.get(f"/records/{draft_only.public_id}/").status_code == 404


def test_a_summary_record_links_to_the_full_record_on_govuk(client, council):
    record = Record.objects.create(organisation=council, kind=Record.Kind.SUMMARY,
                                   source_url="https://www.gov.uk/algorithmic-transparency-records/x")
    publish(record, {"name": "Chat helper", "description": "Answers questions."}, "", "Summary.")
    html = client.get(record.get_absolute_url()).content.decode()
    assert "Read the full record on GOV.UK" in html
    assert 'href="https://www.gov.uk/algorithmic-transparency-records/x"' in html
    assert "Full record" not in html


def test_a_legacy_record_shows_its_own_fields_and_standard_version(client, council):
    record = Record.objects.create(organisation=council)
    publish(record, complete_data("3.0", scope="Only for council tax."), "3.0", "First.")
    html = client.get(record.get_absolute_url()).content.decode()
    assert "Only for council tax." in html
    assert "version 3.0" in html
    assert "What goes in" not in html  # a v4.0-only field


def test_text_a_council_wrote_is_escaped(client, council):
    record = Record.objects.create(organisation=council)
    publish(record, complete_data(team="<script>alert(1)</script>"), "4.0", "First.")
    html = client.get(record.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
