import time

from django.core.management.base import BaseCommand, CommandError

from algoreg.search.synthetic import generate


class Command(BaseCommand):
    help = (
        "Add N made-up published records spread across every council (seeding the councils first if needed) and "
        "add them to the search index. The same --seed always gives the same records."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many records to make.")
        parser.add_argument("--seed", type=int, default=1, help="Which set of records to make (default 1).")

    def handle(self, *args, count: int, seed: int, **options):
        if count < 1 or count > 2_000_000:
            raise CommandError("Give a number of records between 1 and 2,000,000.")
        started = time.perf_counter()
        made = generate(count, seed)
        self.stdout.write(f"Made {made:,} records in {time.perf_counter() - started:.0f} seconds.")
