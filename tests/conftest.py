import pytest

from tests.factories import make_organisation, make_published_record


@pytest.fixture
def council(db):
    return make_organisation("Example Borough Council")


@pytest.fixture
def other_council(db):
    return make_organisation("Sampleshire County Council", council_type="county", region="south-east")


@pytest.fixture
def record(council):
    return make_published_record(council, name="Housing repairs triage", phase="production")


@pytest.fixture(scope="session", autouse=True)
def static_files():
    """Collect static files once, so pages are served with hashed names exactly as in production."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
