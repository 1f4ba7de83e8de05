import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(publish):
    publish("Homelessness prevention", description="Predicts which households may lose their housing.")
    publish("Pothole reporter", description="Residents report potholes with photographs.")
    publish("Waste collection planner", benefits="Fewer missed bins and better organised rounds.")


def test_a_word_finds_other_forms_of_it(search, records):
    assert search(q="housed") == ["Homelessness prevention"]
    assert search(q="photograph") == ["Pothole reporter"]


def test_every_word_must_appear(search, records):
    assert search(q="residents potholes") == ["Pothole reporter"]
    assert search(q="residents housing") == []


def test_the_last_word_matches_the_start_of_longer_words(search, records):
    assert search(q="pothol") == ["Pothole reporter"]
    assert search(q="residents phot") == ["Pothole reporter"]


def test_only_the_last_word_is_treated_as_a_start(search, records):
    assert search(q="phot residents") == []


def test_text_anywhere_in_the_record_is_searched(search, records):
    assert search(q="organised rounds") == ["Waste collection planner"]


def test_the_organisation_name_is_searched(search, records, other_council, publish):
    publish("Parking permits", organisation=other_council)
    assert search(q="Sampleshire") == ["Parking permits"]


def test_accents_and_case_do_not_matter(search, publish):
    publish("Gwasanaeth Cymraeg", description="Cyngor Sir Ddinbych: gwasanaeth ŵyr.")
    assert search(q="GWASANAETH") == ["Gwasanaeth Cymraeg"]
    assert search(q="wyr") == ["Gwasanaeth Cymraeg"]


def test_common_words_are_left_out_of_a_search(search, records):
    assert search(q="the potholes of the residents") == ["Pothole reporter"]


def test_repeatable_items_are_searched(search, publish):
    publish("Fraud checker", risks=[{"category": "data", "name": "Stale addresses",
                                     "description": "Electoral register extracts go out of date."}])
    assert search(q="electoral register") == ["Fraud checker"]
