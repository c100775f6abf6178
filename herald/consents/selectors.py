"""Reads other apps ask of consents."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from herald.consents.models import Appearance, ConsentRecord
from herald.consents.withdrawal import Why


def stopped_media(asset_ids: Iterable[int]) -> dict[int, str]:
    """Photos and videos that may not be used anywhere, whatever the channel: someone shown withdrew
    consent (or was erased) or must not be published. Maps each such asset's id to the reason, in words."""
    ids = list(asset_ids)
    if not ids:
        return {}
    reasons: dict[int, str] = {}
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
        record = appearance.record
        if record is None or appearance.asset_id in reasons:
            continue
        why = record.why_unusable
        if why == Why.DO_NOT_PUBLISH:
            reasons[appearance.asset_id] = "Do not publish: someone shown must not be published"
        elif why == Why.ERASED:
            reasons[appearance.asset_id] = f"Personal details erased of someone shown (URN {record.urn})"
        else:
            reasons[appearance.asset_id] = f"Consent withdrawn by someone shown (URN {record.urn})"
    return reasons
