"""Headers for the public API: open to web pages on any site (CORS) and cacheable for a minute. Drafts, which need
a token, get neither, so a browser never sends a page's visitors' requests for them to us from another site."""

from django.conf import settings
from django.utils.cache import patch_cache_control

from .api import json_not_found

API = "/api/v1/"
PRIVATE = ("/api/v1/drafts",)


class PublicApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(API):
            return response
        if response.status_code == 404 and not response.get("Content-Type", "").startswith("application/json"):
            response = json_not_found(request)
        if request.path.startswith(PRIVATE):
            patch_cache_control(response, private=True, no_store=True)
        elif request.method in ("GET", "HEAD"):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = "Retry-After"
            if response.status_code == 200:
                patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        return response
