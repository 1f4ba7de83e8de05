"""A NUL character in a request header (which gunicorn refuses, but other servers pass on) is no error on either
database: the sign-in lockout stores the browser's name and address, and sessions are looked up by cookie."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_failed_sign_in_with_nul_in_its_headers_is_counted_not_an_error(client, editor):
    response = client.post("/account/sign-in/", {"username": editor.email, "password": "wrong"},
                           HTTP_USER_AGENT="bad\x00agent", HTTP_X_FORWARDED_FOR="192.0.2.1\x00")
    assert response.status_code == 200
    assert "problem" in response.content.decode().lower()


def test_a_session_cookie_with_nul_in_it_is_simply_not_signed_in(client):
    client.cookies["sessionid"] = "abc\x00def"
    response = client.get("/manage/")
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]
