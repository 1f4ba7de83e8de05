"""Organisation admins make tokens in the web pages. A token is shown once, kept only as a hash, and can be revoked."""

import hashlib

import pytest

from algoreg.api.models import ApiToken
from algoreg.audit.models import AuditEvent
from tests.api.conftest import bearer

pytestmark = pytest.mark.django_db
TOKENS = "/manage/organisation/example-borough-council/tokens/"


@pytest.fixture
def admin_client(client, org_admin):
    client.force_login(org_admin)
    return client


def create(client, name="Case system", scopes=("read_drafts", "write_drafts")):
    return client.post(TOKENS + "new/", {"name": name, "scopes": list(scopes)})


def secret_in(html: str) -> str:
    marker = 'id="token" name="token" type="text" value="'
    start = html.index(marker) + len(marker)
    return html[start:html.index('"', start)]


def test_a_new_token_is_shown_once_and_works(admin_client, client):
    response = create(admin_client)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    secret = secret_in(html)
    assert secret.startswith("algoreg_")
    assert "You will not be able to see it again" in html
    assert secret not in admin_client.get(TOKENS).content.decode()
    client.logout()
    assert client.get("/api/v1/drafts", **bearer(secret)).status_code == 200


def test_only_a_hash_of_the_token_is_kept(admin_client):
    secret = secret_in(create(admin_client).content.decode())
    token = ApiToken.objects.get()
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(ApiToken.objects.values().get())
    assert secret.startswith(f"algoreg_{token.prefix}_")


def test_the_token_list_shows_names_scopes_and_use(admin_client, client):
    secret = secret_in(create(admin_client, "Case system", ["read_drafts"]).content.decode())
    html = admin_client.get(TOKENS).content.decode()
    assert "Case system" in html and "Read drafts" in html and "Not yet" in html
    client.get("/api/v1/drafts", **bearer(secret))
    assert ApiToken.objects.get().last_used_at is not None


def test_a_token_needs_a_name_and_something_to_do(admin_client):
    response = admin_client.post(TOKENS + "new/", {"name": "  ", "scopes": []})
    html = response.content.decode()
    assert "Enter a name for the token" in html and "Select what the token can do" in html
    assert html.count("govuk-error-summary") >= 1
    assert not ApiToken.objects.exists()


def test_a_revoked_token_stops_working(admin_client, client, org_admin):
    secret = secret_in(create(admin_client).content.decode())
    token = ApiToken.objects.get()
    assert "Revoke the token" in admin_client.get(f"{TOKENS}{token.pk}/revoke/").content.decode()
    response = admin_client.post(f"{TOKENS}{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == org_admin
    client.logout()
    response = client.get("/api/v1/drafts", **bearer(secret))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"


def test_making_and_revoking_tokens_is_in_the_audit_log(admin_client, org_admin):
    create(admin_client, "Case system")
    token = ApiToken.objects.get()
    admin_client.post(f"{TOKENS}{token.pk}/revoke/")
    events = list(AuditEvent.objects.filter(action__startswith="token.").order_by("pk"))
    assert [e.action for e in events] == ["token.created", "token.revoked"]
    assert all(e.actor == org_admin and e.organisation == token.organisation for e in events)
    assert "Case system" in events[0].detail and token.prefix in events[0].detail


def test_a_token_stops_working_when_its_maker_leaves(make_token, client, org_admin):
    secret = make_token()
    assert client.get("/api/v1/drafts", **bearer(secret)).status_code == 200
    org_admin.memberships.all().delete()
    assert client.get("/api/v1/drafts", **bearer(secret)).status_code == 401


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer nonsense", "Basic abc", "Bearer algoreg_abcdefgh_secret"])
def test_no_token_or_a_wrong_one_is_401(client, token, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.get("/api/v1/drafts", **extra)
    assert response.status_code == 401
    assert response.json()["errors"][0]["location"] == "header"


def test_a_signed_in_person_without_a_token_gets_401(client, org_admin):
    client.force_login(org_admin)
    assert client.get("/api/v1/drafts").status_code == 401


def test_admins_find_the_tokens_page_from_their_account_and_the_members_page(admin_client):
    assert TOKENS in admin_client.get("/account/").content.decode()
    assert TOKENS in admin_client.get("/manage/organisation/example-borough-council/members/").content.decode()
