"""Organisation admins make and revoke API tokens. A new token is shown once, on the page that made it."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from algoreg.accounts.access import get_organisation_for_member, require_verified
from algoreg.accounts.models import Membership
from algoreg.accounts.views import page

from .forms import SCOPES, TokenForm
from .models import ApiToken
from .tokens import START, create_token, revoke_token

ADMIN = Membership.Role.ADMIN


def _tokens_url(organisation) -> str:
    return reverse("tokens:list", args=[organisation.slug])


@require_GET
@require_verified
def token_list(request, slug: str):
    organisation, _ = get_organisation_for_member(request, slug, role=ADMIN)
    tokens = organisation.api_tokens.select_related("created_by", "revoked_by")
    context = {"organisation": organisation, "active": [t for t in tokens if t.is_active],
               "revoked": [t for t in tokens if not t.is_active], "start": START, "section": "manage"}
    return page(request, "tokens/list.html", context)


def _scope_items(form) -> list[dict]:
    chosen = form["scopes"].value() or []
    return [{"value": key, "text": label, "hint": {"text": hint}, "checked": key in chosen}
            for key, (label, hint) in SCOPES.items()]


@never_cache
@require_http_methods(["GET", "POST"])
@require_verified
def new_token(request, slug: str):
    organisation, _ = get_organisation_for_member(request, slug, role=ADMIN)
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        scopes = set(form.cleaned_data["scopes"])
        token, secret = create_token(organisation, request.user, form.cleaned_data["name"], request=request,
                                     **{key: key in scopes for key in SCOPES})
        # Shown in this answer only (never cached): the token is not stored, so it cannot be shown again.
        return page(request, "tokens/created.html",
                    {"organisation": organisation, "token": token, "secret": secret, "section": "manage"})
    context = {"organisation": organisation, "form": form, "scope_items": _scope_items(form), "section": "manage"}
    return page(request, "tokens/new.html", context)


@require_http_methods(["GET", "POST"])
@require_verified
def revoke(request, slug: str, token_id: int):
    organisation, _ = get_organisation_for_member(request, slug, role=ADMIN)
    token = get_object_or_404(ApiToken, pk=token_id, organisation=organisation)
    if request.method == "POST":
        if revoke_token(token, request.user, request=request):
            messages.success(request, f"The token “{token.name}” has been revoked. It no longer works.")
        return redirect(_tokens_url(organisation))
    return page(request, "tokens/revoke.html",
                {"organisation": organisation, "token": token, "start": START, "section": "manage"})
