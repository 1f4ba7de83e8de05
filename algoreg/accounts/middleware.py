import time

from django.conf import settings
from django.contrib.auth import logout

SIGNED_IN_AT = "accounts_signed_in_at"


class SessionLifetimeMiddleware:
    """Sign people out SESSION_MAX_HOURS after they signed in, however active they are (OWASP ASVS 5.0 V7.3.2).

    The idle timeout needs no code: SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST does it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and request.user.is_authenticated:
            started = session.get(SIGNED_IN_AT)
            if started is None:
                session[SIGNED_IN_AT] = int(time.time())
            elif time.time() - started > settings.SESSION_MAX_HOURS * 3600:
                logout(request)
        return self.get_response(request)
