"""If anything goes wrong while an import is being applied, everything it did so far is undone."""

import pytest

from algoreg.audit.models import AuditEvent
from algoreg.records.models import Record, RecordDraft
from algoreg.transfer import importing
from algoreg.transfer.importing import Target, dry_run

pytestmark = pytest.mark.django_db


def test_a_failure_on_the_last_row_leaves_no_trace_of_the_earlier_rows(council, editor, monkeypatch):
    plan = dry_run(b"name\nOne\nTwo\nThree\n", Target(organisation=council, user=editor))
    assert plan.ok
    real = importing.draft_new
    made = []

    def fail_on_the_third(row, target):
        if len(made) == 2:
            raise RuntimeError("the database went away")
        real(row, target)
        made.append(row)

    monkeypatch.setattr(importing, "draft_new", fail_on_the_third)
    with pytest.raises(RuntimeError):
        importing.apply(plan)
    assert len(made) == 2
    assert not Record.objects.exists() and not RecordDraft.objects.exists() and not AuditEvent.objects.exists()
