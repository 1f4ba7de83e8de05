import re

import pytest

from algoreg.accounts.twofactor import make_backup_codes
from algoreg.audit.models import AuditEvent
from tests.accounts.helpers import CODE, code_for, give_device, html, last_event, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def codes(editor):
    give_device(editor)
    return make_backup_codes(editor)


def test_a_backup_code_signs_you_in_instead_of_the_app_and_says_how_many_are_left(client, editor, codes):
    sign_in(client, editor.email, next="/account/")
    response = client.post(CODE, {"code": codes[0].upper().replace("-", " ")})
    assert response["Location"] == "/account/"
    page = html(client.get("/account/"))
    assert "You used a backup code. You have 9 left." in page
    signed_in = AuditEvent.objects.get(action=AuditEvent.Action.SIGNED_IN)
    assert "backup code" in signed_in.detail


def test_each_backup_code_works_once(client, editor, codes):
    sign_in(client, editor.email)
    client.post(CODE, {"code": codes[0]})
    client.post("/account/sign-out/")
    sign_in(client, editor.email)
    assert "The security code is not right" in html(client.post(CODE, {"code": codes[0]}))


def test_a_made_up_backup_code_is_refused(client, editor, codes):
    sign_in(client, editor.email)
    assert "The security code is not right" in html(client.post(CODE, {"code": "aaaaa-bbbbb"}))
    assert last_event().action == AuditEvent.Action.SIGN_IN_FAILED


def test_setting_it_up_again_replaces_the_old_codes(client, editor, codes):
    sign_in(client, editor.email)
    device = editor.totpdevice_set.get()
    client.post(CODE, {"code": code_for(device)})
    client.post("/account/two-factor/turn-off/", {"code": codes[0]})
    client.get("/account/two-factor/set-up/")
    response = client.post("/account/two-factor/set-up/", {"code": code_for(editor.totpdevice_set.get())})
    new = re.findall(r"<code[^>]*>([a-z2-7]{5}-[a-z2-7]{5})</code>", html(response))
    assert len(new) == 10 and not set(new) & set(codes)
    assert last_event().action == AuditEvent.Action.TWO_FACTOR_CHANGED


def test_turning_two_factor_off_removes_the_backup_codes(client, editor, codes):
    sign_in(client, editor.email)
    device = editor.totpdevice_set.get()
    client.post(CODE, {"code": code_for(device)})
    client.post("/account/two-factor/turn-off/", {"code": codes[0]})
    assert not editor.backup_codes.exists() and not editor.totpdevice_set.exists()
