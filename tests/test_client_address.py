"""One client address for API rate limits, sign-in lockouts and the audit log: REMOTE_ADDR, or behind
API_PROXY_COUNT proxies the address the outermost proxy was given."""

import pytest
from django.test import RequestFactory

from algoreg.audit.models import AuditEvent
from algoreg.client_address import client_address
from tests.accounts.helpers import sign_in

PROXY = "10.0.0.2"


def request_from(remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_proxies_the_client_is_whoever_connected(settings):
    settings.API_PROXY_COUNT = 0
    assert client_address(request_from("192.0.2.7", "198.51.100.1")) == "192.0.2.7"


def test_behind_one_proxy_the_client_is_the_last_forwarded_address(settings):
    settings.API_PROXY_COUNT = 1
    assert client_address(request_from(PROXY, "198.51.100.1, 192.0.2.7")) == "192.0.2.7"


def test_behind_two_proxies_the_client_is_the_second_last_forwarded_address(settings):
    settings.API_PROXY_COUNT = 2
    assert client_address(request_from(PROXY, "198.51.100.1, 192.0.2.7, 10.0.0.1")) == "192.0.2.7"


@pytest.mark.parametrize("forwarded", ["", "unknown", "192.0.2.7\x00", "<script>", "2001:db8::zz"])
def test_a_forwarded_value_that_is_not_an_address_counts_as_the_proxy(settings, forwarded):
    settings.API_PROXY_COUNT = 1
    assert client_address(request_from(PROXY, forwarded)) == PROXY


def test_forwarded_ipv6_addresses_are_used(settings):
    settings.API_PROXY_COUNT = 1
    assert client_address(request_from(PROXY, "2001:db8::7")) == "2001:db8::7"


@pytest.mark.django_db
def test_the_audit_log_records_the_client_behind_a_proxy(client, settings, editor):
    settings.API_PROXY_COUNT = 1
    client.post("/account/sign-in/", {"username": editor.email, "password": "wrong password, again"},
                REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.7")
    assert AuditEvent.objects.get(action=AuditEvent.Action.SIGN_IN_FAILED).ip_address == "192.0.2.7"


@pytest.mark.django_db
def test_the_audit_log_records_whoever_connected_without_proxies(client, editor):
    sign_in(client, editor.email, "wrong password, again")
    assert AuditEvent.objects.get(action=AuditEvent.Action.SIGN_IN_FAILED).ip_address == "127.0.0.1"
