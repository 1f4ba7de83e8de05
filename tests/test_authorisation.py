"""Walks every URL of the site for every kind of person and checks who gets in.

Every named URL must appear here, either as public or with its rule: adding a URL without saying who may use it
fails `test_every_url_has_a_rule`. Outcomes: "ok" (allowed), "404" (outsiders must not learn the page exists),
"403" (a member of the right organisation without the role) and "sign-in" (redirected to sign in).
"""

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from algoreg.accounts.models import Membership
from algoreg.api.tokens import create_token
from algoreg.records import workflow
from algoreg.transfer.models import PendingImport
from tests.editor.helpers import complete_draft
from tests.factories import make_published_record

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "outsider", "editor", "approver", "org_admin", "register_admin")

# Pages anyone may open, signed in or not. The sign-in, password reset and invitation pages check their own tokens.
PUBLIC = {
    "home", "about", "accessibility", "licence", "records:list", "records:detail", "records:history",
    "records:version", "records:compare", "organisations:list", "organisations:detail", "accounts:sign_in",
    "accounts:sign_in_code", "accounts:sign_out", "accounts:signed_out", "accounts:password_reset",
    "accounts:password_reset_sent", "accounts:password_reset_confirm", "accounts:password_reset_done",
    "accounts:invitation",
    "exports:all", "exports:atrs", "exports:history", "exports:record", "exports:record_atrs",
    # The public JSON API and the feeds (tests/api/).
    "api:api-root", "api:openapi-json", "api:openapi-view", "api:records", "api:record", "api:versions", "api:version",
    "api:organisations", "api:organisation", "feeds:records", "feeds:organisation", "feeds:records_archive",
    "feeds:organisation_archive",
}
# API operations for an organisation's API tokens only (tests/api/): a signed-in session is not enough.
TOKEN_ONLY = {
    "api:drafts": ("GET", "/api/v1/drafts"),
    "api:new_draft": ("POST", "/api/v1/drafts"),
    "api:draft": ("GET", "/api/v1/drafts/{draft}"),
    "api:change_draft": ("PATCH", "/api/v1/drafts/{draft}"),
    "api:submit_draft": ("POST", "/api/v1/drafts/{draft}/submit"),
}


@dataclass(frozen=True)
class Rule:
    path: str  # formatted with the scene: {draft}, {published}, {org}, {member}, {token}
    methods: tuple[str, ...]
    allowed: frozenset[str]
    # What a signed-in member of the owning organisation without the role gets.
    member_without_role: str = "404"


SIGNED_IN = frozenset(ROLES) - {"anonymous"}
MEMBERS = frozenset({"editor", "approver", "org_admin"})
APPROVERS = frozenset({"approver", "org_admin"})
ORG_ADMINS = frozenset({"org_admin", "register_admin"})
GET, POST, BOTH = ("GET",), ("POST",), ("GET", "POST")

RULES = {
    "accounts:account": Rule("/account/", GET, SIGNED_IN),
    "accounts:password_change": Rule("/account/password/change/", BOTH, SIGNED_IN),
    "accounts:two_factor_set_up": Rule("/account/two-factor/set-up/", BOTH, SIGNED_IN),
    "accounts:two_factor_turn_off": Rule("/account/two-factor/turn-off/", BOTH, SIGNED_IN),
    "editor:dashboard": Rule("/manage/", GET, SIGNED_IN),
    "editor:new": Rule("/manage/records/new/", BOTH, MEMBERS | {"outsider"}),
    "editor:record": Rule("/manage/records/{draft}/", GET, MEMBERS),
    "editor:section": Rule("/manage/records/{draft}/sections/owner/", BOTH, MEMBERS),
    "editor:preview": Rule("/manage/records/{draft}/preview/", GET, MEMBERS),
    "editor:submit": Rule("/manage/records/{draft}/submit/", POST, MEMBERS),
    "editor:new_draft": Rule("/manage/records/{published}/new-draft/", POST, MEMBERS),
    "editor:send_back": Rule("/manage/records/{draft}/send-back/", BOTH, APPROVERS, "403"),
    "editor:publish": Rule("/manage/records/{draft}/publish/", BOTH, APPROVERS, "403"),
    "editor:retire": Rule("/manage/records/{published}/retire/", BOTH, APPROVERS, "403"),
    "editor:withdraw": Rule("/manage/records/{published}/withdraw/", BOTH, APPROVERS, "403"),
    "manage:members": Rule("/manage/organisation/{org}/members/", GET, ORG_ADMINS),
    "manage:invite": Rule("/manage/organisation/{org}/members/invite/", BOTH, ORG_ADMINS),
    "manage:change_role": Rule("/manage/organisation/{org}/members/{member}/role/", BOTH, ORG_ADMINS),
    "manage:remove_member": Rule("/manage/organisation/{org}/members/{member}/remove/", BOTH, ORG_ADMINS),
    "manage:register_organisations": Rule("/manage/register/organisations/", GET, frozenset({"register_admin"})),
    "manage:add_organisation": Rule("/manage/register/organisations/add/", BOTH, frozenset({"register_admin"})),
    "audit:organisation": Rule("/manage/organisation/{org}/audit/", GET, ORG_ADMINS),
    "audit:register": Rule("/manage/register/audit/", GET, frozenset({"register_admin"})),
    # Members import into their own organisation; a pending import belongs to the person who uploaded it.
    "imports:start": Rule("/manage/import/", BOTH, MEMBERS | {"outsider"}),
    "imports:report": Rule("/manage/import/{pending}/", GET, frozenset({"editor"})),
    "imports:apply": Rule("/manage/import/{pending}/apply/", POST, frozenset({"editor"})),
    "tokens:list": Rule("/manage/organisation/{org}/tokens/", GET, ORG_ADMINS),
    "tokens:new": Rule("/manage/organisation/{org}/tokens/new/", BOTH, ORG_ADMINS),
    "tokens:revoke": Rule("/manage/organisation/{org}/tokens/{token}/revoke/", BOTH, ORG_ADMINS),
}


def url_names(patterns=None, namespace: str = "") -> set[str]:
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else (
                pattern.namespace or namespace)
            names |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            names.add(f"{namespace}:{pattern.name}" if namespace else str(pattern.name))
    return names


def test_every_url_has_a_rule():
    missing = url_names() - PUBLIC - set(RULES) - set(TOKEN_ONLY)
    assert not missing, f"Say who may use these URLs in tests/test_authorisation.py: {sorted(missing)}"
    assert not (set(RULES) | PUBLIC | set(TOKEN_ONLY)) - url_names(), "rules for URLs that no longer exist"


@pytest.fixture
def scene(council, editor, approver, org_admin, outsider, register_admin):
    draft = complete_draft(council, editor)
    workflow.submit(draft.draft, editor)
    published = make_published_record(council, name="Parking permit checks")
    member = Membership.objects.get(user=editor).pk
    pending = PendingImport.keep(editor, council, "records.csv", b"name\nParking permit checks\n", None).pk
    token, _ = create_token(council, org_admin, "Case system", read_drafts=True, write_drafts=True,
                            submit_drafts=True)
    people = {"outsider": outsider, "editor": editor, "approver": approver, "org_admin": org_admin,
              "register_admin": register_admin}
    return {"draft": draft.public_id, "published": published.public_id, "org": council.slug, "member": member,
            "pending": pending, "token": token.pk, "people": people}


def expected(rule: Rule, role: str) -> str:
    if role in rule.allowed:
        return "ok"
    if role == "anonymous":
        return "sign-in"
    return rule.member_without_role if role in MEMBERS else "404"


def outcome(response) -> str:
    if response.status_code in (403, 404):
        return str(response.status_code)
    if response.status_code == 302 and response["Location"].startswith("/account/sign-in/"):
        return "sign-in"
    assert response.status_code in (200, 302), f"unexpected {response.status_code}"
    return "ok"


CASES = [(name, method, role) for name, rule in RULES.items() for method in rule.methods for role in ROLES]


@pytest.mark.parametrize(("name", "method", "role"), CASES, ids=["-".join(case) for case in CASES])
def test_who_may_use_each_private_url(scene, name, method, role):
    rule = RULES[name]
    client = Client()
    if role != "anonymous":
        client.force_login(scene["people"][role])
    path = rule.path.format(**scene)
    response = client.get(path) if method == "GET" else client.post(path, {"text": "A reason."})
    assert outcome(response) == expected(rule, role), f"{role} {method} {path}"


POST_CASES = [(name, sorted(rule.allowed - {"register_admin"} or rule.allowed)[0])
              for name, rule in RULES.items() if "POST" in rule.methods]


@pytest.mark.parametrize(("name", "role"), POST_CASES, ids=[case[0] for case in POST_CASES])
def test_every_state_changing_request_needs_a_csrf_token(scene, name, role):
    client = Client(enforce_csrf_checks=True)
    client.force_login(scene["people"][role])
    response = client.post(RULES[name].path.format(**scene), {"text": "A reason."})
    assert response.status_code == 403


TOKEN_CASES = [(name, role) for name in TOKEN_ONLY for role in ROLES]


@pytest.mark.parametrize(("name", "role"), TOKEN_CASES, ids=["-".join(case) for case in TOKEN_CASES])
def test_token_operations_refuse_everyone_without_a_token(scene, name, role):
    """Being signed in to the register is not enough for the API's draft operations: they need a token."""
    method, path = TOKEN_ONLY[name]
    client = Client()
    if role != "anonymous":
        client.force_login(scene["people"][role])
    response = client.generic(method, path.format(**scene), b"{}", content_type="application/json")
    assert response.status_code == 401, f"{role} {method} {path}"


def test_the_public_pages_are_public(client, scene, record):
    for path in ("/", "/records/", record.get_absolute_url(), f"/records/{record.reference}/history/",
                 "/organisations/", f"/organisations/{scene['org']}/", "/about/", "/account/sign-in/"):
        assert client.get(path).status_code == 200, path
