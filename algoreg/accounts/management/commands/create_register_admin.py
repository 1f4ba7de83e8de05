import getpass

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email


class Command(BaseCommand):
    help = (
        "Create a register admin: someone who can add organisations, invite their first admins and read the whole "
        "audit log. Asks for a password unless --password is given. An existing account is made a register admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The email address they will sign in with.")
        parser.add_argument("--password", help="Their password (otherwise you are asked for it, hidden).")

    def handle(self, *args, email: str, password: str | None = None, **options):
        email = email.strip().lower()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not an email address.") from error
        User = get_user_model()
        user = User.objects.filter(email=email).first()
        if user is not None and password is None:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            self.stdout.write(f"{email} already had an account and is now a register admin. Their password has not "
                              "changed.")
            return
        if password is None:
            password = self._ask_for_password(User(email=email))
        try:
            password_validation.validate_password(password, user or User(email=email))
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if user is None:
            User.objects.create_user(email=email, password=password, is_staff=True)
            self.stdout.write(f"Created the register admin {email}. They can sign in now.")
        else:
            user.is_staff = True
            user.set_password(password)
            user.save()
            self.stdout.write(f"{email} is now a register admin, with the new password.")

    def _ask_for_password(self, user) -> str:
        for _ in range(3):
            first = getpass.getpass("Password: ")
            if first != getpass.getpass("Password again: "):
                self.stderr.write("The passwords do not match. Try again.")
                continue
            try:
                password_validation.validate_password(first, user)
            except ValidationError as error:
                self.stderr.write(" ".join(error.messages))
                continue
            return first
        raise CommandError("No password was set, so no register admin was created.")
