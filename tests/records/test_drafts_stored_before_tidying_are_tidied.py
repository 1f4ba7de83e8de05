"""Upgrading tidies the drafts written before text was tidied on the way in; published versions are never changed."""

import importlib

import pytest
from django.apps import apps

from algoreg.records.models import Record, RecordDraft
from algoreg.records.publishing import publish
from tests.editor.helpers import new_draft
from tests.factories import complete_data
from tests.untidy_text import MULTI_LINE, MULTI_LINE_TIDY, SINGLE_LINE, SINGLE_LINE_TIDY

pytestmark = pytest.mark.django_db

migration = importlib.import_module("algoreg.records.migrations.0003_tidy_draft_text")


def test_drafts_and_the_names_of_unpublished_records_are_tidied(council, editor):
    record = new_draft(council, editor, team=SINGLE_LINE, benefits=MULTI_LINE,
                       risks=[{"category": "data", "name": SINGLE_LINE, "description": "\x07"}],
                       withheld={"region": MULTI_LINE})
    Record.objects.filter(pk=record.pk).update(name=SINGLE_LINE)
    revision = record.draft.revision
    migration.tidy(apps, None)
    draft = RecordDraft.objects.get(record=record)
    assert draft.data == {"name": "Repairs triage", "organisation_or_department": council.name,
                          "team": SINGLE_LINE_TIDY, "benefits": MULTI_LINE_TIDY,
                          "risks": [{"category": "data", "name": SINGLE_LINE_TIDY}],
                          "withheld": {"region": MULTI_LINE_TIDY}}
    assert draft.revision == revision  # a form open during the upgrade can still be saved
    assert Record.objects.get(pk=record.pk).name == SINGLE_LINE_TIDY


def test_published_versions_are_left_as_they_were_published(council):
    record = Record.objects.create(organisation=council)
    data = complete_data(name=SINGLE_LINE, team=SINGLE_LINE)
    publish(record, data, "4.0", "First.")
    migration.tidy(apps, None)
    record.refresh_from_db()
    assert record.current_version.data == data and record.name == SINGLE_LINE


def test_running_it_again_changes_nothing(council, editor):
    record = new_draft(council, editor, team=SINGLE_LINE)
    migration.tidy(apps, None)
    once = RecordDraft.objects.get(record=record).data
    migration.tidy(apps, None)
    assert RecordDraft.objects.get(record=record).data == once
