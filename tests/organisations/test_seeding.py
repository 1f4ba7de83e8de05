import json
from pathlib import Path

import pytest

from algoreg.organisations import seeding
from algoreg.organisations.models import Organisation
from algoreg.standard import vocabularies as vocab

RECORD_INDEX = Path(seeding.__file__).resolve().parents[1] / "records" / "data" / "govuk_atrs_record_index_2026-07.json"
COUNCIL_FIELDS = ["slug", "name", "org_type", "council_type", "region", "nation", "gss_code", "website"]


def govuk_records() -> list[dict]:
    return json.loads(RECORD_INDEX.read_text(encoding="utf-8"))["records"]


def snapshot() -> list[tuple]:
    return list(Organisation.objects.order_by("pk").values_list("pk", *COUNCIL_FIELDS))


@pytest.mark.django_db
def test_seeds_every_current_council():
    assert seeding.seed_councils() == 397
    councils = Organisation.objects.filter(org_type="local-authority")
    assert councils.count() == 397
    camden = councils.get(gss_code="E09000007")
    assert (camden.name, camden.slug, camden.council_type, camden.region, camden.nation) == (
        "London Borough of Camden", "camden", "london-borough", "london", "England"
    )
    assert councils.get(name="Leeds City Council").region == "yorkshire-and-the-humber"
    assert councils.get(name="Aberdeenshire Council").region == "scotland"
    assert councils.get(name="Greater London Authority").council_type == "strategic-authority"


@pytest.mark.django_db
def test_council_values_come_from_the_vocabularies():
    seeding.seed_councils()
    councils = Organisation.objects.filter(org_type="local-authority")
    assert set(councils.values_list("council_type", flat=True)) <= dict(vocab.COUNCIL_TYPES).keys()
    assert set(councils.values_list("region", flat=True)) <= dict(vocab.REGIONS).keys()
    assert councils.filter(gss_code="").count() == 0


@pytest.mark.django_db
def test_seeding_councils_uses_a_few_queries(django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        seeding.seed_councils()


@pytest.mark.django_db
def test_seeding_twice_changes_nothing():
    seeding.seed_councils()
    seeding.seed_govuk_publishers()
    before = snapshot()
    seeding.seed_councils()
    seeding.seed_govuk_publishers()
    assert snapshot() == before


@pytest.mark.django_db
def test_reseeding_keeps_a_website_someone_entered():
    seeding.seed_govuk_publishers()
    Organisation.objects.filter(gss_code="E09000007").update(website="https://example.org/camden/")
    seeding.seed_councils()
    seeding.seed_govuk_publishers()
    assert Organisation.objects.get(gss_code="E09000007").website == "https://example.org/camden/"


@pytest.mark.django_db
def test_every_govuk_record_maps_to_an_organisation():
    publishers = seeding.seed_govuk_publishers()
    records = govuk_records()
    assert len(records) == 136
    assert len({record["publishing_body"] for record in records if record["publishing_body"]}) == 73
    for record in records:
        organisation = publishers[seeding.publisher_key(record)]
        assert organisation.pk and Organisation.objects.filter(pk=organisation.pk).exists()


@pytest.mark.django_db
def test_same_body_under_two_names_is_one_organisation():
    publishers = seeding.seed_govuk_publishers()
    assert publishers["DWP"] == publishers["Whitemail Insights and Vulnerability Scanner"]
    assert publishers["DSIT"] == publishers["DSIT - Redbox"] == publishers["DSIT - Parlex"]
    assert publishers["GOV.UK Data Labs (Cabinet Office)"] == publishers["Cabinet Office"]
    assert publishers["HMRC"].name == "HM Revenue & Customs"
    assert publishers["TrustID"].name == "Housing Ombudsman Service"


@pytest.mark.django_db
def test_council_publishers_reuse_the_council_rows():
    seeding.seed_councils()
    camden = Organisation.objects.get(gss_code="E09000007")
    publishers = seeding.seed_govuk_publishers()
    assert publishers["Camden Council"].pk == camden.pk
    assert Organisation.objects.filter(org_type="local-authority").count() == 397
    assert Organisation.objects.get(pk=camden.pk).website == "https://www.camden.gov.uk/"
    assert publishers["Greater London Authority"].gss_code == "E61000001"


@pytest.mark.django_db
def test_publishers_seed_councils_when_needed():
    publishers = seeding.seed_govuk_publishers()
    assert publishers["Newcastle City Council"].name == "Newcastle City Council"
    assert Organisation.objects.filter(org_type="local-authority").count() == 397


def test_publisher_file_is_consistent():
    entries = seeding.publisher_entries()
    slugs = seeding.council_slugs()
    by_slug: dict[str, dict] = {}
    for entry in entries:
        assert entry["org_type"] in dict(vocab.ORGANISATION_TYPES)
        assert entry["region"] in dict(vocab.REGIONS) or entry["region"] == ""
        assert (entry["org_type"] == "local-authority") == bool(entry["council_code"])
        if entry["council_code"]:
            assert entry["slug"] == slugs[entry["council_code"]]
        fields = {key: entry[key] for key in ("name", "org_type", "region", "nation", "website")}
        assert by_slug.setdefault(entry["slug"], fields) == fields, entry["slug"]


@pytest.mark.django_db
def test_slugs_and_names_are_unique():
    seeding.seed_councils()
    seeding.seed_govuk_publishers()
    slugs = list(Organisation.objects.values_list("slug", flat=True))
    names = list(Organisation.objects.values_list("name", flat=True))
    assert len(slugs) == len(set(slugs)) == len(names) == len(set(names))
    assert all(slugs)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "gss_code"),
    [
        ("London Borough of Camden", "E09000007"),
        ("camden council", "E09000007"),
        ("CAMDEN", "E09000007"),
        ("Bristol, City of", "E06000023"),
        ("City of Bristol", "E06000023"),
        ("Hull City Council", "E06000010"),
        ("Kingston-upon-Hull", "E06000010"),
        ("Rhondda Cynon Taf", "W06000016"),
        ("Armagh, Banbridge & Craigavon", "N09000002"),
        ("Isle of Anglesey", "W06000001"),
        ("Durham", "E06000047"),
        ("Newcastle City Council", "E08000021"),
        ("Newcastle-under-Lyme", "E07000195"),
        ("The Royal Borough of Greenwich", "E09000011"),
    ],
)
def test_match_council_by_official_short_and_alternative_names(name, gss_code):
    seeding.seed_councils()
    council = seeding.match_council(name)
    assert council is not None and council.gss_code == gss_code


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Atlantis District Council", "", "council", "City of"])
def test_match_council_returns_none_for_unknown_names(name):
    seeding.seed_councils()
    assert seeding.match_council(name) is None


@pytest.mark.django_db
def test_match_council_finds_every_council_that_publishes_on_govuk():
    seeding.seed_councils()
    slugs = seeding.council_slugs()
    for entry in seeding.publisher_entries():
        if entry["council_code"]:
            council = seeding.match_council(entry["publishing_body"])
            assert council is not None and council.slug == slugs[entry["council_code"]], entry["publishing_body"]


@pytest.mark.django_db
def test_every_seeded_organisation_has_a_page(client):
    from django.urls import reverse

    seeding.seed_councils()
    seeding.seed_govuk_publishers()
    for slug in Organisation.objects.values_list("slug", flat=True):
        reverse("organisations:detail", args=[slug])  # raises if the slug cannot be part of a web address
    assert client.get("/organisations/?all=1").status_code == 200
