from django.urls import reverse
from django.utils import timezone

from herald.consents.models import ConsentRequest, TakedownTask
from herald.consents.services import requests_due, requests_waiting
from herald.dates import uk_short_datetime
from herald.people.roles import Role
from herald.templatetags.house import house_date


def panels(request) -> list[dict]:
    """Open takedown tasks for editors (their accounts) and comms (all); upcoming shoots for organisers."""
    user = request.user
    result = []
    if user.has_role(Role.INFO_GOV):
        due = requests_due(on=timezone.localdate())
        result.append(
            {
                "title": "Subject access requests overdue or due within a week",
                "intro": "Record each request in the register: Herald works out when it is due.",
                "link": {"url": reverse("consents:sar_list"), "text": "The register of subject access requests"},
                "items": [
                    {
                        "text": f"{item.sar.reference}: {item.sar.requester_name}",
                        "url": reverse("consents:sar", args=[item.sar.pk]),
                        "hint": ("Overdue: was due " if item.overdue else "Due ") + house_date(item.deadline.due_on),
                    }
                    for item in due[:20]
                ],
                "empty_text": "No subject access request is overdue or due within a week.",
            }
        )
        # The clock is stopped while the council waits, so nothing else would bring these back to mind.
        waiting = requests_waiting(on=timezone.localdate())
        if waiting:
            result.append(
                {
                    "title": "Subject access requests waiting for the requester for over two weeks",
                    "intro": "The clock is stopped until they reply: chase them for what the council asked for.",
                    "items": [
                        {
                            "text": f"{sar.reference}: {sar.requester_name}",
                            "url": reverse("consents:sar", args=[sar.pk]),
                            "hint": f"Waiting for the requester since {house_date(sar.paused_on)} "
                            f"({sar.get_paused_for_display().lower()})",
                        }
                        for sar in waiting[:20]
                    ],
                    "empty_text": "",
                }
            )
    if user.has_role(Role.COMMS, Role.EDITOR):
        now = timezone.now()
        tasks = TakedownTask.objects.visible_to(user).open().select_related("use__asset", "use__account")[:20]
        result.append(
            {
                "title": "Take down or review after a withdrawal of consent",
                "items": [
                    {
                        "text": f"{task.use.asset.title} on "
                        f"{task.use.account.display_name if task.use.account_id else task.use.channel}",
                        "url": reverse("consents:takedown", args=[task.pk]),
                        "hint": ("Overdue since " if task.due_at < now else "Due ") + uk_short_datetime(task.due_at),
                    }
                    for task in tasks
                ],
                "empty_text": "No posts to take down or review.",
            }
        )
    upcoming = ConsentRequest.objects.filter(organiser=user, is_open=True, event_date__gte=timezone.localdate())[:10]
    if upcoming:
        result.append(
            {
                "title": "Your shoots collecting consent",
                "items": [
                    {
                        "text": str(item),
                        "url": reverse("consents:request", args=[item.pk]),
                        "hint": f"{item.records.count()} consent(s) so far",
                    }
                    for item in upcoming
                ],
                "empty_text": "",
            }
        )
    return result
