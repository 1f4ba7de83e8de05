"""Each answer that may be withheld has one collapsed "If this cannot be published" control, opened on demand."""

from html.parser import HTMLParser

import pytest

from algoreg.records.models import RecordDraft
from algoreg.standard.fields import sections_for

from .helpers import complete_draft, section_post

pytestmark = pytest.mark.django_db


class Details(HTMLParser):
    """The <details> elements of a page: id, whether open, their summary's words and the form fields inside."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[dict] = []
        self._depth = 0
        self._in_summary = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "details":
            self._depth += 1
            self.found.append({"id": attrs.get("id"), "open": "open" in attrs, "summary": "", "inputs": []})
        elif self._depth and tag == "summary":
            self._in_summary = True
        elif self._depth and tag in ("textarea", "input"):
            self.found[-1]["inputs"].append(attrs.get("name"))

    def handle_endtag(self, tag):
        if tag == "details":
            self._depth -= 1
        elif tag == "summary":
            self._in_summary = False

    def handle_data(self, data):
        if self._in_summary:
            self.found[-1]["summary"] += data


def controls(client, record, section) -> dict[str, dict]:
    html = client.get(f"/manage/records/{record.public_id}/sections/{section}/").content.decode()
    return {d["id"]: d for d in Details(html).found}


@pytest.fixture
def record(client, editor, council):
    client.force_login(editor)
    return complete_draft(council, editor)


@pytest.mark.parametrize("section", sections_for("4.0"), ids=lambda s: s.key)
def test_every_withholdable_field_has_exactly_one_collapsed_control_holding_its_reason_box(client, record, section):
    found = controls(client, record, section.key)
    withholdable = [f for f in section.fields if f.withholdable]
    assert set(found) == {f"withhold-{f.key}" for f in withholdable}
    for f in withholdable:
        control = found[f"withhold-{f.key}"]
        assert not control["open"], f.key
        assert control["inputs"] == [f"withheld-{f.key}"]
        # The words on screen, then the field's label for screen readers, so twenty controls are told apart.
        assert " ".join(control["summary"].split()) == f"If this cannot be published ({f.label})"


def test_a_withheld_field_shows_its_control_open_with_the_reason_and_the_others_stay_closed(client, record):
    client.post(f"/manage/records/{record.public_id}/sections/tool/", section_post(
        record.draft, **{"withheld-system_architecture": "It would help people get round the checks."}))
    assert RecordDraft.objects.get().data["withheld"] == {
        "system_architecture": "It would help people get round the checks."}
    found = controls(client, record, "tool")
    assert found["withhold-system_architecture"]["open"]
    assert [key for key, d in found.items() if d["open"]] == ["withhold-system_architecture"]


def test_fields_that_must_be_published_have_no_control(client, record):
    found = controls(client, record, "summary")
    for key in ("name", "description", "contact_email", "phase"):
        assert f"withhold-{key}" not in found
