import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(publish):
    publish("Benefits letter writer", description="Uses artificial intelligence to draft letters.")
    publish("Chat helper", description="A generative AI assistant built on a large language model.")
    publish("Needs assessment", description="Completed a DPIA and an equality impact assessment.")
    publish("School leavers tracker", description="Finds young people not in education, employment or training.")
    publish("ASC front door", description="Routes ASC referrals.")
    publish("Adult social care triage", description="Sorts referrals.")
    publish("Trees", description="Machine learning finds diseased trees.")


def test_an_abbreviation_finds_its_meaning_and_itself(search, records):
    assert sorted(search(q="AI")) == ["Benefits letter writer", "Chat helper"]


def test_a_meaning_finds_its_abbreviation(search, records):
    assert sorted(search(q="artificial intelligence")) == ["Benefits letter writer", "Chat helper"]


@pytest.mark.parametrize("typed, expected", [
    ("LLM", ["Chat helper"]),
    ("large language model", ["Chat helper"]),
    ("ML", ["Trees"]),
    ("data protection impact assessment", ["Needs assessment"]),
    ("EIA", ["Needs assessment"]),
    ("NEET", ["School leavers tracker"]),
    ("ASC", ["ASC front door", "Adult social care triage"]),
    ("adult social care", ["ASC front door", "Adult social care triage"]),
])
def test_each_pair_works_both_ways(search, records, typed, expected):
    assert sorted(search(q=typed)) == expected


def test_abbreviations_work_alongside_other_words(search, records):
    assert search(q="AI letters") == ["Benefits letter writer"]


def test_an_everyday_word_is_only_an_abbreviation_in_capitals(search, publish):
    publish("Transport for pupils", description="For children with special educational needs and disabilities.")
    publish("Reminder service", description="We send reminders by text.")
    assert sorted(search(q="SEND")) == ["Reminder service", "Transport for pupils"]
    assert search(q="send") == ["Reminder service"]
