from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from algoreg.accounts.twofactor import turn_off
from algoreg.audit.log import log
from algoreg.audit.models import AuditEvent


class Command(BaseCommand):
    help = (
        "Turn off two-factor sign-in for someone who has lost their authenticator app and their backup codes, "
        "after checking who they are. They can then sign in with their password and set it up again."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The email address of the account.")

    def handle(self, *args, email: str, **options):
        user = get_user_model().objects.filter(email=email.strip().lower()).first()
        if user is None:
            raise CommandError(f"There is no account with the email address {email}.")
        turn_off(user)
        organisations = [m.organisation for m in user.memberships.select_related("organisation")] or [None]
        for organisation in organisations:
            log(AuditEvent.Action.TWO_FACTOR_CHANGED, actor=user, organisation=organisation,
                detail="Two-factor sign-in was turned off by the register team (turn_off_two_factor command).")
        self.stdout.write(f"Two-factor sign-in is off for {user.email}.")
