"""Pydantic models of a record's content, built from the field definition in algoreg.standard.fields.

Nothing here lists a field: every key, type, label, hint and allowed value comes from the definition, so the API's
OpenAPI document describes exactly the fields the forms, validation and pages use.

- `content_out()` describes content in responses: every field of every version of the standard, each optional.
- `content_in(version)` describes content a token may write to a draft of that version: only that version's fields,
  with the same limits the editor's validation applies (lengths, allowed values, whole numbers, at most 50 entries),
  read from the field definition and algoreg.standard.validation so each rule is written once. The editor's checks
  then run on the tidied content as well (drafts.check).

A field the council cannot publish appears as {"withheld": true, "reason": "..."} in place of its value, in
responses and in requests alike.
"""

from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictInt, create_model

from algoreg.records.forms import MAX_ITEMS
from algoreg.standard.fields import FIELDS, FieldType, all_fields
from algoreg.standard.fields import Field as RecordField
from algoreg.standard.validation import URL_PATTERN, max_length

# Python's regular expressions, as the editor's validation uses, so a pattern means the same on both sides.
STRICT = ConfigDict(extra="forbid", strict=True, protected_namespaces=(), regex_engine="python-re")
LENIENT = ConfigDict(extra="forbid", protected_namespaces=())


# At least one character that is not a space or NUL: text is tidied as in the editor, and must not end up empty.
# The spaces are listed rather than written \s, which means different things in Python and in JSON Schema.
SPACES = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
SOMETHING = rf"[^{SPACES}\x00]"


def _whole(value):
    """JSON counts 12.0 as a whole number, and so do we; strings and true/false stay refused."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def whole_number(minimum: int, description: str = ""):
    return Annotated[StrictInt, Field(ge=minimum, description=description or None), BeforeValidator(_whole)]


class Withheld(BaseModel):
    """A field the council has not published, and why."""

    model_config = ConfigDict(extra="forbid", title="Withheld")
    withheld: Literal[True] = Field(description="Always true: the value is not published.")
    reason: str = Field(description="Why the council does not publish this field.")


class WithheldInput(Withheld):
    """Withhold a field: the council will not publish it, for the reason given."""

    model_config = ConfigDict(extra="forbid", strict=True, title="WithheldInput", regex_engine="python-re")
    reason: str = Field(pattern=SOMETHING, description="Why the council does not publish this field, in words.")


def _in_version(f: RecordField, version: str) -> str:
    key = f.atrs_key(version)
    if key == f.key:
        return version
    return f"{version} (as {key})" if key else f"{version} (within another field)"


def _versions_note(f: RecordField) -> str:
    if f.is_extension:
        return "An addition to the ATRS made by this register; records of every version may have it."
    return "ATRS versions that have it: " + ", ".join(_in_version(f, v) for v in f.versions) + "."


def _describe(f: RecordField) -> dict[str, Any]:
    text = f"{f.label}. {f.hint} {_versions_note(f)}"
    if f.choices:
        text += " Allowed values: " + "; ".join(f"`{value}` ({label})" for value, label in f.choices) + "."
    extra = {"x-section": f.section}
    if f.ref:
        extra["x-atrs-ref"] = f.ref
    return {"title": f.label, "description": text, "json_schema_extra": extra}


def _choice(f: RecordField):
    return Literal[tuple(value for value, _ in f.choices)]


# Web addresses may have letters beyond ASCII (https://example.gov.uk/café), so they are IRIs rather than URIs.
FORMATS = {FieldType.URL: "iri", FieldType.EMAIL: "email", FieldType.DATE: "date"}
# A date as the editor stores it: YYYY-MM-DD, nothing else (Python reads some other ISO forms too).
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _input_limits(f: RecordField) -> dict[str, Any]:
    """The editor's limits on a text value, as the JSON Schema keywords (maxLength, pattern) pydantic enforces."""
    if f.type == FieldType.DATE:
        return {"pattern": DATE_PATTERN}
    limits: dict[str, Any] = {"max_length": max_length(f)}
    if f.type == FieldType.URL:
        limits["pattern"] = URL_PATTERN
    elif f.pattern:
        limits["pattern"] = f"^(?:{f.pattern})?$"  # the whole value; empty means not given, as in the editor
    return limits


def _text(f: RecordField, for_input: bool):
    constraints = _input_limits(f) if for_input else {}
    if f.type not in FORMATS:
        return Annotated[str, Field(**constraints)] if constraints else str
    formatted = Annotated[str, Field(**constraints, json_schema_extra={"format": FORMATS[f.type]})]
    # An empty string means "no value", as an empty box does in the editor.
    return formatted | Annotated[str, Field(max_length=0)]


def _value_type(f: RecordField, version: str | None, for_input: bool):
    match f.type:
        case FieldType.NUMBER:
            return whole_number(0)
        case FieldType.CHOICE:
            return _choice(f)
        case FieldType.MULTI_CHOICE:
            return list[_choice(f)]
        case FieldType.GROUP:
            item = item_model(f.key, version, for_input)
            return Annotated[list[item], Field(max_length=MAX_ITEMS)] if for_input else list[item]
    return _text(f, for_input)


def _python_name(key: str) -> str:
    """Field keys are Python names already; the few that clash with pydantic's own attributes get a suffix."""
    return f"{key}_" if hasattr(BaseModel, key) else key


def _fields(fields, version: str | None, for_input: bool, top: bool, required: frozenset[str] = frozenset()):
    result = {}
    for f in fields:
        kind = _value_type(f, version, for_input)
        if top and f.withholdable:
            kind = kind | (WithheldInput if for_input else Withheld)
        if f.key in required:  # a new draft needs a name, with something more than spaces in it
            kind = Annotated[kind, Field(pattern=SOMETHING)]
            result[_python_name(f.key)] = (kind, Field(alias=f.key, **_describe(f)))
        else:
            result[_python_name(f.key)] = (kind | None, Field(None, alias=f.key, **_describe(f)))
    return result


def _model_suffix(version: str | None) -> str:
    return "V" + version.replace(".", "") if version else ""


@cache
def item_model(group_key: str, version: str | None, for_input: bool) -> type[BaseModel]:
    """One entry of a repeatable group (a risk, a model, a dataset...)."""
    group = FIELDS[group_key]
    parts = [sub for sub in group.fields if version is None or sub.applies_to(version)]
    name = "".join(word.title() for word in group.key.split("_")) + "Entry" + _model_suffix(version)
    model = create_model(
        name, __config__=STRICT if for_input else LENIENT, __doc__=f"One {group.item_name}.",
        **_fields(parts, version, for_input, top=False),
    )
    return model


@cache
def content_out() -> type[BaseModel]:
    """Record content as the API returns it: any field of any version of the standard."""
    return create_model(
        "RecordContent", __config__=LENIENT,
        __doc__="The record's fields, keyed by field key. Fields with no value are left out. Which fields a record "
                "can have depends on the version of the standard it was written to.",
        **_fields(FIELDS.values(), None, for_input=False, top=True),
    )


@cache
def content_in(version: str, creating: bool = False) -> type[BaseModel]:
    """Content a token may write to a draft written to `version` of the standard."""
    fields = [f for f in FIELDS.values() if f.applies_to(version)]
    name = ("NewDraftContent" if creating else "DraftContent") + _model_suffix(version)
    return create_model(
        name, __config__=STRICT,
        __doc__=f"Fields of a record written to version {version} of the standard. Give only the fields you are "
                "changing; null removes a value.",
        **_fields(fields, version, for_input=True, top=True, required=frozenset({"name"} if creating else ())),
    )


def field_paths() -> set[str]:
    """Every field key, including the fields of repeatable entries (for reading error locations)."""
    return {f.key for f in all_fields()}

