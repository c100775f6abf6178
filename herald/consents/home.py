from django.urls import reverse
from django.utils import timezone

from herald.consents.models import ConsentRequest, TakedownTask
from herald.people.roles import Role


def panels(request) -> list[dict]:
    """Open takedown tasks for editors (their accounts) and comms (all); upcoming shoots for organisers."""
    user = request.user
    result = []
    if user.has_role(Role.INFO_GOV):
        result.append(
            {
                "title": "Subject access requests",
                "count": False,
                "intro": "Find everything Herald holds about a person (consent records, photos and where they "
                "were used) and export it for a subject access request.",
                "link": {"url": reverse("consents:subject_access"), "text": "Search and export for a person"},
                "items": [],
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
                        "hint": ("Overdue since " if task.due_at < now else "Due ")
                        + f"{timezone.localtime(task.due_at):%-d %b %H:%M}",
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
