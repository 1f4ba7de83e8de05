"""A record is "listed" (published or retired, with a published version) by one definition, Record.objects.listed():
the search page, the API, the feed, the organisation pages and the exports all show the same records."""

import json
import re

import pytest

from algoreg.records import workflow
from algoreg.records.models import Record
from tests.editor.helpers import new_draft
from tests.factories import make_published_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(council, editor, approver) -> dict[str, Record]:
    published = make_published_record(council, name="Housing repairs triage")
    retired = make_published_record(council, name="Parking permit checks")
    workflow.retire(retired, approver, "Switched off in March.")
    withdrawn = make_published_record(council, name="Benefit fraud scoring")
    workflow.withdraw(withdrawn, approver, "Published by mistake.")
    draft = new_draft(council, editor, name="Waste collection routes")
    # Marked published with no version to show (as a half-finished import could leave it): nothing to list.
    no_version = Record.objects.create(organisation=council, status=Record.Status.PUBLISHED, name="Empty shell")
    made = {"published": published, "retired": retired, "withdrawn": withdrawn, "draft": draft,
            "no_version": no_version}
    return {kind: Record.objects.get(pk=record.pk) for kind, record in made.items()}


def shown(text: str, register: dict[str, Record]) -> set[str]:
    """Which of the register's records the text mentions, by public ID."""
    return {kind for kind, record in register.items() if re.search(rf"\b{record.public_id}\b", text)}


def body(response) -> str:
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8-sig")


def test_the_queryset_lists_published_and_retired_records(register):
    assert set(Record.objects.listed()) == {register["published"], register["retired"]}
    assert [kind for kind, record in register.items() if record.is_listed] == ["published", "retired"]


@pytest.mark.parametrize("path", [
    "/records/",
    "/api/v1/records",
    "/feeds/records.atom",
    "/organisations/{council}/",
    "/records/export.csv",
    "/records/export.json",
    "/records/export-atrs.csv",
    "/records/history-export.csv",
])
def test_every_public_list_shows_the_published_and_the_retired_record_only(client, register, council, path):
    assert shown(body(client.get(path.format(council=council.slug))), register) == {"published", "retired"}


def test_the_organisation_counts_are_the_listed_records(client, register, council):
    api = json.loads(body(client.get("/api/v1/organisations")))
    assert {o["slug"]: o["record_count"] for o in api["results"]}[council.slug] == 2
    html = body(client.get("/organisations/"))
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">2</td>' in html
