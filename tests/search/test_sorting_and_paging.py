import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def five(publish, settings):
    settings.RECORDS_PER_PAGE = 2
    for name in ("Delta tool", "alpha tool", "Echo tool", "Bravo tool", "Charlie tool"):
        publish(name)


def test_records_can_be_sorted_by_name(search, five):
    assert search(sort="name") + search(sort="name", page=2) + search(sort="name", page=3) == [
        "alpha tool", "Bravo tool", "Charlie tool", "Delta tool", "Echo tool"]


def test_records_can_be_sorted_by_last_update(search, five):
    assert search(sort="recent") == ["Charlie tool", "Bravo tool"]


def test_pages_of_a_search_follow_on(search, five):
    everything = search(q="tool", page=1) + search(q="tool", page=2) + search(q="tool", page=3)
    assert sorted(everything) == sorted(["Delta tool", "alpha tool", "Echo tool", "Bravo tool", "Charlie tool"])


def test_a_page_past_the_end_shows_the_last_page(search, five):
    assert search(sort="name", page=99) == ["Echo tool"]


def test_the_page_says_how_many_records_match(page, five):
    assert "5 records matching ‘tool’" in page(q="tool")
    assert "1 record matching ‘echo’" in page(q="echo")


def test_relevance_is_offered_only_for_a_search(page, five):
    assert "Most relevant" not in page()
    assert '<option value="" selected>Most relevant</option>' in page(q="tool")
    assert '<option value="recent">Recently updated</option>' in page(q="tool")


def test_an_unknown_sort_falls_back_to_the_usual_order(search, five):
    assert search(sort="'; drop table") == ["Charlie tool", "Bravo tool"]
