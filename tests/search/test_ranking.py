from datetime import UTC

import pytest

pytestmark = pytest.mark.django_db


def test_a_match_in_the_name_ranks_above_the_summary_above_the_rest(search, publish):
    publish("Rest match", benefits="Helps with recycling.")
    publish("Summary match", description="Plans recycling rounds.")
    publish("Recycling planner")
    assert search(q="recycling") == ["Recycling planner", "Summary match", "Rest match"]


def test_matching_more_of_the_search_in_the_name_ranks_higher(search, publish):
    publish("Bin rounds", description="Plans recycling rounds.")
    publish("Recycling bin rounds")
    assert search(q="recycling rounds") == ["Recycling bin rounds", "Bin rounds"]


def test_ties_go_to_the_most_recently_updated_then_the_oldest_record(search, publish, council):
    from datetime import datetime

    from algoreg.records.publishing import publish as publish_version

    first = publish("Recycling one")
    publish("Recycling two")
    third = publish("Recycling three")
    newest = datetime(2030, 1, 1, tzinfo=UTC)
    for record in (first, third):
        publish_version(record, record.current_version.data, "4.0", "Update.", newest)
    assert search(q="recycling") == ["Recycling one", "Recycling three", "Recycling two"]


def test_without_words_the_newest_records_come_first(search, publish):
    publish("Older")
    publish("Newer")
    assert search() == ["Newer", "Older"]


def test_a_long_search_is_ranked_the_same_way(search, publish):
    words = "recycling rounds depot vans crews routes bins"
    publish("Rest match", benefits=f"About {words}.")
    publish("Summary match", description=f"About {words}.")
    publish(f"Name match {words}")
    assert search(q=words) == [f"Name match {words}", "Summary match", "Rest match"]


def test_a_quoted_phrase_ranks_by_where_its_words_are(search, publish):
    publish("Care planner", description="Plans adult social care visits.")
    publish("Adult social care planner")
    assert search(q='"adult social care"') == ["Adult social care planner", "Care planner"]
