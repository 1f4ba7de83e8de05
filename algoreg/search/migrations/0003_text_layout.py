"""PostgreSQL: keep the small name and summary vectors in the row, so phrases found there are confirmed without
unpacking the large all_vec. Rows written before this keep their old layout until they are next written (or the
index is rebuilt with `manage.py rebuild_search_index`)."""

from django.db import migrations

from algoreg.search.backends import postgres


def relayout(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in postgres.LAYOUT:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_text_tables")]

    operations = [migrations.RunPython(relayout, migrations.RunPython.noop)]
