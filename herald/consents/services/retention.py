"""Keeping and deleting consent records: expiry, erasing personal details once a record has lapsed, and
finding and exporting a subject's records for a subject access request."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from herald import subject_access
from herald.audit import services as audit
from herald.consents import conf, withdrawal
from herald.consents.models import (
    ConsentRecord,
    MediaAsset,
    PublicAttempt,
    Purpose,
    channel_label,
)
from herald.consents.services.requests import _snapshot, normalise_phone, normalise_urn
from herald.consents.services.withdrawals import _stop_uses_showing
from herald.errors import Refused
from herald.notifications import notify
from herald.pdf import data_uri, render_pdf
from herald.people.models import Person

# --- Keeping and deleting ---------------------------------------------------------------------

PERSONAL_FIELDS = (
    "subject_name",
    "representative_name",
    "representative_relationship",
    "email",
    "phone",
    "child_signature",
    "witnessed_by",
    "do_not_publish_reason",
    "withdrawal_reason",
)


@transaction.atomic
def expire_consents(*, today: dt.date | None = None) -> list[ConsentRecord]:
    """Mark records past their retention date as expired and tell the owners of assets that depend on them."""
    today = today or timezone.localdate()
    expired = list(ConsentRecord.objects.due_to_expire(today).select_for_update())
    owners: dict[int, list[str]] = {}
    for record in expired:
        record.state = ConsentRecord.State.EXPIRED
        record.expired_at = timezone.now()
        record.save(update_fields=["state", "expired_at"])
        audit.record(
            actor=None,
            action="consent.expired",
            obj=record,
            after={"expires_on": record.expires_on, "state": record.state},
        )
        for asset in MediaAsset.objects.showing(record).select_related("uploaded_by"):
            owners.setdefault(asset.uploaded_by_id, []).append(f"'{asset.title}' ({record.urn})")
    if owners:
        emails = dict(Person.objects.filter(pk__in=owners, is_active=True).values_list("pk", "email"))

        def tell() -> None:
            for owner, items in owners.items():
                notify(
                    "consent_expired_for_uploads",
                    to=[emails.get(owner)],
                    context={"items": items, "link": f"{settings.SITE_URL}{reverse('consents:media')}"},
                )

        transaction.on_commit(tell)
    return expired


@transaction.atomic
def erase_personal_details(record: ConsentRecord, *, by: Person | None, reason: str) -> ConsentRecord:
    """Remove everything that identifies the person; keep the URN, dates, choices and state the audit trail needs."""
    if not reason.strip():
        raise Refused("Enter the reason for erasing these details")
    if record.erased_at:
        return record
    record = ConsentRecord.objects.select_for_update().get(pk=record.pk)
    for field in PERSONAL_FIELDS:
        setattr(record, field, "")
    record.subject_name = "Erased"
    if record.scan:
        record.scan.delete(save=False)
    record.scan = ""
    record.erased_at = timezone.now()
    record.save()
    audit.record(
        actor=by,
        action="consent.personal_details_erased",
        obj=record,
        reason=reason,
        after={"urn": record.urn, "state": record.state, "erased_at": record.erased_at},
    )
    if record.state == ConsentRecord.State.GIVEN and not record.do_not_publish:
        # Erasing a consent still in force (an erasure request) ends it as a withdrawal does: every check
        # already refuses media showing an erased person, so planned uses stop and published ones go for
        # takedown. Withdrawn and do-not-publish records had theirs stopped when that happened.
        _stop_uses_showing(record, by=by, why=withdrawal.Why.ERASED)
    return record


def erase_lapsed_records(*, now: dt.datetime | None = None) -> int:
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=conf.get("HERALD_CONSENT_ERASE_AFTER_DAYS"))
    count = 0
    for record in ConsentRecord.objects.due_for_erasure(cutoff):
        erase_personal_details(record, by=None, reason="Retention period and grace period ended")
        count += 1
    PublicAttempt.objects.filter(at__lt=now - dt.timedelta(days=1)).delete()
    return count


def find_subject_records(query: str) -> QuerySet[ConsentRecord]:
    """Records that may be about one person, by name, email, phone or URN (for a subject access request)."""
    from django.db.models import Q

    query = query.strip()
    if len(query) < 3:
        return ConsentRecord.objects.none()
    condition = (
        Q(subject_name__icontains=query)
        | Q(representative_name__icontains=query)
        | Q(email__iexact=query)
        | Q(urn=normalise_urn(query))
    )
    digits = normalise_phone(query)
    if len(digits) >= 10:
        condition |= Q(phone__contains=digits[-9:])
    return ConsentRecord.objects.filter(condition).select_related("request")


def export_subject_data(records: Iterable[ConsentRecord], *, by: Person, query: str) -> bytes:
    """Everything Herald holds about the person in these records, as JSON, for information governance."""
    records = list(records)
    data = _subject_json(records, query=query)
    _audit_subject_export(records, by=by, query=query, form="JSON")
    return data


def export_subject_pack(records: Iterable[ConsentRecord], *, by: Person, query: str) -> bytes:
    """The subject-access pack, as a zip: a readable PDF and web page with the photos beside each record,
    the machine-readable JSON, and the photos and videos themselves."""
    records = list(records)
    data = _subject_json(records, query=query)
    context: dict[str, Any] = {
        "council_name": settings.COUNCIL_NAME,
        "made_at": timezone.localtime(),
        "made_by": by,
        "query": query,
        "records": [
            {
                "record": record,
                "channels": [channel_label(c) for c in record.channels],
                "purposes": [Purpose(p).label for p in record.purposes],
                "assets": [
                    {
                        "asset": asset,
                        "picture": data_uri(asset.thumbnail) or (data_uri(asset.file) if asset.kind == "photo" else ""),
                        "uses": list(asset.uses.select_related("account")),
                        "filename": _pack_name(asset),
                    }
                    for asset in MediaAsset.objects.showing(record)
                ],
                "takedowns": list(record.takedowns.all()),
            }
            for record in records
        ],
    }
    html = render_to_string("consents/subject_pack.html", context)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as pack:
        pack.writestr("subject-access.pdf", render_pdf("consents/subject_pack.html", context))
        pack.writestr("subject-access.html", html)
        pack.writestr("subject-access.json", data)
        added: set[str] = set()
        for item in context["records"]:
            for shown in item["assets"]:
                asset = shown["asset"]
                if shown["filename"] in added or not asset.file:
                    continue
                try:
                    with asset.file.open("rb") as handle:
                        pack.writestr(f"media/{shown['filename']}", handle.read())
                except OSError:
                    continue
                added.add(shown["filename"])
    _audit_subject_export(records, by=by, query=query, form="readable pack (PDF, web page, JSON and media)")
    return buffer.getvalue()


def _pack_name(asset: MediaAsset) -> str:
    extension = asset.file.name.rsplit(".", 1)[-1] if "." in asset.file.name else "bin"
    return f"{asset.pk}-{slugify(asset.title)[:40] or 'media'}.{extension}"


def _audit_subject_export(records: list[ConsentRecord], *, by: Person, query: str, form: str) -> None:
    audit.record(
        actor=by,
        action="consent.subject_access_export",
        object_type="consents.subject_access",
        object_repr=f"Subject access export: {len(records)} record(s)",
        after={"urns": [r.urn for r in records], "format": form, "other_records": sorted(_other_records(query))},
        reason=f"Search: {query}",
    )


def _other_records(query: str) -> dict[str, Any]:
    return subject_access.gather(query) if len(query.strip()) >= 3 else {}


def _subject_json(records: list[ConsentRecord], *, query: str) -> bytes:
    payload: dict[str, Any] = {
        "produced_by": settings.COUNCIL_NAME,
        "produced_at": timezone.now().isoformat(),
        "search": query,
        "records": [],
    }
    for record in records:
        assets = MediaAsset.objects.showing(record)
        payload["records"].append(
            {
                "consent": _snapshot(record) | {"wording_text": record.wording_text},
                "event": {
                    "name": record.request.event_name,
                    "date": record.request.event_date.isoformat(),
                    "location": record.request.location,
                },
                "channels": [channel_label(c) for c in record.channels],
                "purposes": [Purpose(p).label for p in record.purposes],
                "assets": [
                    {
                        "title": asset.title,
                        "kind": asset.kind,
                        "uploaded_at": asset.uploaded_at.isoformat(),
                        "alt_text": asset.alt_text,
                        "original_filename": asset.original_filename,
                        "uses": [
                            {
                                "where": str(use.account) if use.account_id else channel_label(use.channel),
                                "state": use.state,
                                "published_url": use.published_url,
                                "scheduled_for": use.scheduled_for.isoformat() if use.scheduled_for else None,
                                "reference": use.reference,
                                "recorded_at": use.created_at.isoformat(),
                            }
                            for use in asset.uses.select_related("account")
                        ],
                    }
                    for asset in assets
                ],
                "takedown_tasks": [
                    {
                        "due_at": t.due_at.isoformat(),
                        "completed_at": t.completed_at.isoformat() if t.completed_at else None,
                        "outcome": t.outcome,
                    }
                    for t in record.takedowns.all()
                ],
            }
        )
    # What other apps hold about the person (evidence of removed comments, ...), by the same search.
    payload["other_records"] = _other_records(query)
    return json.dumps(payload, indent=2, ensure_ascii=False).encode("utf-8")
