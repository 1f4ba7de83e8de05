# Search filters and counts come from the search index (algoreg/search), so nothing reads these copies of the
# published content any more: the human involvement column and its index, and the RecordFacet rows.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('records', '0003_tidy_draft_text'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='record',
            name='records_rec_status_61a847_idx',
        ),
        migrations.RemoveField(
            model_name='record',
            name='human_involvement',
        ),
        migrations.DeleteModel(
            name='RecordFacet',
        ),
    ]
