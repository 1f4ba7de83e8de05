import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from algoreg.audit.models import AuditEvent
from tests.accounts.helpers import code_for, html, last_event, wrong_code

pytestmark = pytest.mark.django_db
URL = "/account/two-factor/set-up/"


def test_the_account_page_says_two_factor_sign_in_is_off(client, editor):
    client.force_login(editor)
    page = html(client.get("/account/"))
    assert "Two-factor sign-in" in page and "Set up two-factor sign-in" in page


def test_the_set_up_page_shows_the_secret_as_text_and_as_an_inline_qr_code(client, editor):
    client.force_login(editor)
    page = html(client.get(URL))
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", page).group(1)
    assert len(secret.replace(" ", "")) == 32
    assert '<svg role="img" aria-label="QR code' in page
    assert "<script" not in page.split("<main")[1].split("</main>")[0]
    assert device.key  # the secret is kept only in the device, to check codes against
    # Reloading the page keeps the same secret, so a half-finished set-up still works.
    assert secret in html(client.get(URL))


def test_a_right_code_turns_it_on_and_it_is_audited(client, editor):
    client.force_login(editor)
    client.get(URL)
    device = TOTPDevice.objects.get(user=editor)
    response = client.post(URL, {"code": code_for(device)})
    assert "Two-factor sign-in is on" in html(response)
    device.refresh_from_db()
    assert device.confirmed
    assert last_event().action == AuditEvent.Action.TWO_FACTOR_CHANGED and "on" in last_event().detail
    assert "Turn off two-factor sign-in" in html(client.get("/account/"))


def test_turning_it_on_shows_10_backup_codes_once_and_keeps_only_their_hashes(client, editor):
    client.force_login(editor)
    client.get(URL)
    response = client.post(URL, {"code": code_for(TOTPDevice.objects.get(user=editor))})
    codes = re.findall(r"<code[^>]*>([a-z2-7]{5}-[a-z2-7]{5})</code>", html(response))
    assert len(set(codes)) == 10
    assert "no-store" in response["Cache-Control"]
    stored = list(editor.backup_codes.values_list("code_hash", flat=True))
    assert len(stored) == 10 and not any(code.replace("-", "") in h for code in codes for h in stored)
    assert "10 unused backup codes" in html(client.get("/account/"))


def test_a_wrong_code_does_not_turn_it_on(client, editor):
    client.force_login(editor)
    client.get(URL)
    device = TOTPDevice.objects.get(user=editor)
    page = html(client.post(URL, {"code": wrong_code(device)}))
    assert "There is a problem" in page and "The security code is not right" in page
    device.refresh_from_db()
    assert not device.confirmed


def test_a_code_that_is_not_6_digits_is_explained(client, editor):
    client.force_login(editor)
    page = html(client.post(URL, {"code": "12ab"}))
    assert "The security code must be 6 digits" in page and 'href="#id_code"' in page


def test_spaces_in_the_code_are_fine(client, editor):
    client.force_login(editor)
    client.get(URL)
    device = TOTPDevice.objects.get(user=editor)
    code = code_for(device)
    assert "Save your backup codes" in html(client.post(URL, {"code": f"{code[:3]} {code[3:]}"}))
    device.refresh_from_db()
    assert device.confirmed
