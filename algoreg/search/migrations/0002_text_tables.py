"""The text tables, which each database builds its own way, then the index of the records already published."""

from django.db import migrations

from algoreg.search.backends import postgres, sqlite


def create(apps, schema_editor):
    statements = postgres.CREATE if schema_editor.connection.vendor == "postgresql" else [sqlite.CREATE]
    for sql in statements:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    statements = postgres.DROP if schema_editor.connection.vendor == "postgresql" else [sqlite.DROP]
    for sql in statements:
        schema_editor.execute(sql)


def index_existing(apps, schema_editor):
    from algoreg.search.indexing import rebuild

    rebuild()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_documents"), ("organisations", "0001_initial")]

    operations = [
        migrations.RunPython(create, drop),
        migrations.RunPython(index_existing, migrations.RunPython.noop),
    ]
