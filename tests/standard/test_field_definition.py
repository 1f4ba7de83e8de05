import csv
import re
from pathlib import Path

import pytest

from algoreg.standard import fields
from algoreg.standard.fields import FieldType

DATA = Path(fields.__file__).parent / "data"


def v4_rows() -> list[dict]:
    with open(DATA / "atrs_fields_v4.0_reconstructed.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def v3_official_keys() -> list[str]:
    """The `attribute` column of every table in the official v3.0 template."""
    keys = []
    for line in (DATA / "atrs_v3.0_template_table.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) > 2 and re.fullmatch(r"[\d.]+", cells[0]):
            keys.append(re.sub(r"<[^>]+>", "", cells[1]))  # one cell carries a stray <br>
    return keys


def legacy_rows() -> list[dict]:
    with open(DATA / "atrs_fields_v1.1_v2.1_v3.0.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def is_covered(version: str, key: str) -> bool:
    return fields.field_for_atrs_key(version, key) is not None or key in fields.METADATA_KEYS


def test_the_official_v3_table_is_read_in_full():
    assert len(v3_official_keys()) == 65


@pytest.mark.parametrize("row", [r for r in v4_rows() if r["evidence"].startswith("confirmed")],
                         ids=lambda r: r["key_suggested"])
def test_every_confirmed_atrs_4_field_has_a_field(row):
    field = fields.field_for_atrs_key("4.0", row["key_suggested"])
    assert field is not None, f"no field holds ATRS 4.0 key {row['key_suggested']}"
    assert "4.0" in field.versions


def test_every_atrs_4_field_the_reconstruction_lists_is_covered():
    missing = [r["key_suggested"] for r in v4_rows() if not is_covered("4.0", r["key_suggested"])]
    assert missing == []


@pytest.mark.parametrize("key", v3_official_keys())
def test_every_v3_key_maps_to_a_v4_field_or_is_kept_as_a_legacy_field(key):
    field = fields.field_for_atrs_key("3.0", key)
    if field is None:
        assert key in fields.METADATA_KEYS, f"v3.0 key {key} is neither a field nor record metadata"
    else:
        assert "4.0" in field.versions or field.is_legacy


@pytest.mark.parametrize("row", legacy_rows(), ids=lambda r: f"{r['version']}-{r['key']}")
def test_every_v1_1_and_v2_1_key_has_a_home(row):
    assert is_covered(row["version"], row["key"]), f"v{row['version']} key {row['key']} has no field"


def test_field_keys_are_unique_across_the_record():
    keys = [f.key for f in fields.FIELDS.values()]
    assert len(keys) == len(set(keys))


def test_a_key_of_one_version_leads_to_one_field_only():
    for version in fields.STANDARD_VERSIONS:
        seen: dict[str, str] = {}
        for f in fields.all_fields():
            key = f.atrs_key(version)
            if key:
                assert key not in seen, f"v{version} key {key} is claimed by {seen[key]} and {f.key}"
                seen[key] = f.key


def test_every_field_has_a_label_and_a_hint_of_our_own():
    for f in fields.all_fields():
        assert f.label and f.hint, f.key
        assert not f.hint.startswith("The attribute"), f"{f.key} copies the standard's wording"


def test_choices_are_given_for_choice_fields_and_only_for_them():
    for f in fields.all_fields():
        has_choices = f.type in (FieldType.CHOICE, FieldType.MULTI_CHOICE)
        assert bool(f.choices) == has_choices, f.key


def test_the_repeatable_groups_are_the_ones_the_register_promises():
    groups = {f.key for f in fields.FIELDS.values() if f.is_group}
    assert groups == {"suppliers", "legal_basis", "model_specifications", "development_datasets",
                      "impact_assessments", "risks"}


def test_every_field_knows_its_section_and_tier():
    for section in fields.SECTIONS:
        for f in section.fields:
            assert f.section == section.key and f.tier == section.tier
            assert all(sub.section == section.key for sub in f.fields)


def test_our_structured_extensions_are_declared():
    for key in ("human_involvement", "appeal_url", "legal_basis", "source_code_url", "source_code_reason",
                "decisions_per_year", "next_review_date"):
        assert fields.FIELDS[key].is_extension


def test_a_legacy_record_shows_the_fields_of_its_own_version():
    v3 = {f.key for s in fields.sections_for("3.0") for f in s.fields}
    v4 = {f.key for s in fields.sections_for("4.0") for f in s.fields}
    assert "scope" in v3 and "scope" not in v4
    assert "system_level_input" in v4 and "system_level_input" not in v3
    assert "human_involvement" in v3 and "human_involvement" in v4
