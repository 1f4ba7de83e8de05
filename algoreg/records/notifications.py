"""Emails about a record's progress. Plain text, short, with a link to where the reader acts."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse


def _link(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _send(subject: str, body: str, people) -> None:
    addresses = sorted({p.email for p in people if p and p.email})
    if addresses:
        # One message per person, so no one sees who else was told.
        send_mass_mail([(subject, body, None, [address]) for address in addresses], fail_silently=True)


def submitted(draft, approvers) -> None:
    record = draft.record
    body = (f"{draft.submitted_by} has submitted “{record.name}” for review.\n\n"
            f"Check it and publish it, or send it back with comments:\n"
            f"{_link(reverse('editor:record', args=[record.public_id]))}\n")
    _send(f"Ready for review: {record.name}", body, [a for a in approvers if a != draft.submitted_by])


def sent_back(draft, comment: str) -> None:
    record = draft.record
    body = (f"{draft.reviewed_by} has sent “{record.name}” back with these comments:\n\n{comment}\n\n"
            f"Make the changes and submit it again:\n{_link(reverse('editor:record', args=[record.public_id]))}\n")
    _send(f"Changes needed: {record.name}", body, [draft.last_edited_by, draft.submitted_by])


def published(record, version, members) -> None:
    body = (f"“{record.name}” has been published as version {version.number}.\n\n"
            f"What changed: {version.change_note}\n\n{_link(record.get_absolute_url())}\n")
    _send(f"Published: {record.name}", body, members)
