"""The home page's incident panels: what the person must do next, and breach clocks for the DPO."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from herald.dates import uk_datetime
from herald.incidents import selectors
from herald.incidents.models import Incident
from herald.people.roles import Role


def panels(request) -> list[dict]:
    person = request.user
    found = []
    now = timezone.now()
    if person.has_role(Role.INFO_GOV):
        clocks = [b for b in Incident.objects.breaches().open().order_by("aware_at") if not b.ico_clock_stopped]
        items = []
        for breach in clocks[:10]:
            left = (breach.ico_deadline - now).total_seconds() / 3600
            hint = (
                f"{int(left)} hours left to decide on reporting to the ICO"
                if left >= 0
                else f"The 72 hours ended {int(-left)} hours ago: record the decision and the reasons for delay"
            )
            items.append(
                {
                    "text": f"{breach.reference}: {breach.summary}",
                    "url": reverse("incidents:breach", args=[breach.pk]),
                    "hint": hint,
                }
            )
        found.append(
            {
                "title": "Personal data breaches: the 72-hour clock",
                "items": items,
                "empty_text": "No breach is waiting for an ICO decision.",
            }
        )
    overdue = list(selectors.overdue_steps_for(person, now)[:10])
    if overdue:
        found.append(
            {
                "title": "Incident steps past their deadline",
                "items": [
                    {
                        "text": f"{step.incident.reference}: {step.text}",
                        "url": reverse("incidents:detail", args=[step.incident_id]),
                        "hint": f"Due {uk_datetime(step.due_at)}",
                    }
                    for step in overdue
                ],
                "empty_text": "",
            }
        )
    return found
