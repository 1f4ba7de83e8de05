"""Hypothesis strategies for record content, built from the field definition: one strategy per field type.

Text is generated as the register keeps it (trimmed, Unix line ends, no control characters), and often starts with a
character that a spreadsheet would read as a formula, so the escaping is always exercised.
"""

from datetime import UTC, date, datetime, timedelta

from hypothesis import strategies as st

from algoreg.standard.cleaning import clean_text
from algoreg.standard.fields import Field, FieldType, sections_for
from algoreg.standard.validation import WITHHELD

CHARACTERS = st.characters(categories=("L", "M", "N", "P", "S", "Zs"))
RISKY_STARTS = st.sampled_from(["", "", "=", "+", "-", "@", "'", "''=", "=SUM(A1:A9)", "-1", "\"quoted\" ", "; "])


def _text(max_size: int, lines: bool) -> st.SearchStrategy[str]:
    alphabet = st.one_of(CHARACTERS, st.just("\n")) if lines else CHARACTERS
    body = st.text(alphabet, min_size=1, max_size=max_size)
    return st.builds(lambda start, rest: clean_text(start + rest), RISKY_STARTS, body).filter(bool)


def _url() -> st.SearchStrategy[str]:
    host = st.from_regex(r"[a-z]{1,12}", fullmatch=True)
    path = st.from_regex(r"[a-z0-9-]{0,12}", fullmatch=True)
    return st.builds(lambda h, p: f"https://www.{h}.example/{p}", host, path)


def _email() -> st.SearchStrategy[str]:
    part = st.from_regex(r"[a-z]{1,10}", fullmatch=True)
    return st.builds(lambda local, host: f"{local}@{host}.example", part, part)


BY_TYPE = {
    FieldType.TEXT: lambda f: _text(40, lines=False),
    FieldType.LONG_TEXT: lambda f: _text(120, lines=True),
    FieldType.URL: lambda f: _url(),
    FieldType.EMAIL: lambda f: _email(),
    FieldType.DATE: lambda f: st.dates(date(1990, 1, 1), date(2100, 12, 31)).map(date.isoformat),
    FieldType.NUMBER: lambda f: st.integers(0, 10**9),
    FieldType.CHOICE: lambda f: st.sampled_from([value for value, _ in f.choices]),
    FieldType.MULTI_CHOICE: lambda f: st.lists(st.sampled_from([value for value, _ in f.choices]), min_size=1,
                                               max_size=3, unique=True),
}


def value_for(f: Field, version: str) -> st.SearchStrategy:
    if f.pattern:
        return st.from_regex(f.pattern, fullmatch=True)
    if f.type == FieldType.GROUP:
        subs = {sub.key: value_for(sub, version) for sub in f.fields if sub.applies_to(version)}
        item = st.fixed_dictionaries({}, optional=subs).filter(bool)
        return st.lists(item, min_size=1, max_size=3)
    return BY_TYPE[f.type](f)


@st.composite
def record_content(draw, version: str | None = None) -> tuple[str, dict]:
    """(standard version, content) of a record, any fields filled in, some withheld."""
    version = version or draw(st.sampled_from(["4.0", "4.0", "3.0", "2.1", "1.1"]))
    fields = [f for s in sections_for(version) for f in s.fields if f.key != "name"]
    chosen = draw(st.lists(st.sampled_from(fields), max_size=8, unique_by=lambda f: f.key))
    data = {"name": draw(_text(40, lines=False))}
    for f in chosen:
        data[f.key] = draw(value_for(f, version))
    withholdable = [f.key for f in fields if f.withholdable]
    withheld = draw(st.lists(st.sampled_from(withholdable), max_size=2, unique=True))
    if withheld:
        data[WITHHELD] = {key: draw(_text(40, lines=True)) for key in withheld}
    return version, data


@st.composite
def records(draw, max_records: int = 3) -> list[dict]:
    """A few records as the register would publish them: kind, version, content, when and why."""
    result = []
    for number in range(draw(st.integers(1, max_records))):
        version, data = draw(record_content())
        summary = draw(st.booleans()) and number % 2 == 1
        first = datetime(2024, 1, 1, 9, 0, tzinfo=UTC) + timedelta(days=draw(st.integers(0, 900)))
        result.append({
            "kind": "summary" if summary else "full",
            "source_url": draw(_url()) if summary else "",
            "version": version,
            "data": data,
            "published_at": first,
            "change_note": draw(_text(60, lines=True)),
        })
    return result
