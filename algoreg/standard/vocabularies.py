"""Controlled lists of values: GOV.UK's ATRS finder facets, council types and our own extensions.

Values are the slugs GOV.UK uses in its finder, so records can be matched to the national collection. Labels are our
own plain English; where GOV.UK words a value differently, GOVUK_WORDING keeps GOV.UK's label for the files meant for
the national collection. Source: alphagov/specialist-publisher,
lib/documents/schemas/algorithmic_transparency_records.json (MIT), copied in algoreg/standard/data/.
"""

Choices = tuple[tuple[str, str], ...]

ORGANISATION_TYPES: Choices = (
    ("ministerial-department", "Ministerial department"),
    ("non-ministerial-department", "Non-ministerial department"),
    ("agency-or-public-body", "Agency or public body"),
    ("local-authority", "Local authority"),
    ("devolved-administration", "Devolved administration"),
    ("high-profile-group", "High profile group"),
    ("public-corporation", "Public corporation"),
)

# Finer types for local authorities (the GOV.UK vocabulary has only "Local authority").
# Values follow mySociety's local authority register, which the seed data comes from.
COUNCIL_TYPES: Choices = (
    ("county", "County council"),
    ("district", "District council"),
    ("unitary", "Unitary authority"),
    ("metropolitan-borough", "Metropolitan borough council"),
    ("london-borough", "London borough council"),
    ("city-of-london", "City of London Corporation"),
    ("combined-authority", "Combined authority"),
    ("welsh-unitary", "Welsh principal council"),
    ("scottish-unitary", "Scottish council"),
    ("ni-district", "Northern Ireland district council"),
    ("strategic-authority", "Strategic regional authority"),
)

FUNCTIONS: Choices = (
    ("general-public-services", "General public services"),
    ("defence", "Defence"),
    ("public-order-and-safety", "Public order and safety"),
    ("economic-affairs", "Economic affairs"),
    ("environmental-protection", "Environmental protection"),
    ("housing-and-community-amenities", "Housing and community amenities"),
    ("health", "Health"),
    ("recreation-culture-and-religion", "Recreation, culture and religion"),
    ("education", "Education"),
    ("social-protection", "Social protection"),
    ("regulation", "Regulation"),
)

CAPABILITIES: Choices = (
    ("computer-vision", "Computer vision"),
    ("computer-audition", "Computer audition"),
    ("computer-linguistics", "Computer linguistics"),
    ("robotics", "Robotics"),
    ("forecasting", "Forecasting"),
    ("discovery", "Discovery"),
    ("planning", "Planning"),
    ("creation", "Creation"),
    ("analysis", "Analysis"),
    ("management", "Management"),
    ("other", "Other"),
)

# ATRS 4.0 phases. "beta-pilot" belongs to earlier versions of the standard only.
PHASES: Choices = (
    ("pre-deployment", "Pre-deployment"),
    ("beta-pilot", "Beta or pilot"),
    ("private-beta", "Private beta"),
    ("public-beta", "Public beta"),
    ("production", "Production"),
    ("retired", "Retired"),
)
PHASES_V4 = tuple(value for value, _ in PHASES if value != "beta-pilot")

REGIONS: Choices = (
    ("international", "International"),
    ("uk", "UK"),
    ("great-britain", "Great Britain"),
    ("england-and-wales", "England and Wales"),
    ("england", "England"),
    ("scotland", "Scotland"),
    ("wales", "Wales"),
    ("northern-ireland", "Northern Ireland"),
    ("london", "London"),
    ("north-east", "North East"),
    ("north-west", "North West"),
    ("yorkshire-and-the-humber", "Yorkshire and the Humber"),
    ("east-midlands", "East Midlands"),
    ("west-midlands", "West Midlands"),
    ("south-east", "South East"),
    ("east-of-england", "East of England"),
    ("south-west", "South West"),
)

# Our extension: how far a person is involved in each decision or output.
HUMAN_INVOLVEMENT: Choices = (
    ("fully-automated", "Fully automated: the tool acts on its own output, with no person checking each case"),
    ("person-reviews", "A person checks the tool's output before anything happens"),
    ("person-decides", "A person makes the decision, using the tool's output as one input"),
    ("informs-only", "The tool only informs: it gives background or general help, not a decision about a person"),
)

# Short labels for places where the long ones do not fit, such as filters and the "at a glance" summary.
HUMAN_INVOLVEMENT_SHORT = {
    "fully-automated": "Fully automated",
    "person-reviews": "A person checks each output",
    "person-decides": "A person decides",
    "informs-only": "Tool only informs",
}

YES_NO: Choices = (("yes", "Yes"), ("no", "No"))

# The six kinds of risk the ATRS guidance asks publishers to think about.
RISK_CATEGORIES: Choices = (
    ("data", "Data"),
    ("application", "Application or use"),
    ("algorithm", "Algorithm, model or how well it works"),
    ("outputs", "Outputs and decisions"),
    ("organisational", "Organisational or corporate"),
    ("public-engagement", "Public engagement"),
)

# GOV.UK's finder labels where they differ from ours ("Beta/Pilot" where our pages say "Beta or pilot"). The ATRS
# layout, made for the national collection, writes the standard's labels exactly.
GOVUK_WORDING: dict[Choices, dict[str, str]] = {
    PHASES: {"beta-pilot": "Beta/Pilot", "private-beta": "Private Beta", "public-beta": "Public Beta"},
    FUNCTIONS: {"recreation-culture-and-religion": "Recreation culture and religion"},
}
# The lists that are GOV.UK's facets, by the finder's facet key (tests compare them with the copied schema).
GOVUK_FACETS: dict[str, Choices] = {
    "algorithmic_transparency_record_organisation_type": ORGANISATION_TYPES,
    "algorithmic_transparency_record_function": FUNCTIONS,
    "algorithmic_transparency_record_capability": CAPABILITIES,
    "algorithmic_transparency_record_phase": PHASES,
    "algorithmic_transparency_record_region": REGIONS,
}

STANDARD_VERSIONS = ("1.1", "2.1", "3.0", "4.0")
CURRENT_STANDARD_VERSION = "4.0"


def label_for(choices: Choices, value: str) -> str:
    """The label for a stored value, or the value itself when it is not in the list."""
    return dict(choices).get(value, value)


def govuk_label(choices: Choices, value: str) -> str:
    """The label GOV.UK gives a stored value; ours for values of lists that are not GOV.UK's."""
    return GOVUK_WORDING.get(choices, {}).get(value) or label_for(choices, value)
