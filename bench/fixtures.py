"""What the page benchmark needs on top of the generated register, added once to each benchmark database.

    DATABASE_URL=... .venv/bin/python bench/fixtures.py

- Bench Large Borough Council (bench-large): one in every 100 generated records (1,000 at 100,000 records), for an
  organisation's page, feed and downloads.
- Bench Busy Council (bench-busy): one in every 20 generated records (5,000 at 100,000) and 500 drafts, with an
  editor and an approver, for the dashboard, the approver's queue and the import report. Of the drafts, 250 change a
  published record and 250 are new records never published; 100 of each kind wait for review, and every fifth new
  one is only half written.
- One of Bench Busy's records has 12 published versions, for the history, version and compare pages.

The two councils' records are generated records moved to them (and re-indexed), not new ones, so the register still
holds exactly as many published records as generate_records made. Everything is chosen the same way each time, and
only if it is not there already, so every database gets the same data and the benchmark can be run again and again.
"""

import os
import random
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "algoreg.settings")

import django

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from algoreg.accounts.models import Membership, User  # noqa: E402
from algoreg.organisations.models import Organisation  # noqa: E402
from algoreg.records.models import Record, RecordDraft, RecordVersion  # noqa: E402
from algoreg.records.publishing import publish  # noqa: E402
from algoreg.search import synthetic  # noqa: E402
from algoreg.search.indexing import index_records  # noqa: E402
from algoreg.standard.fields import sections_for  # noqa: E402

# Which generated records each council gets: those whose place in primary key order leaves this remainder.
LARGE = {"slug": "bench-large", "name": "Bench Large Borough Council", "every": 100, "remainder": 7}
BUSY = {"slug": "bench-busy", "name": "Bench Busy Council", "every": 20, "remainder": 0}
MOVE_BATCH = 500
EDITOR = "bench-editor@bench-busy.example"
APPROVER = "bench-approver@bench-busy.example"
PASSWORD = "bench password, never used for anything real"
CHANGED_DRAFTS = NEW_DRAFTS = 250
WAITING_OF_EACH = 100
VERSIONS = 12


def organisation(spec: dict) -> tuple[Organisation, bool]:
    # No region or nation of its own, so the records keep the regions their data names (the search benchmark's
    # region filter counts stay as they were).
    return Organisation.objects.get_or_create(slug=spec["slug"], defaults={
        "name": spec["name"], "org_type": "local-authority", "council_type": "unitary"})


def move_records(org: Organisation, every: int, remainder: int) -> None:
    """Give `org` one in `every` generated records, with its name in their content, and re-index them."""
    ids = list(Record.objects.filter(status=Record.Status.PUBLISHED).order_by("pk").values_list("pk", flat=True))
    chosen = [pk for n, pk in enumerate(ids) if n % every == remainder]
    for start in range(0, len(chosen), MOVE_BATCH):
        batch = chosen[start:start + MOVE_BATCH]
        Record.objects.filter(pk__in=batch).update(organisation=org)
        versions = list(RecordVersion.objects.filter(record_id__in=batch))
        for version in versions:  # bulk_update, not save(): a published version refuses save()
            version.data = {**version.data, "organisation_or_department": org.name}
        RecordVersion.objects.bulk_update(versions, ["data"], batch_size=100)
        index_records(Record.objects.filter(pk__in=batch).select_related("organisation", "current_version"))


def member(email: str, org: Organisation, role: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=PASSWORD, full_name=email.split("@")[0].title())
        Membership.objects.create(user=user, organisation=org, role=role)
    return user


def add_drafts(org: Organisation, editor: User) -> None:
    rng = random.Random(9)
    now = timezone.now()
    published = list(Record.objects.filter(organisation=org, status=Record.Status.PUBLISHED)
                     .select_related("current_version").order_by("pk")[:CHANGED_DRAFTS])
    drafts = []
    for n, record in enumerate(published):
        data = {**record.current_version.data, "description": record.current_version.data["description"]
                + " Updated after the annual review."}
        drafts.append(draft(record, data, record.current_version.standard_version, n < WAITING_OF_EACH, editor, now))
    for n in range(NEW_DRAFTS):
        topic = rng.choices(synthetic.TOPICS, synthetic.WEIGHTS)[0]
        data = synthetic.record_data(rng, topic, org, "4.0")
        if n % 5 == 4:  # half written: only the first sections filled in
            keep = {f.key for section in sections_for("4.0")[:2] for f in section.fields}
            data = {k: v for k, v in data.items() if k in keep}
        record = Record.objects.create(organisation=org, name=data["name"])
        drafts.append(draft(record, data, "4.0", n % 5 in (0, 1), editor, now))  # 100 of 250 waiting
    RecordDraft.objects.bulk_create(drafts)


def draft(record: Record, data: dict, version: str, waiting: bool, editor: User, now) -> RecordDraft:
    return RecordDraft(
        record=record, data=data, standard_version=version, last_edited_by=editor,
        completed_sections=[s.key for s in sections_for(version)] if waiting else [],
        state=RecordDraft.State.SUBMITTED if waiting else RecordDraft.State.IN_PROGRESS,
        submitted_by=editor if waiting else None, submitted_at=now if waiting else None)


def add_versions(org: Organisation) -> None:
    """Eleven more published versions of Bench Busy's last published record, a month apart, each changing a little."""
    record = (Record.objects.filter(organisation=org, status=Record.Status.PUBLISHED, draft__isnull=True)
              .select_related("current_version").order_by("-pk").first())
    data = dict(record.current_version.data)
    when = record.current_version.published_at
    for n in range(2, VERSIONS + 1):
        when += timedelta(days=30)
        data = {**data, "description": data["description"] + f" Change {n}: reviewed again.",
                "phase": ["production", "public-beta"][n % 2]}
        publish(record, data, record.current_version.standard_version, f"Review number {n}.", published_at=when)


@transaction.atomic
def main() -> None:
    busy, made = organisation(BUSY)
    if made:
        move_records(busy, BUSY["every"], BUSY["remainder"])
        add_versions(busy)
    large, made = organisation(LARGE)
    if made:
        move_records(large, LARGE["every"], LARGE["remainder"])
    editor = member(EDITOR, busy, Membership.Role.EDITOR)
    member(APPROVER, busy, Membership.Role.APPROVER)
    if not RecordDraft.objects.filter(record__organisation=busy).exists():
        add_drafts(busy, editor)
    print(f"{large.name}: {large.records.count():,} records; {busy.name}: {busy.records.count():,} records, "
          f"{RecordDraft.objects.filter(record__organisation=busy).count():,} drafts.")


if __name__ == "__main__":
    main()
