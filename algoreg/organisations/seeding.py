"""Seed organisations: UK councils from mySociety's register and the bodies that publish ATRS records on GOV.UK.

Both read only the data files in organisations/data (see the README there), so seeding works offline.
"""

import csv
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from algoreg.organisations.models import Organisation

DATA_DIR = Path(__file__).resolve().parent / "data"
COUNCILS_CSV = DATA_DIR / "uk_local_authorities_current.csv"
PUBLISHERS_JSON = DATA_DIR / "govuk_publishers.json"

# mySociety's local-authority-type codes -> vocabularies.COUNCIL_TYPES.
COUNCIL_TYPES = {
    "NMD": "district",
    "UA": "unitary",
    "MD": "metropolitan-borough",
    "LBO": "london-borough",
    "CTY": "county",
    "COMB": "combined-authority",
    "WPA": "welsh-unitary",
    "SCO": "scottish-unitary",
    "NID": "ni-district",
    "SRA": "strategic-authority",
    "CC": "city-of-london",
}
NATION_REGIONS = {
    "England": "england", "Wales": "wales", "Scotland": "scotland", "Northern Ireland": "northern-ireland",
}

# Fields the council register owns; website, about and contact details are left for people to maintain.
COUNCIL_FIELDS = ["name", "org_type", "council_type", "region", "nation", "gss_code"]
PUBLISHER_FIELDS = ["name", "org_type", "region", "nation", "website"]

# Words around a council's name that people often add or leave out ("Camden Council", "London Borough of Camden").
NAME_PREFIXES = ("the ", "london borough of ", "royal borough of ")
NAME_SUFFIXES = (
    " metropolitan borough council",
    " county borough council",
    " borough council",
    " district council",
    " county council",
    " city council",
    " council",
)


# --- Councils ---------------------------------------------------------------------------------------------------


@cache
def current_council_rows() -> tuple[dict[str, str], ...]:
    """Rows of councils that exist today, in register-code order."""
    with COUNCILS_CSV.open(encoding="utf-8", newline="") as f:
        rows = [row for row in csv.DictReader(f) if row["current-authority"] == "True"]
    return tuple(sorted(rows, key=lambda row: row["local-authority-code"]))


@cache
def council_slugs() -> dict[str, str]:
    """Slug per register code: GOV.UK's slug, else the short name; a clash gets the register code appended.

    Slugified either way, because one GOV.UK slug ("st.-helens") has a character web addresses here do not allow.

    Councils with a GOV.UK slug are placed first, so they always keep it.
    """
    slugs: dict[str, str] = {}
    for row in sorted(current_council_rows(), key=lambda row: (not row["gov-uk-slug"], row["local-authority-code"])):
        code = row["local-authority-code"]
        slug = slugify(row["gov-uk-slug"] or row["nice-name"])
        if slug in slugs.values():
            slug = f"{slug}-{code.lower()}"
        slugs[code] = slug
    return slugs


def council_region(row: dict[str, str]) -> str:
    """An English council's region ('Yorkshire and The Humber' -> 'yorkshire-and-the-humber'), else its nation."""
    if row["nation"] == "England" and row["region"]:
        return slugify(row["region"])
    return NATION_REGIONS.get(row["nation"], "")


def council_organisation(row: dict[str, str]) -> Organisation:
    return Organisation(
        slug=council_slugs()[row["local-authority-code"]],
        name=row["official-name"].strip(),
        org_type="local-authority",
        council_type=COUNCIL_TYPES[row["local-authority-type"]],
        region=council_region(row),
        nation=row["nation"],
        gss_code=row["gss-code"],
    )


def seed_councils() -> int:
    """Create or update, by slug, an organisation for every current UK council. Returns how many councils there are."""
    organisations = [council_organisation(row) for row in current_council_rows()]
    Organisation.objects.bulk_create(
        organisations, update_conflicts=True, unique_fields=["slug"], update_fields=COUNCIL_FIELDS
    )
    return len(organisations)


def councils_by_code(codes: Iterable[str]) -> dict[str, Organisation]:
    """Seeded council organisations by register code, matched on GSS code."""
    codes = set(codes)
    gss_to_code = {row["gss-code"]: row["local-authority-code"] for row in current_council_rows()}
    wanted = [gss for gss, code in gss_to_code.items() if code in codes]
    found = Organisation.objects.filter(org_type="local-authority", gss_code__in=wanted)
    return {gss_to_code[org.gss_code]: org for org in found}


# --- GOV.UK publishers ------------------------------------------------------------------------------------------


@cache
def publisher_entries() -> tuple[dict, ...]:
    return tuple(json.loads(PUBLISHERS_JSON.read_text(encoding="utf-8")))


def publisher_key(record: dict) -> str:
    """The key for a GOV.UK index record (or publisher entry): its publishing body, or its title when it has none."""
    return record["publishing_body"] or record.get("record_title") or record["title"]


def seed_bodies(entries: Iterable[dict]) -> dict[str, Organisation]:
    """Create or update the non-council publishers, by slug; several entries may share one slug."""
    by_slug = {entry["slug"]: entry for entry in entries}
    organisations = [
        Organisation(slug=slug, **{field: entry[field] for field in PUBLISHER_FIELDS})
        for slug, entry in by_slug.items()
    ]
    Organisation.objects.bulk_create(
        organisations, update_conflicts=True, unique_fields=["slug"], update_fields=PUBLISHER_FIELDS
    )
    return Organisation.objects.in_bulk(list(by_slug), field_name="slug")


def seeded_councils(codes: set[str]) -> dict[str, Organisation]:
    """Council organisations for these register codes, seeding the councils first if any are missing."""
    councils = councils_by_code(codes)
    if len(councils) < len(codes):
        seed_councils()
        councils = councils_by_code(codes)
    return councils


def fill_council_websites(entries: Iterable[dict], councils: dict[str, Organisation]) -> None:
    """Give publishing councils their website, without overwriting one someone has entered."""
    changed = []
    for entry in entries:
        council = councils[entry["council_code"]]
        if entry["website"] and not council.website:
            council.website = entry["website"]
            changed.append(council)
    Organisation.objects.bulk_update(changed, ["website"])


@transaction.atomic
def seed_govuk_publishers() -> dict[str, Organisation]:
    """Create or update the GOV.UK record publishers; returns publisher_key -> Organisation.

    A council publisher is the council's own organisation, so it is never duplicated.
    """
    entries = publisher_entries()
    council_entries = [entry for entry in entries if entry["council_code"]]
    councils = seeded_councils({entry["council_code"] for entry in council_entries})
    fill_council_websites(council_entries, councils)
    bodies = seed_bodies(entry for entry in entries if not entry["council_code"])
    return {
        publisher_key(entry): councils[entry["council_code"]] if entry["council_code"] else bodies[entry["slug"]]
        for entry in entries
    }


# --- Matching council names -------------------------------------------------------------------------------------


def normalise_name(name: str) -> str:
    """Lower case, no accents or punctuation, '&' as 'and', single spaces."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def core_name(key: str) -> str:
    """A normalised name without the council words around it ('london borough of camden' -> 'camden')."""
    for prefix in NAME_PREFIXES:
        key = key.removeprefix(prefix)
    for suffix in NAME_SUFFIXES:
        if key.endswith(suffix):
            return key.removesuffix(suffix)
    return key


def council_names(row: dict[str, str]) -> list[str]:
    """Every name for a council. alt-names is comma-separated but names hold commas too, so runs of parts are kept."""
    parts = [part.strip() for part in row["alt-names"].split(",") if part.strip()]
    runs = [", ".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, min(i + 3, len(parts)) + 1)]
    return [row["official-name"], row["nice-name"], *runs]


def unambiguous(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Keys that lead to exactly one value; a name shared by two councils matches neither."""
    values: dict[str, set[str]] = defaultdict(set)
    for key, value in pairs:
        if key:
            values[key].add(value)
    return {key: found.pop() for key, found in values.items() if len(found) == 1}


@cache
def council_name_index() -> dict[str, str]:
    """Normalised council name -> GSS code. Names as written win over names with the council words taken off."""
    names = [(normalise_name(name), row["gss-code"]) for row in current_council_rows() for name in council_names(row)]
    return unambiguous((core_name(key), gss) for key, gss in names) | unambiguous(names)


def match_council(name: str) -> Organisation | None:
    """The seeded council a free-text name refers to, or None."""
    key = normalise_name(name)
    index = council_name_index()
    gss = index.get(key) or index.get(core_name(key))
    if not gss:
        return None
    return Organisation.objects.filter(org_type="local-authority", gss_code=gss).first()
