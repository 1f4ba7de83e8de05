"""Text with everything the register tidies on the way in, and what it becomes, for the tests of every way in.

BEL (\\x07), ESC (\\x1b) and VT (\\x0b) are control characters; U+202E (right-to-left override) is never closed, so
it would show the rest of its line reversed; the ends have spaces and Windows line ends.
"""

# A single-line field: its line break becomes a space.
SINGLE_LINE = "  Repairs\x07 triage\x1b\r\nteam \u202eA  "
SINGLE_LINE_TIDY = "Repairs triage team A"

# A multi-line field: line breaks stay, as \n; only the ends of the whole text lose their spaces.
MULTI_LINE = "\r\n  First line\x07 \r\nsecond\x0b line\r\n\r\n\u202eNew paragraph\t \r\n"
MULTI_LINE_TIDY = "First line \nsecond line\n\nNew paragraph"

# Right-to-left writing with its marks closed is kept exactly: Arabic and Hebrew need it.
BALANCED = "\u2067\u0645\u0631\u062d\u0628\u0627\u2069 and \u202b\u05e9\u05dc\u05d5\u05dd\u202c"
