import pytest

from algoreg.accounts.models import Membership, User
from tests.factories import make_organisation, make_published_record

PASSWORD = "correct horse battery staple"


def make_member(email: str, organisation, role: str) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, full_name=email.split("@")[0].title())
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests create hundreds of users, so they use a fast hasher instead."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def council(db):
    return make_organisation("Example Borough Council")


@pytest.fixture
def other_council(db):
    return make_organisation("Sampleshire County Council", council_type="county", region="south-east")


@pytest.fixture
def editor(council):
    """Edie writes drafts at Example Borough Council."""
    return make_member("edie@example-borough.example", council, Membership.Role.EDITOR)


@pytest.fixture
def approver(council):
    """Abe reviews and publishes at Example Borough Council."""
    return make_member("abe@example-borough.example", council, Membership.Role.APPROVER)


@pytest.fixture
def org_admin(council):
    """Ada manages Example Borough Council's members and tokens; she can approve too."""
    return make_member("ada@example-borough.example", council, Membership.Role.ADMIN)


@pytest.fixture
def outsider(other_council):
    """Otto is an approver at another council and must never see Example Borough's private pages."""
    return make_member("otto@sampleshire.example", other_council, Membership.Role.APPROVER)


@pytest.fixture
def register_admin(db):
    """Rita runs the register (staff) but belongs to no council."""
    return User.objects.create_user(email="rita@register.example", password=PASSWORD, is_staff=True)


@pytest.fixture
def record(council):
    return make_published_record(council, name="Housing repairs triage", phase="production")


def pytest_sessionstart(session):
    """Collect static files before any test module is imported, so pages (and modules that build the WSGI
    application at import) see hashed static files exactly as in production."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
