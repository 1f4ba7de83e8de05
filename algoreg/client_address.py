"""The address of the client that sent a request, the same for API rate limits, sign-in lockouts and the audit log."""

import ipaddress

from django.conf import settings


def _is_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def client_address(request) -> str:
    """REMOTE_ADDR, or with API_PROXY_COUNT proxies in front of us the address the outermost of them was given.

    Each proxy appends the address it received the request from to X-Forwarded-For, so the client is the
    API_PROXY_COUNT-th entry from the right; anything to the left of it was written by the client and is not trusted.
    A value that is not an address (a broken proxy or a made-up header) counts as the proxy itself.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.API_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not proxies or not forwarded:
        return remote
    addresses = [entry.strip() for entry in forwarded.split(",")]
    candidate = addresses[-min(proxies, len(addresses))]
    return candidate if _is_address(candidate) else remote
