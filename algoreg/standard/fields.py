"""The one definition of an algorithmic transparency record.

Every field of every supported ATRS version (1.1, 2.1, 3.0, 4.0) and our own structured extensions is declared
here once. Forms, validation, the public pages, the API, import and export all read this module; nothing else
lists the fields.

A field's `atrs` mapping gives the key the field has in each ATRS version's template (ATRS renamed fields between
versions, so one field can have several keys). A field with no ATRS key is one of our extensions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from . import vocabularies as vocab
from .vocabularies import STANDARD_VERSIONS


class FieldType(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    URL = "url"
    EMAIL = "email"
    DATE = "date"
    NUMBER = "number"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    GROUP = "group"


ALL = STANDARD_VERSIONS
FROM_2_1 = ("2.1", "3.0", "4.0")
FROM_3_0 = ("3.0", "4.0")
V4 = ("4.0",)
BEFORE_4 = ("1.1", "2.1", "3.0")


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    hint: str
    type: FieldType = FieldType.LONG_TEXT
    required: bool = False
    choices: vocab.Choices = ()
    # Which ATRS versions have this field, and its key in each one where it differs from `key`.
    versions: tuple[str, ...] = ALL
    # A key mapped to None means that version has the field only through its parts (a group's item fields).
    renamed: dict[str, str | None] = field(default_factory=dict)
    ref: str = ""  # the field's number in the ATRS 4.0 template, when it has one
    # Repeatable groups: the fields of one item and what one item is called.
    fields: tuple[Field, ...] = ()
    item_name: str = ""
    # "a" or "an" before the item name, where the rule in `item_with_article` would pick the wrong one.
    item_article: str = ""
    # Filled in when the field joins a section.
    section: str = ""
    tier: int = 2
    withholdable: bool = True
    # The error shown when a required field is empty, where the one made from the label would read badly.
    missing: str = ""
    # (other field, value): this field is required only when the other field has that value.
    required_if: tuple[str, str] | None = None
    # Text with a set form: a regular expression the whole value must match, and the error shown when it does not.
    # Written with [0-9] rather than \d (which in Python matches other scripts' digits too), so it means the same in
    # the editor's check and in the API's JSON Schema.
    pattern: str = ""
    pattern_message: str = ""

    @property
    def is_extension(self) -> bool:
        return not self.versions

    @property
    def is_group(self) -> bool:
        return self.type == FieldType.GROUP

    @property
    def is_legacy(self) -> bool:
        """True for fields that ATRS 4.0 no longer has."""
        return bool(self.versions) and "4.0" not in self.versions

    @property
    def item_with_article(self) -> str:
        """One entry of a repeatable group with its article, for buttons and messages: "an impact assessment"."""
        article = self.item_article or ("an" if self.item_name[:1].lower() in tuple("aeiou") else "a")
        return f"{article} {self.item_name}"

    def atrs_key(self, version: str) -> str | None:
        """This field's key in the given ATRS version's template, or None if that version lacks it."""
        if version not in self.versions:
            return None
        return self.renamed.get(version, self.key)

    def applies_to(self, version: str) -> bool:
        """Whether a record written to `version` of the standard has this field (extensions apply to all)."""
        return self.is_extension or version in self.versions or not version

    def choice_label(self, value: str) -> str:
        return vocab.label_for(self.choices, value)

    def standard_label(self, value: str) -> str:
        """The label the ATRS collection on GOV.UK uses for a value, where it words it differently from us."""
        return vocab.govuk_label(self.choices, value)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    tier: int
    intro: str
    fields: tuple[Field, ...]
    ref: str = ""


def only_in_1_1(key: str) -> dict[str, str | None]:
    """Keys for an item field that ATRS 1.1 listed on its own and later versions fold into one free-text field."""
    return {"1.1": key, "2.1": None, "3.0": None, "4.0": None}


def text(key, label, hint, **kw) -> Field:
    return Field(key, label, hint, FieldType.TEXT, **kw)


def long_text(key, label, hint, **kw) -> Field:
    return Field(key, label, hint, FieldType.LONG_TEXT, **kw)


def url(key, label, hint, **kw) -> Field:
    return Field(key, label, hint, FieldType.URL, **kw)


def group(key, label, hint, item_name, fields, **kw) -> Field:
    return Field(key, label, hint, FieldType.GROUP, fields=tuple(fields), item_name=item_name, **kw)


def choice(key, label, hint, choices, **kw) -> Field:
    return Field(key, label, hint, FieldType.CHOICE, choices=choices, **kw)


def multi_choice(key, label, hint, choices, **kw) -> Field:
    return Field(key, label, hint, FieldType.MULTI_CHOICE, choices=choices, **kw)


SUMMARY = Section(
    "summary",
    "Summary",
    1,
    "The short description everyone sees first. Write it for a resident with no technical background.",
    (
        text("name", "Name of the tool", "The name people inside the council use for it. Avoid acronyms.",
             required=True, ref="1.1", withholdable=False),
        text("one_sentence_description", "One-sentence description",
             "Finish the sentence 'This tool…'. It appears under the name in lists and search results.",
             required=True, versions=FROM_2_1, withholdable=False),
        long_text("description", "What the tool does and why",
                  "Two or three plain sentences: what it does, what problem it helps with, and who it affects.",
                  required=True, ref="1.2", withholdable=False),
        url("website_url", "Web page about the tool",
            "A public page where residents can read more. Leave blank if there is none.",
            renamed={"1.1": "website", "2.1": "website"}, ref="1.3"),
        Field("contact_email", "Contact email", "A team mailbox rather than a person's own address, so it keeps "
              "working when people move on.", FieldType.EMAIL, required=True, ref="1.4", withholdable=False),
        choice("phase", "Phase", "Where the tool is in its life: still being built and tested, in use by a few "
               "people or fully in use.", vocab.PHASES, required=True, withholdable=False,
               missing="Select the phase the tool is in"),
        multi_choice("region", "Area covered", "Choose every area where residents are affected by the tool.",
                     vocab.REGIONS, required=True, versions=FROM_3_0),
        multi_choice("function", "Service area", "The public service or services the tool supports.",
                     vocab.FUNCTIONS, required=True, versions=FROM_3_0, withholdable=False),
        multi_choice("capability", "What kind of tool it is",
                     "What the tool does in broad terms: for example forecasting, analysing data or understanding "
                     "language.", vocab.CAPABILITIES, required=True, versions=FROM_3_0, withholdable=False,
                     missing="Select at least one kind of tool"),
        text("task", "Task", "A few words on the task the tool performs, such as 'triage of repair requests'.",
             versions=FROM_3_0),
        text("tags", "Keywords", "Other words people might search for, separated by commas.", versions=FROM_3_0),
    ),
)

OWNER = Section(
    "owner",
    "Owner and responsibility",
    2,
    "Who is answerable for the tool, and which outside organisations helped build or run it.",
    (
        text("organisation_or_department", "Organisation",
             "The full name of the organisation responsible for using the tool.", required=True, ref="2.1.1",
             renamed={"1.1": "organisation", "2.1": "organisation"}),
        text("team", "Team", "The team that runs the tool day to day.", required=True, ref="2.1.2"),
        text("senior_responsible_owner", "Senior responsible owner",
             "The job title of the senior person accountable for the tool. Do not give their name.",
             required=True, ref="2.1.3"),
        choice("third_party_involvement", "Did anyone outside the council help build or run the tool?",
               "Include companies, charities and other public bodies.", vocab.YES_NO, required=True, ref="2.1.4",
               missing="Select yes if anyone outside the council helped build or run the tool",
               versions=FROM_2_1, renamed={"2.1": "external_supplier_involvement",
                                           "3.0": "external_supplier_involvement"}),
        group("suppliers", "Third parties", "Each outside organisation involved, and what it did.", "third party", (
            text("third_party", "Name of the organisation", "Its registered name.", required=True, ref="2.1.4.1",
                 renamed={v: "external_supplier" for v in BEFORE_4}),
            text("companies_house_number", "Companies House number",
                 "Eight characters, for example 01234567 or SC123456. Leave blank for public bodies.",
                 ref="2.1.4.2", renamed={"1.1": "external_supplier_identifier"},
                 pattern=r"[0-9]{8}|[A-Z]{2}[0-9]{6}",
                 pattern_message="Enter a Companies House number of 8 characters, like 01234567 or SC123456"),
            long_text("third_party_role", "What they did", "For example built the model, hosts the system or "
                      "supplies the data. Describe each layer if one supplier uses another.", ref="2.1.4.3",
                      renamed={v: "external_supplier_role" for v in BEFORE_4}),
            text("procurement_procedure_type", "How they were procured",
                 "For example an open tender, a call-off from a framework, or a grant-funded pilot.",
                 ref="2.1.4.4", versions=FROM_2_1),
            long_text("third_party_data_access_terms", "Their access to data",
                      "What data the organisation can see, for what purpose, and under which agreement.",
                      ref="2.1.4.5", renamed={v: "data_access_terms" for v in BEFORE_4}),
        ), renamed=dict.fromkeys(ALL), ref="2.1.4", required_if=("third_party_involvement", "yes")),
    ),
)

DESCRIPTION = Section(
    "description",
    "Description and reasons",
    2,
    "How the tool works, what it is for and why the council chose it.",
    (
        long_text("detailed_description", "How the tool works",
                  "Explain step by step what goes in, what the tool does with it and what comes out. Say what "
                  "the tool is not designed to do.", required=True, ref="2.2.1", versions=FROM_2_1),
        long_text("scope", "Scope", "What the tool was designed for and what it was not designed for.",
                  versions=BEFORE_4),
        long_text("benefits", "Benefits", "What the council and residents gain, and how you will know.",
                  required=True, ref="2.2.2", renamed={v: "benefit" for v in BEFORE_4}),
        long_text("previous_process", "What happened before", "How the work was done before the tool. Say so if "
                  "this is a new service.", required=True, ref="2.2.3", versions=FROM_2_1),
        long_text("alternatives_considered", "Other options considered",
                  "Other approaches you looked at, including not using a tool, and why you did not choose them.",
                  required=True, ref="2.2.4"),
        long_text("model_type", "Type of model", "The kinds of methods or models the tool uses.",
                  versions=("1.1",)),
        long_text("method", "Method", "The kinds of methods or models the tool uses.", versions=("2.1",)),
        group("legal_basis", "Legal basis", "The laws or powers that allow the council to use the tool and its "
              "data, with a link to each.", "legal basis", (
                  # Long text: real registers describe the legal basis in paragraphs (the Dutch register's
                  # longest is 2,478 characters), more than a one-line name holds.
                  long_text("title", "Name of the law or power", "For example 'Housing Act 1996, Part 7'. Say "
                            "which parts apply and how, if that helps.", required=True, versions=()),
                  url("url", "Link", "A public link to the law, such as legislation.gov.uk.", versions=()),
              ), versions=()),
    ),
)

DEPLOYMENT = Section(
    "deployment",
    "How the tool is used in decisions",
    2,
    "Where the tool sits in the service, how much a person is involved and how residents can challenge an outcome.",
    (
        choice("human_involvement", "How far is a person involved?",
               "Choose the option closest to what happens in each individual case.", vocab.HUMAN_INVOLVEMENT,
               required=True, versions=(), withholdable=False,
               missing="Select how far a person is involved"),
        long_text("integration_into_broader_operational_process", "How the tool fits into the service",
                  "What the tool produces, who sees it, and what they do with it. Make clear what is decided by "
                  "a person and what by the tool.", required=True, ref="2.3.1",
                  renamed={v: "process_integration" for v in BEFORE_4}),
        long_text("provided_information", "Information given to the decision maker",
                  "How much and what information the tool gives the person deciding.", versions=BEFORE_4),
        long_text("human_review", "Human review", "Which outputs a person checks, how, and what they can "
                  "change or overrule.", required=True,
                  renamed={"1.1": "human_decisions", "2.1": "human_decisions_and_review",
                           "3.0": "human_decisions_and_review"}),
        long_text("frequency_and_scale_of_usage", "How often and how widely it is used",
                  "For example how many cases a month, and how many staff use it.",
                  renamed={"1.1": "frequency_usage"}),
        Field("decisions_per_year", "Cases handled each year", "Roughly how many cases, decisions or "
              "conversations the tool is involved in each year. A whole number.", FieldType.NUMBER,
              versions=()),
        long_text("required_training", "Training for staff", "What training staff get before using the tool "
                  "and its output.", required=True),
        long_text("appeals_and_review", "How to challenge an outcome",
                  "How a resident can question or appeal a decision the tool was part of, and who to contact.",
                  required=True),
        url("appeal_url", "Link to the complaints or appeal process",
            "A public page where residents can start a challenge or complaint.", versions=()),
    ),
)

TOOL = Section(
    "tool",
    "Tool specification",
    2,
    "The technical design of the tool as a whole.",
    (
        long_text("system_architecture", "System design",
                  "A short account of the parts of the system and how they connect, or a public link to one.",
                  required=True, ref="2.4.1.1"),
        long_text("system_level_input", "What goes in", "The kinds of information the tool takes in, and in "
                  "what form.", required=True, ref="2.4.1.2", versions=V4),
        long_text("system_level_output", "What comes out", "What the tool produces: a score, a category, a "
                  "draft, an answer.", required=True, ref="2.4.1.3", versions=V4),
        long_text("maintenance", "Maintenance and review", "How often the tool is checked, retrained or "
                  "reviewed, and by whom.", required=True),
        long_text("models", "Models used", "List the models inside the tool. Describe each one in the model "
                  "section.", versions=FROM_3_0),
        url("source_code_url", "Source code", "A public link to the tool's source code, if it is published.",
            versions=()),
        long_text("source_code_reason", "Why the source code is not published",
                  "If you gave no link above, say why: for example it is a supplier's product.", versions=()),
        Field("next_review_date", "Next review date", "When the council will next review the tool and this "
              "record.", FieldType.DATE, versions=()),
    ),
)

MODELS = Section(
    "models",
    "Models",
    2,
    "One entry for each model inside the tool. Tools bought off the shelf and used as they are may have none.",
    (
        group("model_specifications", "Models", "Add an entry for each model.", "model", (
            text("model_name", "Model name", "The name the model is known by.", required=True, ref="2.4.2.1",
                 versions=FROM_3_0),
            text("model_version", "Version", "The version in use.", ref="2.4.2.2", versions=FROM_3_0),
            long_text("model_task", "What the model does", "The task it performs, in a sentence or two.",
                      ref="2.4.2.3", versions=FROM_3_0),
            long_text("model_input", "Model input", "What the model is given.", ref="2.4.2.4", versions=FROM_3_0),
            long_text("model_output", "Model output", "What the model produces.", ref="2.4.2.5", versions=FROM_3_0),
            long_text("model_architecture", "Type of model", "For example a random forest classifier or a "
                      "large language model. For a model bought in, name the provider or say it is hosted by "
                      "the council.", ref="2.4.2.6", versions=FROM_3_0),
            long_text("model_performance", "How well it works", "How accurate it is and how you measured it, "
                      "including whether it works equally well for different groups of people.", ref="2.4.2.7",
                      versions=FROM_2_1),
            long_text("datasets_and_their_purposes", "Data used to build it",
                      "Each dataset used, and whether it was used for training, testing or checking.",
                      ref="2.4.2.8", versions=FROM_3_0, renamed={"3.0": "datasets"}),
            long_text("dataset_purposes", "Dataset purposes", "How each dataset was used.", versions=("3.0",)),
        ), versions=FROM_2_1, renamed=dict.fromkeys(ALL), ref="2.4.2", withholdable=False),
    ),
    ref="2.4.2",
)

DEVELOPMENT_DATA = Section(
    "development_data",
    "Data used to build the tool",
    2,
    "The data used to design, train or test the tool. Skip this if the tool was bought ready-made and not trained "
    "on council data.",
    (
        group("development_datasets", "Datasets", "Add an entry for each dataset.", "dataset", (
            text("dataset_name", "Dataset name", "The name of the dataset.", required=True,
                 renamed={**{v: "source_data_name" for v in BEFORE_4}, "4.0": None}),
            long_text("development_data_description", "What the data is",
                      "A short summary of what the dataset holds. Give a public link if there is one.",
                      renamed={"1.1": "source_data_description", "2.1": "source_data_description",
                               "3.0": "data_description"}),
            text("data_modality", "Type of data", "For example tabular, text, images or audio.",
                 versions=FROM_3_0),
            long_text("data_quantities", "How much data", "The number of records and fields, and the period "
                      "it covers.", versions=FROM_3_0),
            long_text("sensitive_attributes", "Sensitive information",
                      "Personal data, protected characteristics, or anything that could stand in for them "
                      "(such as postcode).", versions=FROM_3_0),
            long_text("data_completeness_and_representativeness", "Gaps and representativeness",
                      "What is missing from the data and which groups of people may be under- or "
                      "over-represented.", versions=FROM_2_1),
            url("source_data_url", "Link to the data", "A public link to the data, if it is open."),
            long_text("data_collection", "How the data was collected",
                      "Why it was originally collected and whether that purpose fits this use."),
            long_text("data_cleaning", "Cleaning and preparation", "What was done to the data before use.",
                      versions=FROM_2_1),
            long_text("data_sharing_agreements", "Data sharing agreements", "The agreements that cover sharing "
                      "this data."),
            long_text("data_access_and_storage", "Access and storage",
                      "Who can see the data, where it is kept, how long for and how it is protected."),
        ), ref="2.4.3", renamed=dict.fromkeys(ALL)),
    ),
    ref="2.4.3",
)

OPERATIONAL_DATA = Section(
    "operational_data",
    "Data used when the tool runs",
    2,
    "The information the tool takes in while it is in use: what people type, documents it reads, records it looks "
    "up, and the logs it keeps.",
    (
        long_text("operational_data_description", "What data the tool uses day to day",
                  "Describe each kind of data, where it comes from and how long it is kept.", required=True,
                  ref="2.4.4", versions=V4),
        long_text("operational_sensitive_attributes", "Sensitive information in that data",
                  "Personal data, protected characteristics, or anything that could stand in for them.",
                  required=True, versions=V4),
    ),
    ref="2.4.4",
)

RISKS = Section(
    "risks",
    "Risks and impact assessments",
    2,
    "What could go wrong, what the council does about it, and the assessments it has carried out.",
    (
        group("impact_assessments", "Impact assessments", "Each assessment done, such as a data protection "
              "impact assessment (DPIA) or equality impact assessment (EIA).", "impact assessment", (
                  text("name", "Name of the assessment", "For example 'Data protection impact assessment'.",
                       required=True, renamed=only_in_1_1("impact_assessment_name")),
                  Field("date", "Date completed", "The date it was signed off.", FieldType.DATE,
                        renamed=only_in_1_1("impact_assessment_date")),
                  url("url", "Link", "A public link to the full assessment, if published.",
                      renamed=only_in_1_1("impact_assessment_link")),
                  long_text("summary", "Summary", "The main findings. Not needed if you link to the full "
                            "assessment.", renamed=only_in_1_1("impact_assessment_description")),
              ), required=True, ref="2.5.1",
              renamed={"1.1": None, "2.1": "impact_assessments", "3.0": "impact_assessment",
                       "4.0": "impact_assessment"}),
        group("risks", "Risks and how they are reduced", "Each risk you identified and what you do about it.",
              "risk", (
                  choice("category", "Kind of risk", "Choose the closest.", vocab.RISK_CATEGORIES,
                         required=True, versions=()),
                  text("name", "Risk", "A short name for the risk.", required=True,
                       renamed=only_in_1_1("risk_name")),
                  long_text("description", "What could happen", "Who could be affected and how.",
                            renamed=only_in_1_1("risk_description")),
                  long_text("mitigation", "What the council does about it",
                            "The steps taken to prevent the risk or reduce its effect.",
                            renamed=only_in_1_1("risk_mitigation")),
              ), required=True, ref="2.5.2",
              renamed={"1.1": None, "2.1": "risks", "3.0": "risks_and_mitigations",
                       "4.0": "risks_and_mitigations"}),
    ),
    ref="2.5",
)

ANNEX = Section(
    "annex",
    "Annex",
    2,
    "Further information that helps explain other parts of the record.",
    (long_text("annex", "Annex", "Anything else that helps a reader understand the record.", versions=("2.1",)),),
)


def _place(section: Section) -> Section:
    """Stamp each field with its section and tier, so a field alone knows where it belongs."""
    placed = tuple(
        Field(**{**f.__dict__, "section": section.key, "tier": section.tier,
                 "fields": tuple(Field(**{**sub.__dict__, "section": section.key, "tier": section.tier})
                                 for sub in f.fields)})
        for f in section.fields
    )
    return Section(section.key, section.title, section.tier, section.intro, placed, section.ref)


SECTIONS: tuple[Section, ...] = tuple(
    _place(s) for s in (SUMMARY, OWNER, DESCRIPTION, DEPLOYMENT, TOOL, MODELS, DEVELOPMENT_DATA, OPERATIONAL_DATA,
                        RISKS, ANNEX)
)
FIELDS: dict[str, Field] = {f.key: f for s in SECTIONS for f in s.fields}
SECTIONS_BY_KEY: dict[str, Section] = {s.key: s for s in SECTIONS}

# ATRS metadata keys that describe the record rather than the tool. They are not fields a council types in:
# the register keeps them on the record, the organisation or the published version.
METADATA_KEYS: dict[str, str] = {
    "id": "record.public_id",
    "standard_version": "version.standard_version",
    "organisation_type": "organisation.org_type",
    "organisation_name": "organisation.name",
    "title": "name",
    "date_completion": "record.first_published_at",
    "date_of_completion": "record.first_published_at",
    "date_update": "version.published_at",
    "date_updated": "version.published_at",
    "date_archive": "record.retired_at",
    "date_archived": "record.retired_at",
}


def all_fields() -> Iterator[Field]:
    """Every field, with the fields of repeatable groups after their group."""
    for f in FIELDS.values():
        yield f
        yield from f.fields


def field_for_atrs_key(version: str, key: str) -> Field | None:
    """The field that holds `key` of the given ATRS version's template, if any."""
    for f in all_fields():
        if f.atrs_key(version) == key:
            return f
    return None


def sections_for(version: str) -> list[Section]:
    """The sections of a record written to `version`, each with only the fields that version has."""
    result = []
    for s in SECTIONS:
        kept = tuple(f for f in s.fields if f.applies_to(version))
        if kept:
            result.append(Section(s.key, s.title, s.tier, s.intro, kept, s.ref))
    return result
