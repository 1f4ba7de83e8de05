"""Turning pydantic's complaints about a request into our errors, in the editor's words where it has some.

pydantic reports a location such as ("body", "payload", "4.0", "content", "risks", "list[RisksEntryV40]", 0, "name"):
where in the request, the view's parameter, the kind chosen in a union, and then the path. We report
{"path": "risks.0.name", "location": "content", ...}, one problem per path.
"""

import json

from algoreg.records.forms import MAX_ITEMS
from algoreg.standard.fields import FIELDS, Field
from algoreg.standard.validation import WITHHELD, missing_message, validate, value_error
from algoreg.standard.vocabularies import CURRENT_STANDARD_VERSION, STANDARD_VERSIONS

from .errors import problem

LOCATIONS = {"body": "body", "query": "query", "path": "path", "header": "header", "cookie": "request"}
# Names of the views' parameters that group several query parameters or hold the body.
CONTAINERS = {"filters", "payload"}
BODY_MESSAGES = {
    "revision": "Give the draft's revision as a whole number: the `revision` of the draft as you last read it",
    "standard_version": "Give the draft's version of the standard as `standard_version`: one of "
                        + ", ".join(STANDARD_VERSIONS),
    "content": "Give the fields as an object, keyed by field key",
}
UNION_TAG_ERRORS = {"union_tag_invalid", "union_tag_not_found"}


def _is_kind(part) -> bool:
    """pydantic's name for one kind in a union, such as 'constrained-str', 'Withheld' or 'list[RisksEntryV40]'."""
    return isinstance(part, str) and (part[:1].isupper() or "[" in part or part in {"constrained-str", "str", "int"}
                                      or part in STANDARD_VERSIONS)


def _is_withheld(value) -> bool:
    return isinstance(value, dict) and "withheld" in value


def _field_at(path: list) -> Field | None:
    if not path or path[0] not in FIELDS:
        return None
    f = FIELDS[path[0]]
    if len(path) == 1:
        return f
    if len(path) == 3 and f.is_group:
        return next((sub for sub in f.fields if sub.key == path[2]), None)
    return None


class Request:
    """What was sent, read again to word the problems."""

    def __init__(self, request):
        try:
            body = json.loads(request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            body = None
        self.body = body if isinstance(body, dict) else {}
        content = self.body.get("content")
        self.content = content if isinstance(content, dict) else {}
        version = self.body.get("standard_version")
        self.version = version if version in STANDARD_VERSIONS else CURRENT_STANDARD_VERSION
        self._editor: dict[str, str] | None = None

    @property
    def editor(self) -> dict[str, str]:
        """What the editor's validation says about the content sent, keyed by field path."""
        if self._editor is None:
            data = {k: v for k, v in self.content.items() if not _is_withheld(v)}
            withheld = {k: v.get("reason") or "" for k, v in self.content.items() if _is_withheld(v)}
            if withheld:
                data[WITHHELD] = withheld
            try:
                self._editor = validate(data, self.version, for_publication=False)
            except Exception:
                self._editor = {}
        return self._editor


def _content_message(error: dict, path: list, sent: Request) -> str:
    for n in range(len(path), 0, -1):
        message = sent.editor.get(".".join(str(p) for p in path[:n]))
        if message:
            return message
    f = _field_at(path)
    kind = error.get("type", "")
    if kind == "extra_forbidden":
        if len(path) == 3:
            return f"“{path[-1]}” is not part of {FIELDS[path[0]].item_with_article}"
        return f"“{path[-1]}” is not a field of records written to version {sent.version} of the standard"
    if f is None:
        return error.get("msg", "This is not valid")
    if kind in ("missing", "string_pattern_mismatch") and f.key == "name":
        return missing_message(f)
    if kind == "too_long" and f.is_group:
        return f"{f.label} can have at most {MAX_ITEMS} entries"
    if _is_withheld(error.get("input")) or (len(path) == 1 and _is_withheld(sent.content.get(f.key))):
        return f"Give the reason {f.label.lower()} is withheld, in words"
    return value_error(f, error.get("input")) or error.get("msg", "This is not valid")


def _plain_message(where: str, name: str, error: dict) -> str:
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if where == "body" and name in BODY_MESSAGES:
        return BODY_MESSAGES[name]
    if not name:
        return "Send a JSON object in the request body" if where == "body" else error.get("msg", "Not valid")
    messages = {
        "int_parsing": f"{name} must be a whole number",
        "int_type": f"{name} must be a whole number",
        "greater_than_equal": f"{name} must be {ctx.get('ge')} or more",
        "less_than_equal": f"{name} must be {ctx.get('le')} or less",
        "string_too_long": f"{name} must be {ctx.get('max_length', 0):,} characters or fewer",
        "literal_error": f"“{error.get('input')}” is not a value of {name}: use {ctx.get('expected')}",
        "bool_parsing": f"{name} must be true or false",
        "missing": f"Give {name}",
    }
    return messages.get(kind, f"{name}: {error.get('msg', 'not valid')}")


def _content_problem(error: dict, parts: list, sent: Request) -> dict | None:
    """The problem for an error inside `content`, or None when it belongs to a kind the value was not meant as
    (a value or a withheld field: pydantic complains about both)."""
    top = parts[0] if parts else None
    through_withheld = "WithheldInput" in parts
    two_kinds = isinstance(top, str) and top in FIELDS and FIELDS[top].withholdable and top in sent.content
    if two_kinds and through_withheld != _is_withheld(sent.content[top]):
        return None
    path = [p for p in parts if not _is_kind(p)]
    if through_withheld:
        path = path[:1]
    return problem(".".join(str(p) for p in path), "content", _content_message(error, path, sent))


def translate(request, errors: list[dict]) -> list[dict]:
    """Our problems for pydantic's errors, one for each path."""
    sent = Request(request)
    found: dict[tuple, dict] = {}
    for error in errors:
        loc = list(error.get("loc") or [])
        where = LOCATIONS.get(str(loc[0]), "request") if loc else "request"
        parts = [p for p in loc[1:] if p not in CONTAINERS]
        if where == "body" and error.get("type") in UNION_TAG_ERRORS:
            parts = ["standard_version"]
        plain = [p for p in parts if not _is_kind(p)]
        if where == "body" and plain[:1] == ["content"] and len(plain) > 1:
            found_problem = _content_problem(error, parts[parts.index("content") + 1:], sent)
        else:
            name = ".".join(str(p) for p in plain if not isinstance(p, int))
            if where == "query" and "input" not in error:  # django-ninja leaves the value out: find it
                index = next((p for p in plain if isinstance(p, int)), 0)
                values = request.GET.getlist(name)
                error = {**error, "input": values[index] if index < len(values) else ""}
            found_problem = problem(name, where, _plain_message(where, name, error))
        if found_problem is not None:
            found.setdefault((found_problem["location"], found_problem["path"]), found_problem)
    if sent.content:
        _add_editor_problems(found, sent)
    return list(found.values()) or [problem("", "request", "This request is not valid")]


def _add_editor_problems(found: dict[tuple, dict], sent: Request) -> None:
    """Problems the editor's checks find that pydantic did not, so one answer lists everything to put right."""
    paths = [path for where, path in found if where == "content"]
    for path, message in sent.editor.items():
        related = any(p == path or p.startswith(path + ".") or path.startswith(p + ".") for p in paths)
        if path != WITHHELD and not related:
            found[("content", path)] = problem(path, "content", message)
