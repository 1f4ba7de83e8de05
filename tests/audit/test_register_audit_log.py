import pytest

from algoreg.audit.log import log
from algoreg.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
URL = "/manage/register/audit/"


def test_register_admins_see_every_organisation_s_events(client, register_admin, editor, outsider, council,
                                                        other_council):
    log(AuditEvent.Action.DRAFT_SAVED, actor=editor, organisation=council, detail="At Example Borough")
    log(AuditEvent.Action.PUBLISHED, actor=outsider, organisation=other_council, detail="At Sampleshire")
    log(AuditEvent.Action.SIGN_IN_FAILED, detail="Not tied to anyone")
    client.force_login(register_admin)
    page = client.get(URL).content.decode()
    for text in ("At Example Borough", "At Sampleshire", "Not tied to anyone", council.name, other_council.name):
        assert text in page


@pytest.mark.parametrize("persona", ["editor", "approver", "org_admin", "outsider"])
def test_nobody_else_may_read_it(client, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    assert client.get(URL)["Location"] == f"/account/sign-in/?next={URL}"
