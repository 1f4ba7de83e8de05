"""Records, versions, organisations and drafts as the API returns them. Only published data goes into public
answers: a draft's content appears only in answers to a token of the draft's own organisation."""

from urllib.parse import urlencode

from django.urls import reverse

from algoreg.records.models import Record, RecordDraft, RecordVersion
from algoreg.records.public_content import absolute, public_content
from algoreg.standard.validation import validate

from .errors import problem


def organisation_ref(request, organisation) -> dict:
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "url": absolute(reverse("organisations:detail", args=[organisation.slug]), request),
        "api_url": absolute(reverse("api:organisation", args=[organisation.slug]), request),
    }


def organisation(request, org, record_count: int) -> dict:
    return {
        **organisation_ref(request, org),
        "organisation_type": org.org_type,
        "council_type": org.council_type,
        "type_label": org.type_label,
        "region": org.region,
        "nation": org.nation,
        "website": org.website,
        "gss_code": org.gss_code,
        "contact_email": org.contact_email,
        "is_example": org.is_example,
        "record_count": record_count,
        "feed_url": absolute(reverse("feeds:organisation", args=[org.slug]), request),
        "records_url": absolute(f"{reverse('api:records')}?{urlencode({'organisation': org.slug})}", request),
    }


def version_summary(request, record: Record, version: RecordVersion) -> dict:
    return {
        "number": version.number,
        "published_at": version.published_at.isoformat(),
        "change_note": version.change_note,
        "standard_version": version.standard_version,
        "url": absolute(reverse("records:version", args=[record.reference, version.number]), request),
        "api_url": absolute(reverse("api:version", args=[record.public_id, version.number]), request),
    }


def record_summary(request, record: Record) -> dict:
    return {
        "public_id": record.public_id,
        "name": record.name,
        "one_sentence_description": record.one_sentence_description,
        "organisation": organisation_ref(request, record.organisation),
        "status": record.status,
        "kind": record.kind,
        "phase": record.phase,
        "standard_version": record.standard_version,
        "first_published_at": record.first_published_at.isoformat(),
        "last_published_at": record.last_published_at.isoformat(),
        "version": record.current_version.number,
        "url": absolute(record.get_absolute_url(), request),
        "api_url": absolute(reverse("api:record", args=[record.public_id]), request),
    }


def record(request, record: Record) -> dict:
    current = record.current_version
    return {
        **record_summary(request, record),
        "source_url": record.source_url,
        "retired_at": record.retired_at.isoformat() if record.retired_at else None,
        "retired_reason": record.retired_reason,
        "current_version": version_summary(request, record, current),
        "content": public_content(current.data),
    }


def version(request, record: Record, version: RecordVersion) -> dict:
    return {
        **version_summary(request, record, version),
        "record": record_summary(request, record),
        "is_current": version.pk == record.current_version_id,
        "content": public_content(version.data),
    }


def draft_summary(request, draft: RecordDraft) -> dict:
    record = draft.record
    return {
        "public_id": record.public_id,
        "name": draft.data.get("name") or record.name,
        "state": draft.state,
        "revision": draft.revision,
        "standard_version": draft.standard_version,
        "is_published": record.current_version_id is not None,
        "updated_at": draft.updated_at.isoformat(),
        "api_url": absolute(reverse("api:draft", args=[record.public_id]), request),
    }


def missing(draft: RecordDraft) -> list[dict]:
    problems = validate(draft.data, draft.standard_version, for_publication=True)
    return [problem(path, "content", message) for path, message in problems.items()]


def draft(request, draft: RecordDraft) -> dict:
    record = draft.record
    return {
        **draft_summary(request, draft),
        "organisation": organisation_ref(request, record.organisation),
        "created_at": draft.created_at.isoformat(),
        "submitted_at": draft.submitted_at.isoformat() if draft.submitted_at else None,
        "review_comment": draft.review_comment,
        "content": public_content(draft.data),
        "missing_for_publication": missing(draft),
        "editor_url": absolute(reverse("editor:record", args=[record.public_id]), request),
    }
