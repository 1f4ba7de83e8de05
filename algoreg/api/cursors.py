"""Keyset cursors for paging through the API's lists.

A cursor names the last item of the page it came with by the keys the list is sorted on, and the next page starts
just after that. So a record published, changed or removed between two pages cannot make a walk give another record
twice or skip one that was there all along, as counting from the start would. Each list's cursor has a published
form (declared in the OpenAPI document); any value of that form is a place in the list, and anything else is
refused with 400.
"""

import re
from dataclasses import dataclass

from ninja import Field

from algoreg.search.engine import Position

from .errors import ApiError

NUMBER = "([0-9]{1,18})"  # fits a 64-bit integer


@dataclass(frozen=True)
class CursorForm:
    pattern: str | None  # a JSON Schema pattern (ECMA 262), matched here with Python's re: the two agree on these
    max_length: int
    description: str

    def field(self):
        """The `cursor` query parameter, with its form in the OpenAPI document. The form is checked by `read` and
        not by pydantic, so a cursor of the wrong form is a 400 like any other bad cursor, not a 422."""
        form = {"maxLength": self.max_length} | ({"pattern": self.pattern} if self.pattern else {})
        return Field("", description=f"{self.description} A cursor of any other form is refused with 400.",
                     json_schema_extra=form)

    def read(self, cursor: str) -> re.Match | None:
        """The parts of a cursor, or None for none (the first page). A cursor of another form is a 400 error."""
        if not cursor:
            return None
        found = re.match(self.pattern or "", cursor, re.DOTALL) if len(cursor) <= self.max_length else None
        if found is None:
            raise ApiError.one(400, "This cursor is not in the form this list gives out. Send back the "
                                    "`next_cursor` of the page before as it came, or leave `cursor` out to start "
                                    "from the first page.", "cursor", "query")
        return found


NAME_LENGTH = 300  # search.models.SearchDocument.sort_name
RECORDS = CursorForm(
    pattern=rf"^$|^{NUMBER}\.{NUMBER}\.{NUMBER}\.{NUMBER}\.",  # empty: the first page
    max_length=4 * 19 + NAME_LENGTH,
    description=(
        "The `next_cursor` of the page before; leave out for the first page. It is "
        "`began.score.published.id.name`: when your walk through the list began, then the sort key of the last "
        "record given (its relevance score, when it was published in microseconds since 1970, its number and, "
        "when sorting by name, its name). The next page starts just after that record, so a walk never gives a "
        "record twice, and records published while you walk come at the start of your next walk."),
)
DRAFTS = CursorForm(
    pattern=rf"^{NUMBER}?$",
    max_length=18,
    description=("The `next_cursor` of the page before; leave out for the first page. It is the number of the "
                 "last record given: drafts are in the order their records were started, and the next page starts "
                 "just after it."),
)
ORGANISATIONS = CursorForm(
    pattern=None,  # any name: NUL, which the database would refuse, is dropped from every query before this
    max_length=200,  # organisations.models.Organisation.name
    description=("The `next_cursor` of the page before; leave out for the first page. It is the name of the last "
                 "organisation given: the next page starts just after it in name order."),
)


def read_records(cursor: str) -> Position | None:
    found = RECORDS.read(cursor)
    if found is None:
        return None
    began, score, published, record_id = (int(part) for part in found.groups())
    return Position(began, score, published, record_id, cursor[found.end():])


def records_cursor(position: Position | None) -> str | None:
    if position is None:
        return None
    return f"{position.began}.{position.score}.{position.published}.{position.record_id}.{position.name}"


def read_draft(cursor: str) -> int | None:
    found = DRAFTS.read(cursor)
    return None if found is None else int(found.group(1))


def read_organisation(cursor: str) -> str | None:
    found = ORGANISATIONS.read(cursor)
    return None if found is None else cursor
