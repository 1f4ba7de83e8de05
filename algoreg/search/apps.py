from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "algoreg.search"

    def ready(self):
        from django.db.models.signals import post_migrate

        from .indexing import drop_orphan_text

        # `flush` (used between transactional tests) empties model tables and then sends post_migrate; the text
        # tables are not models, so this clears what no longer has a search document.
        post_migrate.connect(drop_orphan_text, sender=self)
