"""The text tables, which each database builds its own way. Records published before search existed are indexed
after `migrate` finishes (apps.py), when the models and the tables agree again."""

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


class Migration(migrations.Migration):
    dependencies = [("search", "0001_documents"), ("organisations", "0001_initial")]

    operations = [
        migrations.RunPython(create, drop),
    ]
