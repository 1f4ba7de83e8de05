import re

import pytest
from django.test import Client

from tests.accounts.helpers import SIGN_IN
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_signing_in_without_the_form_s_csrf_token_is_refused(editor):
    client = Client(enforce_csrf_checks=True)
    response = client.post(SIGN_IN, {"username": editor.email, "password": PASSWORD})
    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()
    assert client.get("/account/").status_code == 302


def test_signing_in_with_the_form_s_csrf_token_works(editor):
    client = Client(enforce_csrf_checks=True)
    page = client.get(SIGN_IN).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(SIGN_IN, {"username": editor.email, "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert client.get("/account/").status_code == 200


def test_signing_out_without_the_csrf_token_is_refused(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post("/account/sign-out/").status_code == 403
    assert client.get("/account/").status_code == 200
