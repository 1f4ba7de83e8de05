import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from algoreg.accounts.models import Membership, User
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


def test_create_register_admin_makes_a_staff_account_that_can_sign_in(client, capsys):
    call_command("create_register_admin", "Rita@Register.example", password="a long admin passphrase")
    user = User.objects.get(email="rita@register.example")
    assert user.is_staff and user.check_password("a long admin passphrase")
    assert "Created the register admin" in capsys.readouterr().out


def test_create_register_admin_refuses_a_weak_password_or_a_bad_email(db):
    with pytest.raises(CommandError, match="too short"):
        call_command("create_register_admin", "rita@register.example", password="short")
    with pytest.raises(CommandError, match="not an email address"):
        call_command("create_register_admin", "rita", password="a long admin passphrase")
    assert not User.objects.exists()


def test_create_register_admin_asks_for_the_password_twice(monkeypatch):
    answers = iter(["a long admin passphrase", "a long admin passphrase"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    call_command("create_register_admin", "rita@register.example")
    assert User.objects.get(email="rita@register.example").check_password("a long admin passphrase")


def test_create_register_admin_promotes_an_existing_account_without_changing_its_password(editor):
    call_command("create_register_admin", editor.email)
    editor.refresh_from_db()
    assert editor.is_staff and editor.check_password("correct horse battery staple")


def test_create_demo_users_says_clearly_when_the_example_council_is_missing(db):
    with pytest.raises(CommandError, match="example-borough-council"):
        call_command("create_demo_users")
    assert not User.objects.exists()


def test_create_demo_users_makes_an_editor_approver_and_admin_with_a_printed_password(capsys):
    council = make_organisation("Example Borough Council")
    call_command("create_demo_users")
    out = capsys.readouterr().out
    password = out.split("They all have the password ")[1].split()[0]
    roles = dict(Membership.objects.filter(organisation=council).values_list("user__email", "role"))
    assert roles == {"editor@example-borough.example": "editor", "approver@example-borough.example": "approver",
                     "admin@example-borough.example": "admin"}
    for email in roles:
        assert User.objects.get(email=email).check_password(password)
    call_command("create_demo_users")  # running it again gives a new password, and no duplicates
    assert User.objects.count() == 3
    assert not User.objects.get(email="admin@example-borough.example").check_password(password)


def test_loading_the_seed_data_creates_no_accounts(db):
    call_command("seed", verbosity=0)
    assert not User.objects.exists()


def test_turn_off_two_factor_removes_the_app_and_backup_codes_and_is_audited(editor, council, capsys):
    from algoreg.accounts.twofactor import make_backup_codes
    from algoreg.audit.models import AuditEvent
    from tests.accounts.helpers import give_device

    give_device(editor)
    make_backup_codes(editor)
    call_command("turn_off_two_factor", editor.email.upper())
    assert not editor.totpdevice_set.exists() and not editor.backup_codes.exists()
    event = AuditEvent.objects.get(action=AuditEvent.Action.TWO_FACTOR_CHANGED)
    assert event.organisation == council and "register team" in event.detail
    with pytest.raises(CommandError, match="no account"):
        call_command("turn_off_two_factor", "nobody@example.org")
