"""NUL characters (U+0000) in addresses and form values.

PostgreSQL cannot hold NUL in text, not even to look something up, and answers with an error where SQLite finds
nothing; nobody types one on purpose. So an address with NUL in it is a page that does not exist, and NUL is dropped
from query and form values before any view reads them, and from request headers (which the sign-in lockout stores)
before anything else sees them: one place for every page and the API, on both databases. gunicorn refuses headers
with NUL itself; other servers pass them on.
"""

from django.http import Http404, QueryDict

NUL = "\x00"


def _has_nul(values: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in items) for key, items in values.lists())


def _without_nul(values: QueryDict) -> QueryDict:
    if not _has_nul(values):
        return values
    cleaned = QueryDict(mutable=True, encoding=values.encoding)
    for key, items in values.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in items])
    cleaned._mutable = False
    return cleaned


class NulCharacterMiddleware:
    """Works in process_view, just before the view, so the answer passes through every other middleware whatever
    its place in MIDDLEWARE: the 404 page shows who is signed in, and addresses under /api/ get the API's JSON."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _drop_nul_from_headers(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if NUL in request.path_info:
            raise Http404("The address has a NUL character in it.")
        request.GET = _without_nul(request.GET)
        if request.method == "POST":
            _clean_form_when_read(request)
        return None


def _clean_form_when_read(request) -> None:
    """Drop NUL from the form once Django reads it, not here: a file upload's form is read from the stream, and
    reading it early would stop the view from reading the body itself or refusing an upload before reading it."""
    if hasattr(request, "_post"):  # already read, by Django's CSRF check
        request.POST = _without_nul(request.POST)
        return
    read_form = request._load_post_and_files

    def read_and_clean():
        read_form()
        request._post = _without_nul(request._post)

    request._load_post_and_files = read_and_clean


def _drop_nul_from_headers(request) -> None:
    meta = request.META
    for key, value in meta.items():
        if (key.startswith("HTTP_") or key == "REMOTE_ADDR") and isinstance(value, str) and NUL in value:
            meta[key] = value.replace(NUL, "")
