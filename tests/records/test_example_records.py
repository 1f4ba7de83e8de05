"""The fictional example councils and records that seed a new register.

They are what people see first, and they are used to show off search, filters and version history, so they must be
complete, valid to the standard they claim, and cover the whole vocabulary.
"""

import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from algoreg.standard import vocabularies as vocab
from algoreg.standard.fields import FIELDS, sections_for
from algoreg.standard.validation import WITHHELD, is_empty, validate

SEED = Path(__file__).resolve().parents[2] / "algoreg" / "records" / "seed"
ORGANISATIONS = json.loads((SEED / "example_organisations.json").read_text(encoding="utf-8"))
RECORDS = json.loads((SEED / "example_records.json").read_text(encoding="utf-8"))
ORGS_BY_SLUG = {org["slug"]: org for org in ORGANISATIONS}
V4_RECORDS = [r for r in RECORDS if r["standard_version"] == "4.0"]
FICTIONAL_MARKERS = ("Example", "Sample", "Fiction", "Demo")
FICTION_WORDS = ("fictional", "made-up", "imaginary", "invented", "pretend", "not a real", "does not exist")
EARLIEST = datetime(2024, 1, 1, tzinfo=UTC)
LATEST = datetime(2026, 11, 24, 23, 59, 59, tzinfo=UTC)


def record_id(record):
    return record["data"]["name"]


def published(value: str) -> datetime:
    assert value.endswith("Z"), f"{value} should be UTC, ending in Z"
    return datetime.fromisoformat(value)


def records_with(key):
    return [r for r in RECORDS if not is_empty(r["data"].get(key))]


def earlier_contents(record):
    """Each earlier version's content, rebuilt from the current content and the recorded differences."""
    return [{**record["data"], **earlier["changes"]} for earlier in record.get("earlier_versions", [])]


# Organisations

def test_there_are_four_to_six_example_councils_with_unique_names_and_slugs():
    assert 4 <= len(ORGANISATIONS) <= 6
    assert len({o["name"] for o in ORGANISATIONS}) == len(ORGANISATIONS)
    assert len(ORGS_BY_SLUG) == len(ORGANISATIONS)


@pytest.mark.parametrize("org", ORGANISATIONS, ids=lambda o: o["slug"])
def test_every_example_council_is_obviously_fictional(org):
    assert any(marker in org["name"] for marker in FICTIONAL_MARKERS), org["name"]
    assert any(word in org["about"].lower() for word in FICTION_WORDS), "say in 'about' that the council is made up"


@pytest.mark.parametrize("org", ORGANISATIONS, ids=lambda o: o["slug"])
def test_every_example_council_uses_the_vocabularies_and_the_reserved_example_domain(org):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", org["slug"])
    assert org["org_type"] == "local-authority"
    assert org["council_type"] in dict(vocab.COUNCIL_TYPES)
    assert org["region"] in dict(vocab.REGIONS)
    assert org["nation"] in ("England", "Wales", "Scotland", "Northern Ireland")
    assert re.fullmatch(r"https://[a-z0-9.-]+\.example", org["website"])
    assert org["contact_email"].endswith(".example")
    sentences = [s for s in re.split(r"(?<=\.)\s+", org["about"].strip()) if s]
    assert 2 <= len(sentences) <= 3


# Records against the standard

def test_there_are_at_least_twelve_example_records():
    assert len(RECORDS) >= 12


@pytest.mark.parametrize("record", RECORDS, ids=record_id)
def test_every_example_record_is_complete_enough_to_publish(record):
    assert record["standard_version"] in ("3.0", "4.0")
    assert validate(record["data"], record["standard_version"]) == {}


@pytest.mark.parametrize("record", RECORDS, ids=record_id)
def test_every_example_record_belongs_to_an_example_council_and_names_it(record):
    assert record["organisation"] in ORGS_BY_SLUG
    assert record["data"]["organisation_or_department"] == ORGS_BY_SLUG[record["organisation"]]["name"]


@pytest.mark.parametrize("record", RECORDS, ids=record_id)
def test_every_example_record_uses_only_fields_its_standard_version_has(record):
    version = record["standard_version"]
    allowed = {f.key: f for s in sections_for(version) for f in s.fields}
    unknown = set(record["data"]) - set(allowed) - {WITHHELD}
    assert not unknown, f"fields not in ATRS {version}: {unknown}"
    for key, value in record["data"].items():
        if key != WITHHELD and allowed[key].is_group:
            # Item fields declared for 1.1 only still name the parts of later versions' items (their 1.1 keys
            # differ), so only fields a later version dropped, such as 3.0's dataset_purposes, are left out.
            item_keys = {sub.key for sub in allowed[key].fields if sub.applies_to(version) or sub.versions == ("1.1",)}
            for item in value:
                assert set(item) <= item_keys, f"{key} has unknown keys {set(item) - item_keys}"


@pytest.mark.parametrize("record", V4_RECORDS, ids=record_id)
def test_every_current_example_record_fills_in_every_section(record):
    withheld = record["data"].get(WITHHELD, {})
    for section in sections_for("4.0"):
        filled = [f.key for f in section.fields if not is_empty(record["data"].get(f.key)) or f.key in withheld]
        assert filled, f"section {section.key!r} is empty"


@pytest.mark.parametrize("record", RECORDS, ids=record_id)
def test_every_example_record_uses_a_phase_its_standard_version_knows(record):
    phase = record["data"]["phase"]
    if record["standard_version"] == "4.0":
        assert phase in vocab.PHASES_V4
    else:
        assert phase in ("pre-deployment", "beta-pilot", "production", "retired")


@pytest.mark.parametrize("record", RECORDS, ids=record_id)
def test_every_example_record_has_substantial_text(record):
    data = record["data"]
    assert len(data["description"]) >= 200
    assert len(data["detailed_description"].split("\n\n")) >= 2
    assert data["contact_email"].endswith(".example")
    assert len(data["one_sentence_description"]) <= 300


# Publication dates and version history

@pytest.mark.parametrize("record", RECORDS, ids=record_id)
def test_every_example_record_was_published_between_2024_and_today(record):
    assert EARLIEST <= published(record["published_at"]) <= LATEST
    assert record["change_note"].strip()


def test_example_records_are_spread_over_2024_to_2026():
    assert {published(r["published_at"]).year for r in RECORDS} == {2024, 2025, 2026}


def test_three_or_four_example_records_have_earlier_versions():
    with_history = [r for r in RECORDS if r.get("earlier_versions")]
    assert 3 <= len(with_history) <= 4
    assert all(1 <= len(r["earlier_versions"]) <= 2 for r in with_history)


@pytest.mark.parametrize("record", [r for r in RECORDS if r.get("earlier_versions")], ids=record_id)
def test_earlier_versions_come_oldest_first_and_before_the_current_one(record):
    dates = [published(e["published_at"]) for e in record["earlier_versions"]] + [published(record["published_at"])]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    assert dates[0] >= EARLIEST
    assert all(e["change_note"].strip() for e in record["earlier_versions"])


@pytest.mark.parametrize("record", [r for r in RECORDS if r.get("earlier_versions")], ids=record_id)
def test_earlier_versions_differ_from_the_current_one_and_were_publishable_too(record):
    for earlier, content in zip(record["earlier_versions"], earlier_contents(record), strict=True):
        assert earlier["changes"], "an earlier version must differ from the current one"
        assert set(earlier["changes"]) <= set(FIELDS)
        assert any(record["data"].get(k) != v for k, v in earlier["changes"].items())
        assert validate(content, record["standard_version"]) == {}


# Withheld fields

def test_two_or_three_example_records_withhold_one_field_with_a_reason():
    withholding = [r for r in RECORDS if r["data"].get(WITHHELD)]
    assert 2 <= len(withholding) <= 3
    for record in withholding:
        withheld = record["data"][WITHHELD]
        assert len(withheld) == 1
        (key, reason), = withheld.items()
        assert FIELDS[key].withholdable
        assert len(reason) >= 80, "a withheld field needs a real reason"
        assert is_empty(record["data"].get(key)), "a withheld field should not also be published"


# Coverage of the vocabularies

def test_every_phase_is_used_by_some_example_record():
    used = {r["data"]["phase"] for r in RECORDS}
    assert used == {value for value, _ in vocab.PHASES}


def test_beta_pilot_appears_only_on_legacy_records():
    for record in RECORDS:
        if record["data"]["phase"] == "beta-pilot":
            assert record["standard_version"] == "3.0"
    assert any(r["standard_version"] == "3.0" for r in RECORDS)


def test_each_level_of_human_involvement_is_used_at_least_twice():
    counts = Counter(r["data"]["human_involvement"] for r in RECORDS)
    for value, _ in vocab.HUMAN_INVOLVEMENT:
        assert counts[value] >= 2, f"{value} used {counts[value]} times"


def test_every_risk_category_is_used_and_there_are_at_least_twenty_risks():
    risks = [risk for r in RECORDS for risk in r["data"]["risks"]]
    assert len(risks) >= 20
    assert {risk["category"] for risk in risks} == {value for value, _ in vocab.RISK_CATEGORIES}
    assert all(risk.get("name") and risk.get("description") and risk.get("mitigation") for risk in risks)


def test_there_are_at_least_fifteen_impact_assessments_including_dpias_and_eias():
    assessments = [a for r in RECORDS for a in r["data"]["impact_assessments"]]
    assert len(assessments) >= 15
    names = " ".join(a["name"] for a in assessments)
    assert "DPIA" in names and "EIA" in names
    assert all(a.get("date") and (a.get("summary") or a.get("url")) for a in assessments)


def test_the_examples_span_many_functions_and_capabilities():
    functions = {f for r in RECORDS for f in r["data"]["function"]}
    capabilities = {c for r in RECORDS for c in r["data"]["capability"]}
    assert len(functions) >= 8
    assert len(capabilities) >= 8


def test_most_example_records_describe_models_development_data_and_suppliers():
    assert len(records_with("model_specifications")) >= 8
    assert len(records_with("development_datasets")) >= 8
    with_suppliers = records_with("suppliers")
    assert len(with_suppliers) >= 6
    numbers = [s["companies_house_number"] for r in with_suppliers for s in r["data"]["suppliers"]
               if s.get("companies_house_number")]
    assert len(numbers) >= 6


@pytest.mark.parametrize("key", ["appeal_url", "next_review_date", "decisions_per_year", "legal_basis"])
def test_most_example_records_fill_in_our_structured_extensions(key):
    assert len(records_with(key)) >= len(RECORDS) * 3 // 4


def test_most_example_records_link_to_their_source_code_or_say_why_not():
    explained = [r for r in RECORDS if r["data"].get("source_code_url") or r["data"].get("source_code_reason")]
    assert len(explained) >= len(RECORDS) * 3 // 4


def test_legal_bases_link_to_the_law():
    links = [item["url"] for r in RECORDS for item in r["data"].get("legal_basis", [])]
    assert links and all(link.startswith("https://www.legislation.gov.uk/") or link.startswith("https://www.gov.uk/")
                         for link in links)


@pytest.mark.parametrize("abbreviation", ["AI", "ML", "LLM", "DPIA", "EIA", "NEET", "ASC"])
def test_common_abbreviations_appear_in_the_example_text_so_search_can_be_tested(abbreviation):
    text = json.dumps([r["data"] for r in RECORDS])
    assert re.search(rf"\b{abbreviation}\b", text)
