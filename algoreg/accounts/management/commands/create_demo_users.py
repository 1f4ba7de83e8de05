import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from algoreg.accounts.models import Membership
from algoreg.organisations.models import Organisation

SLUG = "example-borough-council"
DEMO_USERS = [
    ("editor@example-borough.example", "Edith Editor", Membership.Role.EDITOR),
    ("approver@example-borough.example", "Arun Approver", Membership.Role.APPROVER),
    ("admin@example-borough.example", "Ada Admin", Membership.Role.ADMIN),
]


class Command(BaseCommand):
    help = (
        "For trying the register on your own machine: create an editor, an approver and an admin at the fictional "
        "Example Borough Council, with one new random password printed once. Running it again gives them a new "
        "password. Never run it on a live register."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(slug=SLUG).first()
        if organisation is None:
            raise CommandError(f"There is no organisation with the short name {SLUG!r}. Load the example data first "
                               "with `make run` (or `python manage.py seed` on an empty database).")
        password = "-".join(secrets.token_hex(3) for _ in range(4))
        User = get_user_model()
        for email, name, role in DEMO_USERS:
            user = User.objects.filter(email=email).first() or User(email=email)
            user.full_name = name
            user.set_password(password)
            user.save()
            Membership.objects.update_or_create(user=user, organisation=organisation, defaults={"role": role})
        self.stdout.write(f"Demo accounts at {organisation.name} (for trying things out only):\n")
        for email, _name, role in DEMO_USERS:
            self.stdout.write(f"  {role.label:<20} {email}")
        self.stdout.write(f"\nThey all have the password {password}\nIt is not stored anywhere else, so note it now.")
