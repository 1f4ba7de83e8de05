"""Rate limits: API_ANON_RATE for requests without a token, API_TOKEN_RATE for each token.

The settings are read on every request, so they can be changed in tests. Counts are kept in Django's cache, which
is per process unless CACHES names a shared cache: with several workers each one counts separately.
"""

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle

from algoreg.client_address import client_address


class SettingRate(SimpleRateThrottle):
    setting = ""
    scope = ""

    def __init__(self):  # the rate is read from settings on each request, not once at start-up
        self.rate = None

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = getattr(settings, self.setting, None)
        if not self.rate:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_ident(self, request: HttpRequest) -> str:
        """The client's address: REMOTE_ADDR, or the address API_PROXY_COUNT proxies in front of us were given."""
        return client_address(request)


class AnonymousRate(SettingRate):
    setting = "API_ANON_RATE"
    scope = "anon"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        if getattr(request, "auth", None) is not None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenRate(SettingRate):
    setting = "API_TOKEN_RATE"
    scope = "token"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        token = getattr(request, "auth", None)
        if token is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": token.pk}
