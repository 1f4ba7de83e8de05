"""The filters on the search page: what each one is called, its values, and how a value is written in URLs."""

from dataclasses import dataclass

from algoreg.standard import vocabularies as vocab

from .documents import NOT_STATED

NOT_STATED_LABEL = "Not stated"


@dataclass(frozen=True)
class Facet:
    key: str  # also the URL parameter
    label: str
    choices: tuple[tuple[str, str], ...] = ()  # empty for organisations, whose values come from the register
    hint: str = ""
    shown: int = 0  # show only this many values (the most common) unless asked for all; 0 shows every value


ORGANISATION_TYPES = tuple(vocab.COUNCIL_TYPES) + tuple(
    (value, label) for value, label in vocab.ORGANISATION_TYPES if value != "local-authority"
) + (("local-authority", "Other local authority"),)

FACETS: tuple[Facet, ...] = (
    Facet("organisation", "Organisation", shown=10),
    Facet("organisation_type", "Type of organisation", ORGANISATION_TYPES),
    Facet("region", "Region or nation", vocab.REGIONS,
          hint="Where the organisation is, and the areas the record says the tool covers."),
    Facet("phase", "Phase", vocab.PHASES + ((NOT_STATED, NOT_STATED_LABEL),)),
    Facet("function", "Service area", vocab.FUNCTIONS),
    Facet("capability", "What kind of tool it is", vocab.CAPABILITIES),
    Facet("human_involvement", "How far a person is involved",
          tuple(vocab.HUMAN_INVOLVEMENT_SHORT.items()) + ((NOT_STATED, NOT_STATED_LABEL),)),
    Facet("impact_assessment", "Impact assessment published", (("yes", "Yes"), ("no", "No")),
          hint="‘Yes’ means the record lists at least one impact assessment with a link to the published "
               "assessment."),
    Facet("standard_version", "Version of the standard",
          tuple((v, f"Version {v}") for v in reversed(vocab.STANDARD_VERSIONS))
          + ((NOT_STATED, "Not stated (summaries of GOV.UK records)"),)),
)
FACETS_BY_KEY = {f.key: f for f in FACETS}
