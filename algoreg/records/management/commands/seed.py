from django.core.management.base import BaseCommand
from django.db import transaction

from algoreg.organisations.seeding import publisher_key, seed_councils, seed_govuk_publishers
from algoreg.records.models import Record
from algoreg.records.seeding import seed_examples, seed_govuk_summaries


class Command(BaseCommand):
    help = (
        "Load the starting data into an empty register: every UK council, the summaries of the records published "
        "on GOV.UK and the example records of fictional councils. Does nothing if the register has records."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        if Record.objects.exists():
            self.stdout.write("The register already has records, so no seed data was loaded.")
            return
        councils = seed_councils()
        publishers = seed_govuk_publishers()
        summaries = seed_govuk_summaries(lambda entry: publishers[publisher_key(entry)])
        examples = seed_examples()
        self.stdout.write(
            f"Loaded {councils} councils, {summaries} summaries of GOV.UK records and {examples} example records."
        )
