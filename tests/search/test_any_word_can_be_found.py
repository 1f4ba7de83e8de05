"""Any word in any alphabet that a council writes can be found again by typing it, on both databases."""

from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from algoreg.search.analysis import tokens

pytestmark = pytest.mark.django_db

MARKERS = count()
WORDS = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd")), min_size=1, max_size=15)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=WORDS)
def test_a_word_in_a_record_finds_that_record(search, publish, word):
    if not tokens(word):
        return
    marker = f"zq{next(MARKERS)}"  # a word only this example's record has
    name = f"Tool {word} {marker}"
    publish(name)
    assert search(q=f"{word} {marker}") == [name]
    assert search(q=f'"{word} {marker}"') == [name]
