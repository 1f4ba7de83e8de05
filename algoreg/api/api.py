"""The JSON API, version 1, at /api/v1/: OpenAPI document at /api/v1/openapi.json, interactive docs at /api/v1/docs."""

from django.conf import settings
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import render
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.openapi.docs import DocsBase

from . import drafts, public
from .errors import ApiError, error_response, handle_api_error, problem
from .problems import translate
from .throttling import AnonymousRate, TokenRate
from .tokens import TokenAuth

DESCRIPTION = """
Records of the algorithmic tools councils and other public bodies use in decisions about people, following the
Algorithmic Transparency Recording Standard (ATRS).

**Published records** need no key. Records, versions and organisations keep their identifiers for good
(`public_id`, version `number`, organisation `slug`). Lists are paged with `next_cursor`, which names the last item
given by the keys the list is sorted on: following it never gives an item twice or skips one, however the register
changes meanwhile. The records list takes the same search (`q`) and filters as the register's search page. Anyone
may call these from a web page on another site (CORS). Requests without a token are limited in rate: past the limit
the answer is 429 with a `Retry-After` header saying how many seconds to wait.

**Drafts** need a token made by an organisation admin in the register (Your account, then API tokens), sent as
`Authorization: Bearer <token>`. A token works only on its own organisation's drafts, and only as its scopes allow.
Publishing is not possible through the API: an approver publishes in the register's web pages. Changes made
with a token are recorded as the token's; nobody knows who holds a token, so a draft last changed through one must
be submitted for review by a member in the register, and neither they nor the token's maker may publish it.

**Errors** are always `{"errors": [{"path", "location", "message"}]}`. For a record field, `path` is the field's
path, such as `risks.0.name`.

The data is published under the Open Government Licence v3.0.
"""


class Docs(DocsBase):
    """Swagger UI from the copy bundled with django-ninja, served as our own static files (no CDN)."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs):
        settings_json = {"url": self.get_openapi_url(api, kwargs), "layout": "BaseLayout", "deepLinking": True}
        return render(request, "api/docs.html", {"api": api, "swagger_settings": settings_json})


api = NinjaAPI(
    title=f"{settings.SITE_NAME} API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs=Docs(),
    docs_url="/docs",
    openapi_extra={"info": {"license": {"name": "Open Government Licence v3.0",
                                        "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/"
                                               "version/3/"}}},
)
api.add_router("", public.router, throttle=[AnonymousRate()])
api.add_router("", drafts.router, auth=TokenAuth(), throttle=[TokenRate()])


@api.exception_handler(ApiError)
def _api_error(request, exc: ApiError):
    return handle_api_error(request, exc)


@api.exception_handler(ValidationError)
def _validation_error(request, exc: ValidationError):
    return error_response(422, translate(request, exc.errors))


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    message = ("Send a valid token for your organisation as “Authorization: Bearer <token>”. The token may have "
               "been revoked, or the person who made it may have left the organisation.")
    return error_response(401, [problem("Authorization", "header", message)], {"WWW-Authenticate": "Bearer"})


@api.exception_handler(Throttled)
def _throttled(request, exc: Throttled):
    wait = f" Wait {int(exc.wait) + 1} seconds and try again." if getattr(exc, "wait", None) else ""
    return error_response(429, [problem("", "request", "Too many requests from your address." + wait)])


@api.exception_handler(Http404)
def _not_found(request, exc):
    return error_response(404, [problem("", "path", "Nothing was found at this address.")])


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    message = "Send the request body as JSON." if exc.status_code == 400 else str(exc)
    where = "body" if exc.status_code == 400 else "request"
    return error_response(exc.status_code, [problem("", where, message)])


def json_not_found(request, exception=None) -> JsonResponse:
    """For addresses under /api/ that match nothing."""
    return error_response(404, [problem("", "path", "Nothing was found at this address.")])
