from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for every sign-in through a web page (those always pass the request).

    authenticate() calls without a request (Django's test client's login(), management commands) are not sign-ins
    from the web, so they are let through to the next backend rather than raising an error.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
