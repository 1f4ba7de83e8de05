from django.core.management.base import BaseCommand

from algoreg.search.indexing import rebuild


class Command(BaseCommand):
    help = "Build the search index again from every record (after a restore, or if the index is ever in doubt)."

    def handle(self, *args, **options):
        self.stdout.write(f"Indexed {rebuild():,} records.")
