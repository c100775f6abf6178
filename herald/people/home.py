import datetime as dt

from django.urls import reverse
from django.utils import timezone

from herald.dates import uk_datetime
from herald.people.models import DirectoryImport, Person
from herald.people.roles import Role


def panels(request) -> list[dict]:
    user = request.user
    result = []
    if user.has_role(Role.HR, Role.ADMIN):
        rejected = DirectoryImport.objects.filter(accepted=False, at__gte=timezone.now() - dt.timedelta(days=14))
        result.append(
            {
                "title": "Directory imports that were rejected in the last 14 days",
                "items": [
                    {
                        "text": f"{run.filename} ({len(run.errors)} problem{'s' if len(run.errors) != 1 else ''})",
                        "url": reverse("people:import_detail", args=[run.pk]),
                        "hint": uk_datetime(run.at),
                    }
                    for run in rejected[:10]
                ],
                "empty_text": "None. The last import was accepted.",
            }
        )
    if user.has_role(Role.SERVICE_MANAGER):
        team = Person.objects.active().filter(service_manager=user).count()
        result.append(
            {
                "title": "Your service",
                "items": [
                    {"text": f"{team} people have you as their service manager", "url": reverse("people:directory")}
                ]
                if team
                else [],
                "empty_text": "Nobody in the directory has you as their service manager yet.",
            }
        )
    return result
