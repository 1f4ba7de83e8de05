"""What goes into and comes out of one spreadsheet cell.

A cell that starts with = + - @ tab, carriage return or NUL can be run as a formula when the file is opened in a
spreadsheet (OWASP ASVS 5.0 V1.2.10), so exports put an apostrophe in front of it. An apostrophe at the start is
escaped the same way, which makes the escape reversible: importing strips one leading apostrophe when what follows it
is one of those characters or another apostrophe, and leaves any other text alone.
"""

import re

from algoreg.standard.cleaning import displayable

DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\0")
ESCAPED_START = (*DANGEROUS, "'")
# Characters an XLSX file cannot hold at all (XML 1.0 forbids them). Tab, line feed and carriage return are allowed.
XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(value: str) -> str:
    """The text to write in a spreadsheet cell so that it can never start a formula."""
    return "'" + value if value.startswith(ESCAPED_START) else value


def unescape(value: str) -> str:
    """The text an exported cell held before `escape`."""
    if value.startswith("'") and value[1:].startswith(ESCAPED_START):
        return value[1:]
    return value


def looks_like_formula(raw: str) -> bool:
    """Whether a cell read from a file is a spreadsheet formula rather than text (it starts with '=')."""
    return raw.lstrip(" ").startswith("=")


def csv_text(value: str) -> str:
    """Text for a CSV cell: escaped against formulas, and without control characters or unclosed bidirectional
    formatting, which text stored before the register tidied it may still have (see standard.cleaning)."""
    return escape(displayable(value))


def xlsx_text(value: str) -> str:
    """Text an XLSX file can hold, escaped against formulas and tidied as in `csv_text`."""
    return csv_text(XLSX_ILLEGAL.sub("", value))
