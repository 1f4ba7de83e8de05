import re

import pytest

from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(publish, council, other_council):
    publish("Repairs triage", phase="production", function=["housing-and-community-amenities"],
            capability=["analysis"], human_involvement="person-decides", impact_assessments=[{"name": "EIA"}])
    publish("Rent arrears model", phase="production", function=["housing-and-community-amenities",
                                                                "social-protection"],
            capability=["forecasting"], human_involvement="person-reviews",
            impact_assessments=[{"name": "DPIA", "url": "https://example-borough.example/dpia"}])
    publish("Benefits chatbot", phase="public-beta", function=["social-protection"],
            capability=["computer-linguistics"], human_involvement="informs-only",
            impact_assessments=[{"name": "DPIA", "summary": "Not published."}])
    publish("Parking permits", organisation=other_council, phase="production", function=["economic-affairs"],
            capability=["analysis"], human_involvement="fully-automated", impact_assessments=[])


def counts(html: str, key: str) -> dict[str, int]:
    """The count shown beside each value of a filter."""
    found = re.findall(rf'name="{key}" type="checkbox" value="([^"]+)"[^>]*>\s*<label[^>]*>\s*[^<]*?\(([\d,]+)\)',
                       html)
    return {value: int(n.replace(",", "")) for value, n in found}


def test_each_filter_shows_how_many_records_have_each_value(page, records):
    html = page()
    assert counts(html, "phase") == {"public-beta": 1, "production": 3}
    assert counts(html, "human_involvement") == {"fully-automated": 1, "person-reviews": 1, "person-decides": 1,
                                                 "informs-only": 1}
    assert counts(html, "impact_assessment") == {"yes": 1, "no": 3}
    assert counts(html, "organisation") == {"example-borough-council": 3, "sampleshire-county-council": 1}
    assert counts(html, "organisation_type") == {"county": 1, "london-borough": 3}
    assert counts(html, "standard_version") == {"4.0": 4}


def test_several_values_of_one_filter_widen_the_results(search, records):
    assert sorted(search(capability=["forecasting", "computer-linguistics"])) == ["Benefits chatbot",
                                                                                 "Rent arrears model"]


def test_different_filters_narrow_the_results(search, records):
    assert search(function="social-protection", phase="production") == ["Rent arrears model"]


def test_each_filter_is_counted_with_the_other_filters_applied(page, records):
    html = page(function="social-protection", phase="production")
    assert counts(html, "phase") == {"production": 1, "public-beta": 1}
    assert counts(html, "function") == {"housing-and-community-amenities": 2, "social-protection": 1,
                                        "economic-affairs": 1}
    assert counts(html, "capability") == {"forecasting": 1}


def test_counts_follow_the_search_words(page, records):
    assert counts(page(q="chatbot"), "phase") == {"public-beta": 1}


def test_an_impact_assessment_counts_as_published_only_with_a_link(search, records):
    assert search(impact_assessment="yes") == ["Rent arrears model"]
    assert sorted(search(impact_assessment="no")) == ["Benefits chatbot", "Parking permits", "Repairs triage"]


def test_the_page_explains_what_impact_assessment_published_means(page, records):
    assert "‘Yes’ means the record lists at least one impact assessment with a link" in page()


def test_region_covers_where_the_organisation_is_and_the_areas_the_record_names(search, publish, records):
    welsh = make_organisation("Cyngor Enghraifft", council_type="welsh-unitary", region="wales", nation="Wales")
    publish("Welsh translation helper", organisation=welsh, region=["wales"])
    publish("National tool", region=["scotland"])
    assert search(region="wales") == ["Welsh translation helper"]
    assert search(region="scotland") == ["National tool"]
    assert len(search(region="london")) == 4


def test_chosen_values_appear_as_tags_that_remove_them(page, records):
    html = page(q="rent", phase=["production", "public-beta"])
    assert 'href="?q=rent&amp;phase=public-beta"' in html
    assert 'href="?q=rent&amp;phase=production"' in html
    assert 'href="?phase=production&amp;phase=public-beta"' in html  # the search words' own tag
    assert "Phase: Production" in html and "Search: ‘rent’" in html


def test_organisations_beyond_the_first_ten_are_behind_a_link(page, publish):
    for n in range(12):
        publish(f"Tool {n}", organisation=make_organisation(f"Council {n:02}", slug=f"council-{n:02}"))
    assert len(counts(page(), "organisation")) == 10
    assert "Show all 12 organisations" in page()
    assert len(counts(page(show="organisation"), "organisation")) == 12


def test_unknown_filter_values_find_nothing_rather_than_fail(search, records):
    assert search(phase="<script>", organisation="'; drop table") == []
