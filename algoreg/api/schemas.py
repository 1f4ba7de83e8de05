"""What the API's responses look like, for the OpenAPI document. Record content comes from `content.content_out()`,
which is built from the field definition."""

from datetime import datetime
from typing import Annotated, Literal

from ninja import Field, Schema

from algoreg.standard.vocabularies import STANDARD_VERSIONS

from .content import content_out
from .errors import Problem

RecordContent = content_out()
Url = Annotated[str, Field(json_schema_extra={"format": "uri"})]
StandardVersion = Literal[STANDARD_VERSIONS]
PublishedStandardVersion = Literal[(*STANDARD_VERSIONS, "")]


class OrganisationRef(Schema):
    slug: str = Field(description="The organisation's stable identifier in this register.")
    name: str
    url: Url = Field(description="Its page in the register.")
    api_url: Url


class Organisation(OrganisationRef):
    organisation_type: str = Field(description="The GOV.UK organisation type, such as `local-authority`.")
    council_type: str = Field(description="For councils, the kind of council, such as `london-borough`; else empty.")
    type_label: str = Field(description="The kind of organisation in words.")
    region: str
    nation: str
    website: str
    gss_code: str = Field(description="The ONS GSS code of a council, such as E09000033; empty if it has none.")
    contact_email: str
    is_example: bool = Field(description="True for the fictional councils whose records are examples.")
    record_count: int = Field(description="How many records it has in public lists (published or retired).")
    feed_url: Url = Field(description="An Atom feed of its records as they are published and updated.")
    records_url: Url = Field(description="Its published records in this API.")


class OrganisationList(Schema):
    count: int
    results: list[Organisation]
    next_cursor: str | None = Field(description="Pass as `cursor` to get the next page; null on the last page.")
    next: Url | None = Field(description="The address of the next page; null on the last page.")


class VersionSummary(Schema):
    number: int = Field(description="1 for the first published version, counting up.")
    published_at: datetime
    change_note: str = Field(description="What changed in this version, in the council's words.")
    standard_version: PublishedStandardVersion = Field(
        description="The version of the ATRS it was written to; empty for summaries of records on GOV.UK.")
    url: Url = Field(description="This version's page in the register.")
    api_url: Url


class RecordSummary(Schema):
    public_id: str = Field(description="The record's identifier. It never changes, even when the tool is renamed.")
    name: str
    one_sentence_description: str
    organisation: OrganisationRef
    status: Literal["published", "retired"]
    kind: Literal["full", "summary"] = Field(
        description="`summary` for a summary of a record published on GOV.UK (see `source_url`).")
    phase: str
    standard_version: PublishedStandardVersion
    first_published_at: datetime
    last_published_at: datetime
    version: int = Field(description="The number of the current published version.")
    url: Url
    api_url: Url


class Record(RecordSummary):
    source_url: str = Field(description="For summaries, where the full record is published; else empty.")
    retired_at: datetime | None
    retired_reason: str
    current_version: VersionSummary
    content: RecordContent  # type: ignore[valid-type]


class Version(VersionSummary):
    record: RecordSummary
    is_current: bool
    content: RecordContent  # type: ignore[valid-type]


class FacetOption(Schema):
    value: str = Field(description="The value to pass in the filter's query parameter.")
    label: str
    count: int = Field(description="How many records match with this value, given the search and other filters.")
    selected: bool


class Facet(Schema):
    key: str = Field(description="The filter's query parameter.")
    label: str
    options: list[FacetOption]


class RecordList(Schema):
    count: int = Field(description="How many records match, on every page.")
    sort: Literal["relevance", "recent", "name"]
    results: list[RecordSummary]
    facets: list[Facet] = Field(description="Each filter's values with their counts, as on the search page.")
    next_cursor: str | None = Field(description="Pass as `cursor` to get the next page; null on the last page.")
    next: Url | None = Field(description="The address of the next page; null on the last page.")


class DraftSummary(Schema):
    public_id: str
    name: str
    state: Literal["in_progress", "submitted"] = Field(
        description="`submitted` when it is waiting for an approver to review it.")
    revision: int = Field(description="Goes up by one on every save. Send it back with changes.")
    standard_version: StandardVersion
    is_published: bool = Field(description="True when the record already has a published version.")
    updated_at: datetime
    api_url: Url


class Draft(DraftSummary):
    organisation: OrganisationRef
    created_at: datetime
    submitted_at: datetime | None
    review_comment: str = Field(description="The approver's comments when they last sent the draft back.")
    content: RecordContent  # type: ignore[valid-type]
    missing_for_publication: list[Problem] = Field(
        description="What must be filled in or corrected before the draft can be submitted for review: the same "
                    "problems the editor lists, each with a `path` and a `message`.")
    editor_url: Url = Field(description="The draft in the register's editor, for people signed in.")


class DraftList(Schema):
    count: int
    results: list[DraftSummary]
    next_cursor: str | None
    next: Url | None
