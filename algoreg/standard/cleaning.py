"""Tidying text on its way into a record: the editor, the API and imports all call this module, so the same text
is stored whichever way it arrives, and a record exported and imported again is unchanged.

Text that comes in:
- has its line ends made \\n (Windows \\r\\n and old Mac \\r alike);
- loses control characters other than tab and new line (BEL, ESC, vertical tab...), which show as nothing or as
  boxes, can ring or recolour a terminal reading an export, and are not allowed in XML feeds at all;
- loses explicit bidirectional formatting characters (such as U+202E, which shows the rest of the line reversed)
  that are not closed on the same line, and closing marks with nothing to close, so no text can turn what follows
  it around;
- loses spaces and blank lines at either end; text of a single-line field has its line breaks made spaces, as a
  single-line box in the editor would.

`displayable` is the part of this that pages and exports apply on the way out, to text stored before it was tidied
(published versions are never rewritten) and to text that comes from elsewhere, such as organisation names.
"""

from __future__ import annotations

import re

from .fields import FIELDS, Field, FieldType
from .validation import WITHHELD, is_empty

# C0 control characters and DEL, except tab and line feed (carriage returns are dealt with as line ends first).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# The same on the way out, where stored text may still have carriage returns.
CONTROL_ON_DISPLAY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LINE_ENDS = re.compile(r"\r\n?")
LINE_BREAKS = re.compile(r"\s*\n\s*")

# Explicit bidirectional formatting characters (Unicode Bidirectional Algorithm, UAX #9, section 2).
EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # left-to-right / right-to-left embedding and override
POP_EMBEDDING = "\u202c"
ISOLATES = "\u2066\u2067\u2068"  # left-to-right, right-to-left and first-strong isolate
POP_ISOLATE = "\u2069"
BIDI = re.compile(f"[{EMBEDDINGS}{POP_EMBEDDING}{ISOLATES}{POP_ISOLATE}]")
# Anything `displayable` might have to remove: one quick look lets tidy text (nearly all of it) through untouched.
UNTIDY = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f{EMBEDDINGS}{POP_EMBEDDING}{ISOLATES}{POP_ISOLATE}]")
# Characters that end a paragraph for the bidirectional algorithm, and with it every embedding and isolate.
PARAGRAPH_ENDS = "\n\r\x1c\x1d\x1e\x85\u2029"
SINGLE_LINE_TYPES = (FieldType.TEXT, FieldType.URL, FieldType.EMAIL)


def _unmatched_bidi(text: str) -> set[int]:
    """Positions of bidirectional formatting characters that open something never closed in their paragraph, or
    close something never opened. Follows UAX #9: a pop-isolate also ends the embeddings opened inside it (they
    count as unclosed), and a pop-embedding cannot close an embedding from outside the current isolate."""
    unmatched: set[int] = set()
    stack: list[tuple[int, str]] = []
    for position, character in enumerate(text):
        if character in EMBEDDINGS or character in ISOLATES:
            stack.append((position, character))
        elif character == POP_EMBEDDING:
            if stack and stack[-1][1] in EMBEDDINGS:
                stack.pop()
            else:
                unmatched.add(position)
        elif character == POP_ISOLATE:
            if any(opener in ISOLATES for _, opener in stack):
                while stack[-1][1] not in ISOLATES:
                    unmatched.add(stack.pop()[0])
                stack.pop()
            else:
                unmatched.add(position)
        elif character in PARAGRAPH_ENDS:
            unmatched.update(p for p, _ in stack)
            stack.clear()
    unmatched.update(p for p, _ in stack)
    return unmatched


def balanced_bidi(text: str) -> str:
    """The text without bidirectional formatting characters that are not closed in their own paragraph (or close
    nothing). Balanced pairs, and the plain marks such as U+200F, stay: right-to-left writing needs them."""
    if not BIDI.search(text):
        return text
    unmatched = _unmatched_bidi(text)
    return "".join(c for position, c in enumerate(text) if position not in unmatched)


def clean_text(text: str, multiline: bool = True) -> str:
    """Text as the register stores it (see the module's docstring)."""
    text = CONTROL.sub("", LINE_ENDS.sub("\n", text))
    text = balanced_bidi(text).strip()
    return text if multiline else LINE_BREAKS.sub(" ", text)


def displayable(text: str) -> str:
    """Text safe to show or export whatever was stored: no control characters but tab and line ends, and no
    unclosed bidirectional formatting. Leaves tidy text exactly as it is."""
    if not UNTIDY.search(text):
        return text
    return balanced_bidi(CONTROL_ON_DISPLAY.sub("", text))


def is_multiline(f: Field | None) -> bool:
    return f is None or f.type not in SINGLE_LINE_TYPES


def clean_value(f: Field | None, value):
    """A field's value as stored: its text tidied, and the empty parts and entries of a repeatable group left out.
    `f` is None for a key that is not a field (an import reports it; its text is tidied all the same)."""
    if isinstance(value, str):
        return clean_text(value, multiline=is_multiline(f))
    if isinstance(value, list):
        if f is not None and f.is_group:
            return [entry for entry in (clean_item(f, item) for item in value) if not is_empty(entry)]
        return [v for v in (clean_value(None, v) for v in value) if not is_empty(v)]
    if isinstance(value, dict) and (f is None or not f.is_group):
        return {k: v for k, v in ((k, clean_value(None, v)) for k, v in value.items()) if not is_empty(v)}
    return value


def clean_item(group: Field, item):
    """One entry of a repeatable group, each part tidied as its own field, empty parts left out."""
    if not isinstance(item, dict):
        return item  # not an entry at all: validation says so
    parts = {sub.key: sub for sub in group.fields}
    cleaned = {key: clean_value(parts.get(key), value) for key, value in item.items()}
    return {key: value for key, value in cleaned.items() if not is_empty(value)}


def clean_content(data: dict) -> dict:
    """A record's content as stored: every field's value tidied (see clean_value), the reasons for withholding
    fields tidied as multi-line text, and fields left empty by the tidying left out."""
    result = {}
    for key, value in data.items():
        f = None if key == WITHHELD else FIELDS.get(key)
        cleaned = clean_value(f, value)
        if not is_empty(cleaned):
            result[key] = cleaned
    return result
