"""The one tidying of text that the editor, the API and imports share (algoreg.standard.cleaning)."""

import re

from hypothesis import given
from hypothesis import strategies as st

from algoreg.standard.cleaning import balanced_bidi, clean_content, clean_text, displayable
from tests.untidy_text import BALANCED, MULTI_LINE, MULTI_LINE_TIDY, SINGLE_LINE, SINGLE_LINE_TIDY

BIDI_OPENERS = "\u202a\u202b\u202d\u202e\u2066\u2067\u2068"
BIDI_CLOSERS = "\u202c\u2069"
# Text made of letters, spaces, line ends, control characters and bidirectional formatting in any order.
AWKWARD = st.text(st.sampled_from(["a", "\u05d0", " ", "\t", "\n", "\r", "\x00", "\x07", "\x0b", "\x1b", "\x7f",
                                   *BIDI_OPENERS, *BIDI_CLOSERS]))


def closes_everything(text: str) -> bool:
    """Whether every bidirectional opener in each line is closed in that line, and nothing else is closed."""
    for line in text.split("\n"):
        stack = []
        for character in line:
            if character in BIDI_OPENERS:
                stack.append(character)
            elif character == "\u202c":
                if not stack or stack.pop() not in "\u202a\u202b\u202d\u202e":
                    return False
            elif character == "\u2069":
                if not stack or stack.pop() not in "\u2066\u2067\u2068":
                    return False
        if stack:
            return False
    return True


def test_control_characters_unclosed_overrides_and_untidy_ends_go():
    assert clean_text(SINGLE_LINE, multiline=False) == SINGLE_LINE_TIDY
    assert clean_text(MULTI_LINE) == MULTI_LINE_TIDY


def test_right_to_left_writing_with_its_marks_closed_is_kept():
    assert clean_text(BALANCED) == BALANCED
    assert clean_text("\u200fشكرا\u200e") == "\u200fشكرا\u200e"  # the plain direction marks open nothing


def test_an_override_closed_only_on_the_next_line_is_not_closed():
    assert clean_text("\u202eabc\ndef\u202c") == "abc\ndef"


def test_closing_an_isolate_ends_the_embeddings_opened_inside_it():
    assert balanced_bidi("\u2067a\u202eb\u2069c") == "\u2067ab\u2069c"
    assert balanced_bidi("\u202ba\u2067b\u202cc\u2069\u202c") == "\u202ba\u2067bc\u2069\u202c"


def test_content_is_tidied_field_by_field_with_empty_parts_left_out():
    content = {"name": SINGLE_LINE, "description": MULTI_LINE, "team": " \x07 ", "region": [" london "],
               "risks": [{"name": SINGLE_LINE, "description": " "}, {"name": "\x1b"}],
               "withheld": {"task": MULTI_LINE}, "decisions_per_year": 12}
    assert clean_content(content) == {
        "name": SINGLE_LINE_TIDY, "description": MULTI_LINE_TIDY, "region": ["london"],
        "risks": [{"name": SINGLE_LINE_TIDY}], "withheld": {"task": MULTI_LINE_TIDY}, "decisions_per_year": 12}


@given(AWKWARD, st.booleans())
def test_tidy_text_has_no_control_characters_and_closes_what_it_opens(text, multiline):
    tidy = clean_text(text, multiline)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", tidy)
    assert closes_everything(tidy)
    assert tidy == tidy.strip()
    assert multiline or "\n" not in tidy


@given(AWKWARD, st.booleans())
def test_tidying_twice_changes_nothing_more(text, multiline):
    once = clean_text(text, multiline)
    assert clean_text(once, multiline) == once
    assert displayable(once) == once


@given(AWKWARD)
def test_text_shown_whatever_was_stored_closes_what_it_opens(text):
    shown = displayable(text)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", shown)
    assert closes_everything(shown.replace("\r\n", "\n").replace("\r", "\n"))
