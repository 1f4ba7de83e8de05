"""Two-factor sign-in with an authenticator app (TOTP, RFC 6238), through django-otp."""

from base64 import b32encode

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice
from markupsafe import Markup, escape


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
