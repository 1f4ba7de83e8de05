"""Property: whatever is uploaded, the import either refuses it with a message or reports on it; it never fails."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from algoreg.transfer.importing import Target, dry_run
from algoreg.transfer.layout import META_COLUMNS, Shape, own_header
from algoreg.transfer.readers import Refused

pytestmark = pytest.mark.django_db

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
COLUMNS = st.sampled_from([*own_header(Shape({"risks": 2})), *META_COLUMNS, "risks.0.name", "risks.x.name",
                           "withheld.name", "model_name.3", "impact_assessment", "colour", "", "id"])
CELLS = st.one_of(st.text(max_size=30), st.sampled_from(["=1+1", "'=x", "2025-13-45", "yes", "Production", "-1",
                                                         "1,200", "[]", "{}", '"', "\r\n", "\x00"]))


def attempt(raw: bytes, organisation) -> None:
    try:
        plan = dry_run(raw, Target(organisation=organisation, filename="fuzz"))
    except Refused as refused:
        assert str(refused)
        return
    assert plan.ok or plan.problems or any(row.problems for row in plan.rows)


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes(council, raw):
    attempt(raw, council)


@st.composite
def spreadsheets(draw) -> bytes:
    header = draw(st.lists(COLUMNS, min_size=1, max_size=8))
    rows = draw(st.lists(st.lists(CELLS, max_size=len(header) + 1), max_size=4))
    delimiter = draw(st.sampled_from([",", ";"]))
    quote = lambda cell: '"' + cell.replace('"', '""') + '"'  # noqa: E731
    lines = [delimiter.join(map(quote, header))] + [delimiter.join(map(quote, row)) for row in rows]
    return "\r\n".join(lines).encode(draw(st.sampled_from(["utf-8", "utf-8-sig"])))


@SETTINGS
@given(spreadsheets())
def test_any_spreadsheet_with_our_columns(council, raw):
    attempt(raw, council)


@SETTINGS
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                  max_size=3), max_leaves=12))
def test_any_json(council, document):
    import json

    attempt(json.dumps({"records": [document, {"data": document}]}).encode(), council)
