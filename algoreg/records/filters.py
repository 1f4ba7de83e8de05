"""The filters on the public records list: organisation, phase and service area, several values at once."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import QueryDict

from algoreg.organisations.models import Organisation
from algoreg.standard import vocabularies as vocab

from .models import Record, RecordFacet


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Filter:
    key: str
    label: str
    options: list[Option]

    @property
    def selected(self) -> list[Option]:
        return [o for o in self.options if o.selected]


def chosen(params: QueryDict, key: str) -> list[str]:
    return [v for v in params.getlist(key) if v][:50]


def apply_filters(records: QuerySet[Record], params: QueryDict) -> QuerySet[Record]:
    # A plain word match until full-text search arrives; every word must appear somewhere.
    for word in params.get("q", "").split()[:10]:
        records = records.filter(
            Q(name__icontains=word) | Q(one_sentence_description__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    if organisations := chosen(params, "organisation"):
        records = records.filter(organisation__slug__in=organisations)
    if phases := chosen(params, "phase"):
        records = records.filter(phase__in=phases)
    if functions := chosen(params, "function"):
        records = records.filter(pk__in=RecordFacet.objects.filter(facet="function", value__in=functions)
                                 .values("record"))
    return records


def build_filters(records: QuerySet[Record], params: QueryDict) -> list[Filter]:
    """Each filter with its options and how many of the listed records have each one."""
    org_counts = dict(records.values_list("organisation").annotate(n=Count("pk")).order_by())
    organisations = Organisation.objects.filter(pk__in=org_counts.keys()).values_list("pk", "slug", "name")
    phase_counts = dict(records.values_list("phase").annotate(n=Count("pk")).order_by())
    function_counts = dict(
        RecordFacet.objects.filter(facet="function", record__in=records)
        .values_list("value").annotate(n=Count("pk")).order_by()
    )
    return [
        make_filter("organisation", "Organisation", [(slug, name, org_counts[pk]) for pk, slug, name in organisations],
                    params),
        make_filter("phase", "Phase", [(v, label, phase_counts.get(v, 0)) for v, label in vocab.PHASES], params),
        make_filter("function", "Service area",
                    [(v, label, function_counts.get(v, 0)) for v, label in vocab.FUNCTIONS], params),
    ]


def make_filter(key: str, label: str, options: list[tuple[str, str, int]], params: QueryDict) -> Filter:
    selected = set(chosen(params, key))
    return Filter(key, label, [Option(v, lab, n, v in selected) for v, lab, n in options if n or v in selected])
