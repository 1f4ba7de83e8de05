"""Checks a record's content against the field definition.

Content is a dict keyed by field key. Repeatable groups hold a list of dicts. Multiple choices hold a list of
values, dates an ISO date string (YYYY-MM-DD) and numbers an int. `withheld` maps a field key to the reason the
council cannot publish that field.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from .fields import Field, FieldType, sections_for

WITHHELD = "withheld"
MAX_TEXT = 300
MAX_LONG_TEXT = 20000
# The web addresses the API's documentation promises to take, as a JSON Schema pattern. A pattern cannot say all that
# the editor's check (Django's URLValidator, in _url_error) does, so it allows a little less: http or https, a host
# name of up to five parts and a top-level domain in letters (239 characters at most: the check allows 253), an
# optional port, then a path, query and fragment of the characters IRIs allow (letters beyond ASCII included; control
# characters and spaces, which the check refuses, not). Every address it allows, the check accepts.
_IRI_CHARACTER = (r"(?:%[0-9A-Fa-f]{2}|[A-Za-z0-9\-._~!$&'()*+,;=:@/"
                  r"\u00a1-\u167f\u1681-\u1fff\u200b-\u2027\u202a-\u202e\u2030-\u205e\u2060-\u2fff\u3001-\ud7ff])")
URL_PATTERN = (r"^https?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,40}[A-Za-z0-9])?\.){1,5}[A-Za-z]{2,24}(?::[0-9]{1,5})?"
               rf"(?:/{_IRI_CHARACTER}*)?(?:\?(?:{_IRI_CHARACTER}|\?)*)?(?:#(?:{_IRI_CHARACTER}|\?)*)?$")


def is_empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def missing_message(f: Field) -> str:
    if f.missing:
        return f.missing
    label = f.label[0].lower() + f.label[1:]
    if f.type == FieldType.GROUP:
        return f"Add at least one {f.item_name}"
    if f.type == FieldType.MULTI_CHOICE:
        return f"Select at least one {label}"
    if f.type == FieldType.CHOICE:
        return f"Select {label}"
    return f"Enter {label}"


def max_length(f: Field) -> int:
    """The most characters a value of this field may have (for text of every kind: web and email addresses too)."""
    return MAX_LONG_TEXT if f.type == FieldType.LONG_TEXT else MAX_TEXT


def _text_error(f: Field, value) -> str | None:
    if not isinstance(value, str):
        return f"{f.label} must be text"
    limit = max_length(f)
    if len(value) > limit:
        return f"{f.label} must be {limit:,} characters or fewer"
    if f.pattern and not re.fullmatch(f.pattern, value):
        return f.pattern_message
    return None


def _url_error(f: Field, value) -> str | None:
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return f"Enter a full web address for {f.label.lower()}, starting with https://"
    return _text_error(f, value)


def _email_error(f: Field, value) -> str | None:
    try:
        EmailValidator()(value)
    except ValidationError:
        return "Enter an email address in the correct format, like name@example.gov.uk"
    return _text_error(f, value)


def _date_error(f: Field, value) -> str | None:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return f"{f.label} must be a real date"
    return None


def _number_error(f: Field, value) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return f"{f.label} must be a whole number, 0 or more"
    return None


def _choice_error(f: Field, value) -> str | None:
    if not isinstance(value, str) or value not in dict(f.choices):
        return f"Select one of the options for {f.label.lower()}"
    return None


def _multi_choice_error(f: Field, value) -> str | None:
    if not isinstance(value, list) or any(not isinstance(v, str) or v not in dict(f.choices) for v in value):
        return f"Select only options from the list for {f.label.lower()}"
    return None


def _group_error(f: Field, value) -> str | None:
    if not (isinstance(value, list) and all(isinstance(item, dict) for item in value)):
        return f"{f.label} must be a list of entries"
    return None


CHECKS = {
    FieldType.TEXT: _text_error,
    FieldType.LONG_TEXT: _text_error,
    FieldType.URL: _url_error,
    FieldType.EMAIL: _email_error,
    FieldType.DATE: _date_error,
    FieldType.NUMBER: _number_error,
    FieldType.CHOICE: _choice_error,
    FieldType.MULTI_CHOICE: _multi_choice_error,
    FieldType.GROUP: _group_error,
}


def value_error(f: Field, value) -> str | None:
    """What is wrong with a non-empty value of this field, or None if it is fine."""
    return CHECKS[f.type](f, value)


def is_required(f: Field, data: dict) -> bool:
    if f.required_if:
        other, expected = f.required_if
        return data.get(other) == expected
    return f.required


def validate(data: dict, version: str, for_publication: bool = True) -> dict[str, str]:
    """Problems with the content, keyed by field path such as `risks.0.name`. Empty means it is fine.

    Drafts may be incomplete, so required fields are only enforced `for_publication`.
    """
    errors: dict[str, str] = unknown_keys(data, version)
    withheld = data.get(WITHHELD)
    withheld = withheld if isinstance(withheld, dict) else {}  # unknown_keys has said what is wrong with it
    for section in sections_for(version):
        for f in section.fields:
            value = data.get(f.key)
            if f.key in withheld:
                if not f.withholdable:
                    errors[f.key] = f"{f.label} must be published; it cannot be withheld"
                elif is_empty(withheld[f.key]):
                    errors[f.key] = f"Give the reason {f.label.lower()} is withheld"
                continue
            if is_empty(value):
                if for_publication and is_required(f, data):
                    errors[f.key] = missing_message(f)
                continue
            problem = value_error(f, value)
            if problem:
                errors[f.key] = problem
            elif f.is_group:
                errors.update(validate_items(f, value, version, for_publication))
    return errors


def unknown_keys(data: dict, version: str) -> dict[str, str]:
    """Keys that are not fields of a record written to `version`, such as typing mistakes in an import."""
    known = {f.key for s in sections_for(version) for f in s.fields} | {WITHHELD}
    errors = {key: f"“{key}” is not a field of records written to version {version} of the standard"
              for key in data if key not in known}
    withheld = data.get(WITHHELD)
    if withheld is not None and not (isinstance(withheld, dict) and all(isinstance(v, str) for v in withheld.values())):
        errors[WITHHELD] = "Withheld fields must each have a reason in words"
    elif withheld:
        errors.update({key: f"“{key}” is withheld but is not a field of this record"
                       for key in withheld if key not in known})
    return errors


def validate_items(group: Field, items: list[dict], version: str, for_publication: bool) -> dict[str, str]:
    errors: dict[str, str] = {}
    fields = [f for f in group.fields if f.applies_to(version)]
    known = {f.key for f in fields}
    for index, item in enumerate(items):
        errors.update({f"{group.key}.{index}.{key}": f"“{key}” is not part of {group.item_with_article}"
                       for key in item if key not in known})
        for f in fields:
            path = f"{group.key}.{index}.{f.key}"
            value = item.get(f.key)
            if is_empty(value):
                if for_publication and f.required:
                    errors[path] = f"{missing_message(f)} for {group.item_name} {index + 1}"
                continue
            problem = value_error(f, value)
            if problem:
                errors[path] = f"{problem} ({group.item_name} {index + 1})"
    return errors

