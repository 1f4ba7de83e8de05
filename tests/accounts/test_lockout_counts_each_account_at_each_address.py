"""Failed sign-ins lock an email address only at the address they came from, so nobody can lock out a named officer
from somewhere else; an address that tries many accounts is locked on its own, at a higher limit."""

import pytest
from django.conf import settings

from tests.accounts.helpers import html
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
OFFICE = "198.51.100.10"


def sign_in_from(client, address: str, email: str, password: str = PASSWORD, **headers):
    return client.post("/account/sign-in/", {"username": email, "password": password}, REMOTE_ADDR=address,
                       **headers)


def fail_from(client, address: str, email: str, times: int, **headers):
    for _ in range(times):
        sign_in_from(client, address, email, "wrong password, again", **headers)


def test_failures_are_counted_for_each_email_address_at_each_client_address_and_for_each_client_address():
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"], "ip_address"]


def test_the_limit_for_one_client_address_defaults_to_20_failures():
    assert settings.AXES_ADDRESS_FAILURE_LIMIT == 20


def test_wrong_passwords_from_one_address_lock_the_account_only_there(client, editor):
    fail_from(client, ATTACKER, editor.email, 5)
    locked = sign_in_from(client, ATTACKER, editor.email)
    assert locked.status_code == 429
    assert "from where you are" in html(locked)


def test_the_officer_still_signs_in_from_another_address(client, editor):
    fail_from(client, ATTACKER, editor.email, 5)
    assert sign_in_from(client, OFFICE, editor.email).status_code == 302


def test_many_failures_from_one_address_across_accounts_lock_that_address(client, settings, editor, approver):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 12
    for number in range(3):  # 4 wrong passwords each: no single account reaches its limit of 5
        fail_from(client, ATTACKER, f"someone{number}@example-borough.example", 4)
    locked = sign_in_from(client, ATTACKER, approver.email)
    assert locked.status_code == 429
    assert "all sign-ins from your network" in html(locked) and "12 times" in html(locked)
    assert sign_in_from(client, ATTACKER, editor.email).status_code == 429
    assert sign_in_from(client, OFFICE, editor.email).status_code == 302


def test_one_address_gets_up_to_its_own_limit_across_accounts(client, settings, editor):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 12
    for number in range(2):
        fail_from(client, ATTACKER, f"someone{number}@example-borough.example", 4)
    fail_from(client, ATTACKER, "someone.else@example-borough.example", 3)
    assert sign_in_from(client, ATTACKER, editor.email).status_code == 302


def test_signing_in_does_not_forget_other_accounts_failures_from_the_same_address(client, settings, editor):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 12
    fail_from(client, ATTACKER, "someone@example-borough.example", 4)
    fail_from(client, ATTACKER, "someone.else@example-borough.example", 4)
    assert sign_in_from(client, ATTACKER, editor.email).status_code == 302
    client.logout()
    fail_from(client, ATTACKER, "a.third.person@example-borough.example", 4)
    assert sign_in_from(client, ATTACKER, editor.email).status_code == 429


def test_signing_in_forgets_your_own_failures_from_that_address(client, editor):
    fail_from(client, OFFICE, editor.email, 4)
    assert sign_in_from(client, OFFICE, editor.email).status_code == 302
    client.logout()
    fail_from(client, OFFICE, editor.email, 4)
    assert sign_in_from(client, OFFICE, editor.email).status_code == 302


def test_behind_a_proxy_each_forwarded_client_address_is_counted_on_its_own(client, settings, editor):
    settings.API_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    fail_from(client, proxy, editor.email, 5, HTTP_X_FORWARDED_FOR=ATTACKER)
    assert sign_in_from(client, proxy, editor.email, HTTP_X_FORWARDED_FOR=ATTACKER).status_code == 429
    assert sign_in_from(client, proxy, editor.email, HTTP_X_FORWARDED_FOR=OFFICE).status_code == 302


def test_without_proxies_a_made_up_forwarded_address_changes_nothing(client, editor):
    for number in range(5):
        sign_in_from(client, ATTACKER, editor.email, "wrong password, again",
                     HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    assert sign_in_from(client, ATTACKER, editor.email, HTTP_X_FORWARDED_FOR=OFFICE).status_code == 429


@pytest.mark.parametrize("forwarded", ["not an address", "\x00", "999.1.1.1", ""])
def test_a_forwarded_value_that_is_not_an_address_counts_as_the_proxy(client, settings, editor, forwarded):
    settings.API_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    fail_from(client, proxy, editor.email, 5, HTTP_X_FORWARDED_FOR=forwarded)
    assert sign_in_from(client, proxy, editor.email, HTTP_X_FORWARDED_FOR=forwarded).status_code == 429
    assert sign_in_from(client, proxy, editor.email).status_code == 429
