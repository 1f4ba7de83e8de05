"""Tidy the text of drafts written before the editor, the API and imports tidied text the same way.

Drafts are working copies, so they are tidied in place (algoreg.standard.cleaning: control characters, unclosed
bidirectional formatting, spaces at the ends, Windows line ends), and whatever is published from them from now on is
tidy. The names of records never published are tidied too. Published versions are not touched: a published version
is never changed. Pages and exports tidy their text on the way out instead, and an import compares against it
tidied, so an export of an old version still imports as "No change".

The revision is not raised: the tidied draft says the same, and raising it would refuse a save from a form that was
open during the upgrade. Running it again changes nothing.
"""

from django.db import migrations

from algoreg.standard.cleaning import clean_content, clean_text

BATCH = 500


def tidy_drafts(apps, schema_editor):
    RecordDraft = apps.get_model("records", "RecordDraft")
    changed = []
    for draft in RecordDraft.objects.only("pk", "data").iterator(chunk_size=BATCH):
        tidy = clean_content(draft.data) if isinstance(draft.data, dict) else draft.data
        if tidy != draft.data:
            draft.data = tidy
            changed.append(draft)
        if len(changed) >= BATCH:
            RecordDraft.objects.bulk_update(changed, ["data"])
            changed = []
    RecordDraft.objects.bulk_update(changed, ["data"])


def tidy_unpublished_names(apps, schema_editor):
    Record = apps.get_model("records", "Record")
    for record in Record.objects.filter(current_version__isnull=True).only("pk", "name").iterator(chunk_size=BATCH):
        tidy = clean_text(record.name, multiline=False)
        if tidy != record.name:
            Record.objects.filter(pk=record.pk).update(name=tidy)


def tidy(apps, schema_editor):
    tidy_drafts(apps, schema_editor)
    tidy_unpublished_names(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0002_record_source_id"),
    ]

    operations = [
        migrations.RunPython(tidy, migrations.RunPython.noop, elidable=True),
    ]
