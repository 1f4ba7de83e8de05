"""A data user reads the same shape of a record's content from the API (`content`) and from the JSON export
(`data`): withheld fields as {"withheld": true, "reason": ...} in both."""

import json

import pytest

from algoreg.records.models import Record
from algoreg.records.publishing import publish
from tests.factories import complete_data
from tests.transfer.helpers import export

pytestmark = pytest.mark.django_db


@pytest.fixture
def withholding(council) -> Record:
    data = {key: value for key, value in complete_data().items() if key != "system_architecture"}
    record = Record.objects.create(organisation=council)
    publish(record, {**data, "withheld": {"system_architecture": "It would help attackers."}}, "4.0",
            "First published.")
    return record


def test_the_api_content_and_the_json_export_data_are_equal(client, withholding, council):
    content = client.get(f"/api/v1/records/{withholding.public_id}").json()["content"]
    [exported] = json.loads(export("json", council))["records"]
    assert exported["data"] == content
    assert content["system_architecture"] == {"withheld": True, "reason": "It would help attackers."}
    assert "withheld" not in content
