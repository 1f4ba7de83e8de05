"""The comparison of two versions' data, on plain dicts and the field definition: no database needed."""

from hypothesis import given, settings
from hypothesis import strategies as st

from algoreg.records.display import display_value
from algoreg.records.history import (
    ADDED,
    CHANGED,
    REMOVED,
    UNCHANGED,
    Change,
    ItemChange,
    Piece,
    align_items,
    compare,
    word_diff,
)
from algoreg.standard.fields import FIELDS, SECTIONS, Field, FieldType
from algoreg.standard.validation import WITHHELD, is_empty
from algoreg.standard.vocabularies import STANDARD_VERSIONS
from tests.factories import complete_data

# --- Examples --------------------------------------------------------------------------------------------------


def only_entry(comparison):
    entries = [e for s in comparison.sections for e in s.entries]
    assert len(entries) == 1, entries
    return entries[0]


def test_the_same_data_has_no_changes():
    data = complete_data()
    comparison = compare(data, dict(data), "4.0", "4.0")
    assert comparison.changed_count == 0
    assert comparison.sections == []


def test_a_changed_field_has_its_label_and_both_values():
    change = only_entry(compare(complete_data(team="Housing"), complete_data(team="Repairs"), "4.0", "4.0"))
    assert isinstance(change, Change)
    assert (change.key, change.label, change.kind) == ("team", FIELDS["team"].label, CHANGED)
    assert (change.before.text, change.after.text) == ("Housing", "Repairs")


def test_a_field_filled_in_is_added_and_one_emptied_is_removed():
    added = only_entry(compare(complete_data(task=""), complete_data(task="Triage"), "4.0", "4.0"))
    removed = only_entry(compare(complete_data(task="Triage"), complete_data(task=""), "4.0", "4.0"))
    assert added.kind == ADDED and added.before.kind == "empty"
    assert removed.kind == REMOVED and removed.after.kind == "empty"


def test_sections_come_in_the_order_of_the_definition():
    before = complete_data()
    after = complete_data(name="New name", annex="", risks=[], team="New team", system_architecture="New design")
    keys = [s.key for s in compare(before, after, "4.0", "4.0").sections]
    assert keys == [s.key for s in SECTIONS if s.key in keys]
    assert keys == ["summary", "owner", "tool", "risks"]


def test_fields_of_both_standard_versions_are_compared():
    before = complete_data("3.0", scope="Only council tax.")
    after = complete_data("4.0")
    comparison = compare(before, after, "3.0", "4.0")
    kinds = {e.key: e.kind for s in comparison.sections for e in s.entries if isinstance(e, Change)}
    assert kinds["scope"] == REMOVED  # ATRS 3.0 only
    assert kinds["system_level_input"] == ADDED  # ATRS 4.0 only
    assert "annex" not in kinds  # neither version has it


def test_changed_words_are_marked_and_the_rest_left_alone():
    before = complete_data(benefits="Staff check each case by hand.\n\nIt saves time.")
    after = complete_data(benefits="Staff check most cases by hand every week.\n\nIt saves time.")
    change = only_entry(compare(before, after, "4.0", "4.0"))
    assert change.before_marked == [
        [Piece("Staff check "), Piece("each case", "del"), Piece(" by "), Piece("hand.", "del")],
        [Piece("It saves time.")],
    ]
    assert change.after_marked[0] == [Piece("Staff check "), Piece("most cases", "ins"), Piece(" by "),
                                      Piece("hand every week.", "ins")]


def test_a_new_paragraph_is_marked_as_added():
    before_side, after_side = word_diff("One.", "One.\n\nTwo more words.")
    assert before_side == [[Piece("One.")]]
    assert after_side == [[Piece("One.")], [Piece("Two more words.", "ins")]]


def test_options_dropped_and_chosen_are_marked():
    f = FIELDS["capability"]
    first, second, third = (value for value, _label in f.choices[:3])
    change = only_entry(compare(complete_data(capability=[first, second]), complete_data(capability=[second, third]),
                                "4.0", "4.0"))
    assert change.before_marked == [[Piece(f.choice_label(first), "del")], [Piece(f.choice_label(second))]]
    assert change.after_marked == [[Piece(f.choice_label(second))], [Piece(f.choice_label(third), "ins")]]


def test_a_new_withheld_reason_is_a_change_and_the_hidden_value_is_never_shown():
    before = complete_data(team="Secret team one", withheld={"team": "It would identify staff."})
    after = complete_data(team="Secret team two", withheld={"team": "It would identify junior staff."})
    change = only_entry(compare(before, after, "4.0", "4.0"))
    assert change.kind == CHANGED
    assert (change.before.kind, change.after.kind) == ("withheld", "withheld")
    assert change.after_marked == [[Piece("It would identify "), Piece("junior", "ins"), Piece(" staff.")]]
    assert "Secret" not in repr(change)


def test_a_field_withheld_for_the_same_reason_has_not_changed_whatever_is_hidden_behind_it():
    reason = {"team": "It would identify staff."}
    comparison = compare(complete_data(team="One", withheld=reason), complete_data(team="Two", withheld=reason),
                         "4.0", "4.0")
    assert comparison.changed_count == 0


def test_withholding_a_field_is_a_change_from_its_value_to_the_reason():
    change = only_entry(compare(complete_data(), complete_data(withheld={"team": "Staff safety."}), "4.0", "4.0"))
    assert change.kind == CHANGED
    assert (change.before.kind, change.after.kind, change.after.text) == ("text", "withheld", "Staff safety.")


def risk(name: str, mitigation: str = "Checked monthly.") -> dict:
    return {"category": "data", "name": name, "mitigation": mitigation}


def test_items_are_compared_part_by_part():
    before = complete_data(risks=[risk("Old addresses"), risk("Unfair priority")])
    after = complete_data(risks=[risk("Old addresses"), risk("Unfair priority", "Reviewed by a panel.")])
    item = only_entry(compare(before, after, "4.0", "4.0"))
    assert isinstance(item, ItemChange)
    assert (item.kind, item.before_number, item.after_number, item.title) == (CHANGED, 2, 2, "Unfair priority")
    assert [(c.key, c.kind) for c in item.changes] == [("risks.mitigation", CHANGED)]


def test_removing_the_first_item_does_not_make_later_items_look_changed():
    before = complete_data(risks=[risk("A"), risk("B"), risk("C")])
    after = complete_data(risks=[risk("B"), risk("C")])
    item = only_entry(compare(before, after, "4.0", "4.0"))
    assert (item.kind, item.before_number, item.after_number, item.title) == (REMOVED, 1, None, "A")
    assert {c.kind for c in item.changes} == {REMOVED}


def test_a_new_item_lists_what_was_filled_in():
    before = complete_data(risks=[risk("A")])
    after = complete_data(risks=[risk("A"), {"category": "outputs", "name": "B"}])
    item = only_entry(compare(before, after, "4.0", "4.0"))
    assert (item.kind, item.after_number) == (ADDED, 2)
    assert [c.field.key for c in item.changes] == ["category", "name"]
    assert compare(before, after, "4.0", "4.0").changed_count == 2


def test_items_are_paired_in_order_where_they_cannot_be_matched():
    group = FIELDS["risks"]
    pairs = align_items(group, [risk("A"), risk("B"), risk("C")], [risk("A"), risk("B2"), risk("C"), risk("D")])
    assert pairs == [(0, 0), (1, 1), (2, 2), (None, 3)]


def test_unchanged_fields_are_left_out_unless_asked_for():
    before, after = complete_data(), complete_data(team="New team")
    everything = compare(before, after, "4.0", "4.0", include_unchanged=True)
    assert everything.changed_count == 1
    assert len(everything.sections) > 1
    assert {e.kind for s in everything.sections for e in s.entries} == {CHANGED, UNCHANGED}


def test_spacing_the_record_page_does_not_show_is_not_a_change():
    comparison = compare(complete_data(benefits="\n\nSaves time."), complete_data(benefits="Saves time."), "4.0", "4.0")
    assert comparison.changed_count == 0


def test_withholding_a_malformed_list_is_compared_without_crashing():
    before = {"risks": "not a list"}
    after = {"risks": [], WITHHELD: {"risks": "Safety."}}
    change = only_entry(compare(before, after, "4.0", "4.0"))
    assert (change.kind, change.after.text) == (ADDED, "Safety.")


def test_malformed_content_is_compared_without_crashing():
    before = {"risks": "not a list", WITHHELD: "not a map", "team": "A"}
    after = {"risks": [None, {"name": "A"}], "team": "B"}
    comparison = compare(before, after, "", "4.0")
    assert comparison.changed_keys == {"risks", "team"}


# --- Properties ------------------------------------------------------------------------------------------------

WORDS = st.sampled_from(["council", "tool", "data", "staff", "check", "weekly", "risk", "new"])
WITHHOLDABLE = sorted(f.key for f in FIELDS.values() if f.withholdable)


def text() -> st.SearchStrategy:
    return st.lists(WORDS, max_size=4).map(" ".join)


def value_for(f: Field) -> st.SearchStrategy:
    """Small values of the right shape for a field, often equal to each other so that unchanged fields happen."""
    match f.type:
        case FieldType.LONG_TEXT:
            return st.lists(text(), max_size=2).map("\n\n".join)
        case FieldType.URL:
            return st.sampled_from(["", "https://a.example/", "https://b.example/"])
        case FieldType.EMAIL:
            return st.sampled_from(["", "a@council.example", "b@council.example"])
        case FieldType.DATE:
            return st.sampled_from(["", "2026-01-05", "2026-02-01"])
        case FieldType.NUMBER:
            return st.none() | st.integers(0, 3)
        case FieldType.CHOICE:
            return st.sampled_from(["", *[value for value, _label in f.choices[:3]]])
        case FieldType.MULTI_CHOICE:
            return st.lists(st.sampled_from([value for value, _label in f.choices[:4]]), unique=True, max_size=3)
        case FieldType.GROUP:
            return st.lists(st.fixed_dictionaries({}, optional={s.key: value_for(s) for s in f.fields}), max_size=2)
    return text()


def record_data() -> st.SearchStrategy:
    fields = st.fixed_dictionaries({}, optional={f.key: value_for(f) for f in FIELDS.values()})
    withheld = st.dictionaries(st.sampled_from(WITHHOLDABLE), st.sampled_from(["Safety.", "Fraud risk."]), max_size=3)
    return st.tuples(fields, withheld).map(lambda pair: {**pair[0], WITHHELD: pair[1]} if pair[1] else pair[0])


@st.composite
def two_versions(draw):
    """Two versions' data and standards, the second usually a few edits away from the first."""
    before = draw(record_data())
    after = dict(before)
    for key in draw(st.sets(st.sampled_from(sorted(FIELDS)), max_size=4)):
        after[key] = draw(value_for(FIELDS[key]))
    if draw(st.booleans()):
        after[WITHHELD] = draw(st.dictionaries(st.sampled_from(WITHHOLDABLE), st.just("Other reason."), max_size=2))
    return before, after, draw(st.sampled_from(STANDARD_VERSIONS)), draw(st.sampled_from(STANDARD_VERSIONS))


def what_is_shown(f: Field, data: dict):
    """What the record page shows of a field: its withheld reason or its value, and for a list each filled-in entry."""
    reason = (data.get(WITHHELD) or {}).get(f.key)
    if f.is_group and not reason:
        entries = [[display_value(s, item.get(s.key)) for s in f.fields if not is_empty(item.get(s.key))]
                   for item in data.get(f.key) or []]
        return [entry for entry in entries if entry]
    return display_value(f, data.get(f.key), reason)


def every_change(comparison) -> list[Change]:
    return [c for s in comparison.sections for e in s.entries
            for c in (e.changes if isinstance(e, ItemChange) else [e])]


# Whole records are slow to generate, so these properties try fewer examples than Hypothesis's default of 100.
RECORDS = settings(max_examples=40, deadline=None)


@RECORDS
@given(record_data(), st.sampled_from(STANDARD_VERSIONS))
def test_a_version_compared_with_itself_has_no_changes(data, standard):
    comparison = compare(data, data, standard, standard)
    assert comparison.changed_count == 0
    assert comparison.sections == []


@RECORDS
@given(two_versions())
def test_exactly_the_fields_that_differ_are_reported(versions):
    before, after, before_standard, after_standard = versions
    compared = [f for f in FIELDS.values() if f.applies_to(before_standard) or f.applies_to(after_standard)]
    differ = {f.key for f in compared if what_is_shown(f, before) != what_is_shown(f, after)}
    assert compare(before, after, before_standard, after_standard).changed_keys == differ


@RECORDS
@given(two_versions())
def test_every_change_is_of_a_field_in_the_definition_and_really_differs(versions):
    before, after, before_standard, after_standard = versions
    for change in every_change(compare(before, after, before_standard, after_standard)):
        assert change.kind in (ADDED, REMOVED, CHANGED)
        assert change.before != change.after
        if change.group:
            assert FIELDS[change.group.key] is change.group
            assert change.field in change.group.fields
        else:
            assert FIELDS[change.key] is change.field


@RECORDS
@given(two_versions())
def test_comparing_the_other_way_round_swaps_added_and_removed(versions):
    before, after, before_standard, after_standard = versions
    forwards = compare(before, after, before_standard, after_standard)
    backwards = compare(after, before, after_standard, before_standard)
    assert forwards.changed_keys == backwards.changed_keys
    swap = {ADDED: REMOVED, REMOVED: ADDED, CHANGED: CHANGED}
    fields = {e.key: swap[e.kind] for s in forwards.sections for e in s.entries if isinstance(e, Change)}
    assert fields == {e.key: e.kind for s in backwards.sections for e in s.entries if isinstance(e, Change)}


@RECORDS
@given(two_versions())
def test_showing_unchanged_fields_too_does_not_change_the_count(versions):
    before, after, before_standard, after_standard = versions
    assert (compare(before, after, before_standard, after_standard, include_unchanged=True).changed_count
            == compare(before, after, before_standard, after_standard).changed_count)


@given(st.lists(st.lists(WORDS, min_size=1, max_size=6).map(" ".join), max_size=4),
       st.lists(st.lists(WORDS, min_size=1, max_size=6).map(" ".join), max_size=4))
def test_each_side_of_a_word_diff_is_its_own_text_with_only_its_own_kind_of_mark(old, new):
    before_side, after_side = word_diff("\n\n".join(old), "\n\n".join(new))
    assert ["".join(p.text for p in paragraph) for paragraph in before_side] == old
    assert ["".join(p.text for p in paragraph) for paragraph in after_side] == new
    assert {p.mark for paragraph in before_side for p in paragraph} <= {"", "del"}
    assert {p.mark for paragraph in after_side for p in paragraph} <= {"", "ins"}
