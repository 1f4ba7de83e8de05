import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from algoreg.audit.models import AuditEvent
from tests.accounts.helpers import CODE, code_for, give_device, html, last_event, sign_in, wrong_code

pytestmark = pytest.mark.django_db
URL = "/account/two-factor/turn-off/"


@pytest.fixture
def signed_in_with_code(client, editor):
    device = give_device(editor)
    sign_in(client, editor.email)
    client.post(CODE, {"code": code_for(device)})
    return device


def test_turning_it_off_needs_a_current_code(client, editor, signed_in_with_code):
    device = signed_in_with_code
    page = html(client.post(URL, {"code": wrong_code(device)}))
    assert "The security code is not right" in page
    assert TOTPDevice.objects.filter(user=editor).exists()


def test_a_right_code_turns_it_off_and_it_is_audited(client, editor, signed_in_with_code):
    response = client.post(URL, {"code": code_for(signed_in_with_code, steps_ahead=1)})
    assert response["Location"] == "/account/"
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert last_event().action == AuditEvent.Action.TWO_FACTOR_CHANGED and "off" in last_event().detail
    client.post("/account/sign-out/")
    assert sign_in(client, editor.email)["Location"] != CODE
