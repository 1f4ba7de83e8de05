from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from algoreg.organisations.models import Organisation
from algoreg.transfer.importing import Target, apply, dry_run
from algoreg.transfer.mapping import MappingError, load_mapping
from algoreg.transfer.readers import Refused, size_text
from algoreg.transfer.report import lines


class Command(BaseCommand):
    help = (
        "Import records from a CSV, XLSX or JSON file: this register's own exports, ATRS template columns (versions "
        "1.1 to 4.0), or any spreadsheet with a mapping file. Prints a report for every row first; nothing is "
        "written unless every row can be imported. Rows become drafts for the organisation's approvers, unless "
        "--as-published-summaries is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV, XLSX or JSON file to import.")
        parser.add_argument("--mapping", help="A mapping file saying which column holds which field "
                                              "(see docs/import-mapping.md).")
        parser.add_argument("--organisation", metavar="SLUG", help="Put every row into this organisation. "
                            "Without it, each row's organisation comes from the file.")
        parser.add_argument("--dry-run", action="store_true", help="Only report what would happen.")
        parser.add_argument("--skip-rows-with-problems", action="store_true",
                            help="Import the rows that have no problems and leave out the rest, which the report "
                                 "lists. Without it, one problem anywhere means nothing is imported.")
        parser.add_argument("--as-published-summaries", action="store_true",
                            help="Publish rows at once instead of making drafts (for register admins): rows "
                                 "from this register's exports keep their kind, others become summaries of "
                                 "records published elsewhere.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        if path.stat().st_size > settings.IMPORT_MAX_BYTES:
            raise CommandError(f"{path.name} is {size_text(path.stat().st_size)}. Files must be "
                               f"{size_text(settings.IMPORT_MAX_BYTES)} or smaller (IMPORT_MAX_BYTES).")
        mapping = self.mapping(options["mapping"])
        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"There is no organisation with the slug “{options['organisation']}”.")
        target = Target(organisation=organisation, publish=options["as_published_summaries"], filename=path.name)
        try:
            plan = dry_run(path.read_bytes(), target, mapping)
        except Refused as refused:
            raise CommandError(str(refused)) from None
        for line in lines(plan, path.name, options["verbosity"]):
            self.stdout.write(line)
        skip = options["skip_rows_with_problems"]
        if plan.problems or (not plan.ok and not skip):
            raise CommandError(f"Nothing was imported: fix the {plan.problem_count:,} problems above and run "
                               "the import again" + ("." if plan.problems else
                                                     ", or use --skip-rows-with-problems to leave those rows out."))
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was changed.")
            return
        outcome = apply(plan, skip_rows_with_problems=skip)
        self.stdout.write(self.style.SUCCESS(
            f"Imported: {outcome.created:,} created, {outcome.updated:,} updated, {outcome.unchanged:,} unchanged"
            + (f", {outcome.organisations:,} organisations added" if outcome.organisations else "")
            + (f"; {outcome.skipped:,} rows with problems left out" if outcome.skipped else "") + "."))

    def mapping(self, name: str | None):
        if not name:
            return None
        path = Path(name)
        if not path.is_file():
            raise CommandError(f"There is no mapping file at {path}.")
        try:
            return load_mapping(path.read_bytes())
        except MappingError as error:
            raise CommandError("The mapping file has problems:\n" + "\n".join(f"  - {p}" for p in error.problems)) \
                from None
