"""The removable tags above the results: one for the search words and one for each chosen filter value."""

from dataclasses import dataclass

from django.http import QueryDict

from algoreg.jinja2 import query_with


@dataclass
class Tag:
    label: str  # what is shown, e.g. "Phase: Production"
    remove_url: str


def filter_tags(results, params: QueryDict) -> list[Tag]:
    tags = []
    if results.query.text:
        tags.append(Tag(f"Search: ‘{results.query.text}’", query_with(params, q=None, page=None, sort=None)))
    for facet in results.facets:
        chosen = [o.value for o in facet.selected]
        for option in facet.selected:
            rest = [v for v in chosen if v != option.value]
            tags.append(Tag(f"{facet.label}: {option.label}", query_with(params, page=None, **{facet.key: rest})))
    return tags
