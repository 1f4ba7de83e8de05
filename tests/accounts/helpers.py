"""Helpers for driving sign-in, two-factor sign-in and invitations through the test client."""

import re
import time

from django.core import mail
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from algoreg.audit.models import AuditEvent
from tests.conftest import PASSWORD

SIGN_IN = "/account/sign-in/"
CODE = "/account/sign-in/code/"


def sign_in(client, email: str, password: str = PASSWORD, **data):
    return client.post(SIGN_IN, {"username": email, "password": password, **data})


def give_device(user) -> TOTPDevice:
    """A confirmed authenticator app for `user`."""
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the device's app shows now (or `steps_ahead` time steps later: a code is accepted only once)."""
    device.refresh_from_db()
    if steps_ahead == 0:
        return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    generator.time = time.time() + steps_ahead * device.step
    return f"{generator.token():06d}"


def wrong_code(device: TOTPDevice) -> str:
    right = {code_for(device, steps) for steps in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in right)


def actions() -> list[str]:
    return list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))


def last_event() -> AuditEvent:
    return AuditEvent.objects.order_by("-pk").first()


def link_in_last_email() -> str:
    """The path of the first link to this site in the most recent email."""
    body = mail.outbox[-1].body
    return re.search(r"https?://[^/\s]+(/\S+)", body).group(1)


def html(response) -> str:
    return response.content.decode()
