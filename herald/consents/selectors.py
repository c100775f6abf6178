"""Reads other apps ask of consents."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from herald.consents.models import Appearance, ConsentRecord
from herald.consents.withdrawal import Why


def _stopping_records(asset_ids: Iterable[int]) -> dict[int, ConsentRecord]:
    """For each photo or video that may not be used anywhere, whatever the channel, the consent record
    that stops it: someone shown withdrew consent (or was erased) or must not be published."""
    ids = list(asset_ids)
    if not ids:
        return {}
    records: dict[int, ConsentRecord] = {}
    stopped = (
        Appearance.objects.filter(asset_id__in=ids)
        .filter(
            Q(record__state=ConsentRecord.State.WITHDRAWN)
            | Q(record__erased_at__isnull=False)
            | Q(record__do_not_publish=True)
        )
        .select_related("record")
        .order_by("asset_id", "pk")
    )
    for appearance in stopped:
        if appearance.record is not None and appearance.asset_id not in records:
            records[appearance.asset_id] = appearance.record
    return records


def why_media_stopped(asset_ids: Iterable[int]) -> dict[int, Why]:
    """The photos and videos that may not be used anywhere (`stopped_media`), each with why, without
    saying who: for pages shown to people who may not open the media library."""
    return {pk: record.why_unusable or Why.WITHDRAWN for pk, record in _stopping_records(asset_ids).items()}


def stopped_media(asset_ids: Iterable[int]) -> dict[int, str]:
    """Photos and videos that may not be used anywhere, whatever the channel: someone shown withdrew
    consent (or was erased) or must not be published. Maps each such asset's id to the reason, in words."""
    reasons: dict[int, str] = {}
    for asset_id, record in _stopping_records(asset_ids).items():
        why = record.why_unusable
        if why == Why.DO_NOT_PUBLISH:
            reasons[asset_id] = "Do not publish: someone shown must not be published"
        elif why == Why.ERASED:
            reasons[asset_id] = f"Personal details erased of someone shown (URN {record.urn})"
        else:
            reasons[asset_id] = f"Consent withdrawn by someone shown (URN {record.urn})"
    return reasons
