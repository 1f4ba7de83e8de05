"""Opaque cursors for paging through lists: signed, so they cannot be forged or edited, and tied to the list and
the search they came from."""

import hashlib
import json

from django.core import signing

from .errors import ApiError

SALT = "algoreg.api.cursor"


def fingerprint(params: dict) -> str:
    """A short digest of the search parameters, so a cursor cannot be used with a different search."""
    text = json.dumps(params, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def encode(kind: str, position, params: dict | None = None) -> str:
    return signing.dumps({"k": kind, "p": position, "f": fingerprint(params or {})}, salt=SALT, compress=True)


def decode(cursor: str | None, kind: str, params: dict | None = None):
    """The position a cursor points at, or None for no cursor. A bad cursor is a 400 error."""
    if not cursor:
        return None
    try:
        value = signing.loads(cursor, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        value = None
    if not isinstance(value, dict) or value.get("k") != kind:
        raise ApiError.one(400, "This cursor is not one this list gave out. Leave it out to start from the first "
                                "page.", "cursor", "query")
    if value.get("f") != fingerprint(params or {}):
        raise ApiError.one(400, "This cursor belongs to a different search. Use the same search and filters as "
                                "the page it came from, or leave it out to start again.", "cursor", "query")
    return value.get("p")
