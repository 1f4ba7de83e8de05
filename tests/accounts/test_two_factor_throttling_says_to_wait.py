"""After wrong security codes, django-otp checks no more codes for a while (1, 2, 4, 8... seconds). Someone who then
enters the right code is told to wait, and for how long, not that the code is wrong."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from algoreg.accounts.twofactor import make_backup_codes
from algoreg.audit.models import AuditEvent
from tests.accounts.helpers import CODE, code_for, give_device, html, last_event, sign_in, wrong_code

pytestmark = pytest.mark.django_db


def after_wrong_codes(device: TOTPDevice, times: int, seconds_ago: float = 0) -> None:
    """As if `times` wrong codes had been entered in a row, the last `seconds_ago` seconds ago."""
    device.throttling_failure_count = times
    device.throttling_failure_timestamp = timezone.now() - timedelta(seconds=seconds_ago)
    device.save()


@pytest.fixture
def device(editor):
    return give_device(editor)


def test_the_right_code_while_paused_is_refused_with_how_long_to_wait(client, editor, device):
    sign_in(client, editor.email)
    after_wrong_codes(device, 10)  # the 11th code is checked 512 seconds after the 10th
    page = html(client.post(CODE, {"code": code_for(device)}))
    assert "You have entered a wrong security code 10 times in a row" in page
    assert "wait 9 minutes before you try again" in page
    assert "not right" not in page and "<title>Error: " in page
    assert client.get("/account/").status_code == 302


def test_short_waits_are_given_in_seconds(client, editor, device):
    sign_in(client, editor.email)
    after_wrong_codes(device, 5)
    assert "wait 16 seconds before you try again" in html(client.post(CODE, {"code": code_for(device)}))


def test_one_wrong_code_just_now_means_waiting_a_second(client, editor, device):
    sign_in(client, editor.email)
    after_wrong_codes(device, 1)
    page = html(client.post(CODE, {"code": code_for(device)}))
    assert "You have entered a wrong security code once" in page and "wait 1 second before" in page


def test_long_waits_say_when_you_can_try_again(client, editor, device):
    sign_in(client, editor.email)
    after_wrong_codes(device, 16)  # 2 ** 15 seconds: about 9 hours
    page = html(client.post(CODE, {"code": code_for(device)}))
    assert "we will not check another code until" in page and "wait" not in page


def test_the_right_code_works_once_the_wait_is_over(client, editor, device):
    sign_in(client, editor.email)
    after_wrong_codes(device, 5, seconds_ago=17)
    client.post(CODE, {"code": code_for(device)})
    assert client.get("/account/").status_code == 200


def test_a_code_entered_while_paused_is_audited_as_such(client, editor, device):
    sign_in(client, editor.email)
    after_wrong_codes(device, 10)
    client.post(CODE, {"code": wrong_code(device)})
    event = last_event()
    assert event.action == AuditEvent.Action.SIGN_IN_FAILED and "wrong security codes" in event.detail
    device.refresh_from_db()
    assert device.throttling_failure_count == 10


def test_a_backup_code_while_paused_is_refused_with_how_long_to_wait(client, editor, device):
    backup = make_backup_codes(editor)[0]
    sign_in(client, editor.email)
    after_wrong_codes(device, 10)
    assert "wait 9 minutes before you try again" in html(client.post(CODE, {"code": backup}))


def test_turning_it_off_while_paused_says_how_long_to_wait(client, editor, device):
    sign_in(client, editor.email)
    client.post(CODE, {"code": code_for(device)})
    after_wrong_codes(device, 10)
    page = html(client.post("/account/two-factor/turn-off/", {"code": code_for(device, steps_ahead=1)}))
    assert "wait 9 minutes before you try again" in page
    assert TOTPDevice.objects.filter(user=editor).exists()


def test_setting_it_up_while_paused_says_how_long_to_wait(client, editor):
    client.force_login(editor)
    client.get("/account/two-factor/set-up/")
    device = TOTPDevice.objects.get(user=editor)
    after_wrong_codes(device, 10)
    page = html(client.post("/account/two-factor/set-up/", {"code": code_for(device)}))
    assert "wait 9 minutes before you try again" in page
    device.refresh_from_db()
    assert not device.confirmed
