"""Messages left by an action (saved, submitted, published, imported...) show as words, never as markup."""

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.template import engines
from django.test import RequestFactory

from tests.editor.helpers import new_draft

BANNERS = '{% from "includes/messages.html" import flash_messages %}{{ flash_messages(request) }}'


def banners_for(*added: tuple[int, str]) -> str:
    request = RequestFactory().get("/")
    request._messages = CookieStorage(request)
    for level, text in added:
        messages.add_message(request, level, text)
    return engines["jinja2"].from_string(BANNERS).render(request=request)


def test_a_success_message_is_the_heading_of_a_green_banner_with_no_markup_around_it_escaped():
    html = banners_for((messages.SUCCESS, "Summary: saved."))
    assert "govuk-notification-banner--success" in html and 'role="alert"' in html
    assert '<p class="govuk-notification-banner__heading">\n      Summary: saved.\n    </p>' in html
    assert "&lt;" not in html


def test_characters_in_a_message_are_escaped_once():
    html = banners_for((messages.SUCCESS, "Imported into Bath & <North> East: 2 new drafts."))
    assert "Bath &amp; &lt;North&gt; East: 2 new drafts." in html
    assert "&amp;amp;" not in html and "&amp;lt;" not in html


def test_other_messages_show_in_an_important_banner():
    html = banners_for((messages.ERROR, "The draft must be submitted for review before it can be published."))
    assert "govuk-notification-banner--success" not in html and 'role="region"' in html
    assert ">\n      Important\n    </h2>" in html
    assert "The draft must be submitted for review before it can be published." in html and "&lt;" not in html


@pytest.mark.django_db
def test_saving_a_section_says_so_in_words(client, editor, council):
    record = new_draft(council, editor)
    client.force_login(editor)
    response = client.post(f"/manage/records/{record.public_id}/sections/description/",
                           {"revision": "1", "action": "save", "benefits": "Faster repairs."}, follow=True)
    html = response.content.decode()
    assert "Description and reasons: saved." in html
    assert "&lt;p" not in html and "&lt;/p&gt;" not in html


@pytest.mark.django_db
def test_revoking_a_token_says_so_on_the_tokens_page(client, org_admin, council):
    from algoreg.api.tokens import create_token

    token, _ = create_token(council, org_admin, "Nightly export", read_drafts=True, write_drafts=False,
                            submit_drafts=False)
    client.force_login(org_admin)
    response = client.post(f"/manage/organisation/{council.slug}/tokens/{token.pk}/revoke/", follow=True)
    assert "has been revoked" in response.content.decode()
