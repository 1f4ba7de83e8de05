"""JSON exports made before the export took the API's shape keep withheld reasons under "withheld" in `data`; they
still import, to the same content as the public shape."""

import json

import pytest

from algoreg.records.models import RecordDraft
from tests.factories import complete_data
from tests.transfer.helpers import export, import_file, publish_records

pytestmark = pytest.mark.django_db

WITHHELD = {"system_architecture": "It would help attackers."}


@pytest.fixture
def stored_shape_export(council) -> bytes:
    data = {key: value for key, value in complete_data().items() if key not in WITHHELD}
    [record] = publish_records(council, [{"data": {**data, "withheld": WITHHELD}}])
    document = json.loads(export("json", council))
    document["records"][0]["data"] = record.current_version.data
    return json.dumps(document).encode()


def test_an_export_in_the_stored_shape_imports_with_its_withheld_reasons(stored_shape_export, other_council):
    plan = import_file(stored_shape_export, other_council, filename="export.json")
    assert plan.ok and plan.count("create") == 1
    assert RecordDraft.objects.get(record__organisation=other_council).data["withheld"] == WITHHELD
