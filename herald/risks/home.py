"""The home page's risk panel: the risks a person owns that need a review, and failing controls."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from herald.dates import uk_date
from herald.risks.models import Control, Risk


def panels(request) -> list[dict]:
    person = request.user
    owned = Risk.objects.open().owned_by(person)
    if not owned.exists():
        return []
    today = timezone.localdate()
    items = [
        {
            "text": f"Review {risk.reference} {risk.title}",
            "url": reverse("risks:review", args=[risk.pk]),
            "hint": f"Due {uk_date(risk.next_review_on)}",
        }
        for risk in owned.review_due(today + dt.timedelta(days=7))
    ]
    items += [
        {
            "text": f"{c.risk.reference}: a control is below its threshold",
            "url": reverse("risks:detail", args=[c.risk_id]),
            "hint": c.measure.replace("_", " "),
        }
        for c in Control.objects.filter(risk__in=owned, state=Control.State.FAILING).select_related("risk")
    ]
    return [
        {"title": "Risks you own", "items": items, "empty_text": "Your risks are reviewed and their controls are met."}
    ]
