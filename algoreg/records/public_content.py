"""The one public JSON shape of a record's content, shared by the API (`content`) and the JSON export (`data`), so a
data user reads the same shape from either; and the way back from that shape to content as stored, for imports."""

from django.conf import settings
from django.http import HttpRequest

from algoreg.standard.fields import FIELDS
from algoreg.standard.validation import WITHHELD, is_empty


def absolute(path: str, request: HttpRequest | None = None) -> str:
    """A full address: on the host the request was made to when there is one (API answers), otherwise on SITE_URL
    (files and messages made for later)."""
    return request.build_absolute_uri(path) if request is not None else settings.SITE_URL.rstrip("/") + path


def public_content(data: dict) -> dict:
    """Stored content with each withheld field shown as {"withheld": true, "reason": ...} in place of a value, in
    the order of the field definition (so content stored in any order, or imported, reads the same)."""
    withheld = data.get(WITHHELD) if isinstance(data.get(WITHHELD), dict) else {}
    result = {}
    for key in FIELDS:
        if key in withheld:
            result[key] = {"withheld": True, "reason": withheld[key]}
        elif not is_empty(data.get(key)):
            result[key] = data[key]
    return result


def is_withheld_marker(value) -> bool:
    return isinstance(value, dict) and value.get("withheld") is True and set(value) <= {"withheld", "reason"}


def stored_content(content: dict) -> dict:
    """Content as stored, from the public shape or from the stored shape itself (reasons under "withheld", as JSON
    exports made before the shapes were one still have it)."""
    markers = {key: value.get("reason") for key, value in content.items() if is_withheld_marker(value)}
    if not markers:
        return dict(content)
    data = {key: value for key, value in content.items() if key not in markers}
    earlier = data.get(WITHHELD)
    data[WITHHELD] = {**(earlier if isinstance(earlier, dict) else {}), **markers}
    return data
