"""Checks every public page makes: GOV.UK markup, English language, a title, a skip link and one h1."""

import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_paths(record, council):
    return ["/", "/records/", record.get_absolute_url(), "/organisations/", "/organisations/?all=1",
            f"/organisations/{council.slug}/", "/about/", "/accessibility/", "/open-data-licence/",
            "/records/?phase=production&function=health&organisation=x&page=99"]


def test_every_public_page_is_a_gov_uk_style_page(client, public_paths):
    for path in public_paths:
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 200, path
        assert '<html lang="en-GB"' in html, path
        assert 'class="govuk-skip-link"' in html, path
        assert 'id="main-content"' in html, path
        assert len(re.findall(r"<h1[ >]", html)) == 1, path
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert title.strip().endswith(f"– {settings.SITE_NAME}"), path
        assert "govuk-generic-header" in html and "Open Government Licence" in html, path


def test_no_page_loads_anything_from_another_host(client, public_paths):
    for path in public_paths:
        html = client.get(path).content.decode()
        for tag, url in re.findall(r"<(script|link|img|iframe)[^>]*?(?:src|href)=\"([^\"]+)\"", html):
            if tag == "link" and 'rel="license"' in url:
                continue
            assert url.startswith("/"), f"{path} loads {url}"


def test_the_content_security_policy_allows_only_this_host(client, db):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self' 'nonce-" in policy
    assert "http" not in policy


def test_the_stylesheet_uses_arial_and_carries_no_gds_transport_font():
    css = (Path(settings.BASE_DIR) / "algoreg/static/govuk/algoreg.css").read_text()
    assert "GDS Transport" not in css
    assert "@font-face" not in css
    assert "arial" in css


def test_the_unknown_page_is_the_gov_uk_style_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_server_error_page_renders_without_a_request():
    from django.test import RequestFactory

    from algoreg.pages.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
