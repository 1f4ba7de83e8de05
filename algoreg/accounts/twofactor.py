"""Two-factor sign-in with an authenticator app (TOTP, RFC 6238), through django-otp."""

import hashlib
import math
import re
import secrets
from base64 import b32encode

import segno
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from markupsafe import Markup, escape

from .models import BackupCode
from .timeformat import govuk_when

BACKUP_CODE_COUNT = 10
# 10 characters of base 32 (50 random bits), shown as two groups of 5: "abcde-fghij".
BACKUP_CODE = re.compile(r"[a-z2-7]{10}")


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def unconfirmed_device(user) -> TOTPDevice:
    """The device being set up: kept until confirmed with a code, so reloading the page keeps the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret as people type it into an app: base 32, in groups of 4."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> Markup:
    """The setup link as a QR code, as inline SVG made here: nothing is loaded from anywhere else."""
    svg = segno.make(device.config_url, error="m").svg_inline(scale=5, border=4, dark="#0b0c0c", light="#ffffff",
                                                              omitsize=False, svgclass="app-qr-code")
    label = escape("QR code to scan with your authenticator app")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


def verify(device: TOTPDevice | None, code: str) -> bool:
    """Whether `code` is right for the device. django-otp refuses reused codes and slows down repeated guesses."""
    return device is not None and device.verify_token(code)


def why_codes_are_paused(device: TOTPDevice | None) -> str:
    """Why no code is being checked for now, as an error message, or "" if codes are being checked.

    After each wrong code django-otp checks no code at all for a while (1, 2, 4, 8... seconds), so someone who
    enters the right code then needs telling to wait, not that the code is wrong.
    """
    if device is None:
        return ""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return ""
    details = details or {}
    count, until = details.get("failure_count"), details.get("locked_until")
    if not count or until is None:
        return "You cannot use a security code for now. Try again later"
    times = "once" if count == 1 else f"{count} times in a row"
    return f"You have entered a wrong security code {times}. To keep your account safe, {_wait(until)}"


def _wait(until) -> str:
    seconds = max(1, math.ceil((until - timezone.now()).total_seconds()))
    if seconds < 60:
        return f"wait {seconds} second{'s' if seconds != 1 else ''} before you try again"
    if seconds <= 60 * 60:
        minutes = math.ceil(seconds / 60)
        return f"wait {minutes} minute{'s' if minutes != 1 else ''} before you try again"
    return f"we will not check another code until {govuk_when(until)}"


def normalise(code: str) -> str:
    """A code as typed, without spaces or hyphens, in lower case."""
    return re.sub(r"[\s-]", "", code).lower()


def _hash(code: str) -> str:
    return hashlib.sha256(normalise(code).encode()).hexdigest()


def make_backup_codes(user) -> list[str]:
    """A new set of backup codes for `user`, replacing any old ones. The codes are shown once and kept hashed."""
    codes = []
    for _ in range(BACKUP_CODE_COUNT):
        raw = b32encode(secrets.token_bytes(10)).decode().lower()[:10]
        codes.append(f"{raw[:5]}-{raw[5:]}")
    with transaction.atomic():
        BackupCode.objects.filter(user=user).delete()
        BackupCode.objects.bulk_create([BackupCode(user=user, code_hash=_hash(code)) for code in codes])
    return codes


def backup_codes_left(user) -> int:
    return BackupCode.objects.filter(user=user, used_at__isnull=True).count()


def use_backup_code(device: TOTPDevice | None, code: str) -> bool:
    """Whether `code` is one of the device owner's unused backup codes; it is used up if so.

    Wrong guesses slow down the authenticator app's codes too, through the device's throttling.
    """
    if device is None or not device.verify_is_allowed()[0]:
        return False
    used = BackupCode.objects.filter(user=device.user, code_hash=_hash(code), used_at__isnull=True).update(
        used_at=timezone.now())
    if used:
        device.throttle_reset()
    else:
        device.throttle_increment()
    return bool(used)


def turn_off(user) -> None:
    """Remove the user's authenticator app and backup codes."""
    TOTPDevice.objects.filter(user=user).delete()
    BackupCode.objects.filter(user=user).delete()
