import datetime as dt

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from herald.apps import plugged_in
from herald.models import OutgoingEmail
from herald.people.roles import Role


def all_panels(request) -> list[dict]:
    """The home page's panels from every app that declares `home_panels`, in their `home_order`."""
    declared = sorted(plugged_in("home_panels"), key=lambda pair: pair[0].home_order)
    return [panel for _config, panels_for in declared for panel in panels_for(request) if panel]


def panels(request) -> list[dict]:
    """Background work that failed in the last 14 days, for the system administrators: emails that
    could not be delivered after every retry and tasks that failed (including those whose worker died)."""
    if not request.user.has_role(Role.ADMIN):
        return []
    since = timezone.now() - dt.timedelta(days=14)
    emails = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED, queued_at__gte=since).order_by(
        "-queued_at"
    )
    tasks = DBTaskResult.objects.failed().filter(finished_at__gte=since).order_by("-finished_at")
    items = [
        {
            "text": f"Email not delivered: “{email.subject}” to {email.recipients}",
            "hint": f"{email.attempts} attempts; {email.last_error}",
        }
        for email in emails[:20]
    ] + [
        {
            "text": f"Task failed: {result.task_name}",
            "hint": f"{result.finished_at:%d %b %Y %H:%M}; {result.exception_class_path}",
        }
        for result in tasks[:20]
    ]
    return [
        {
            "title": "Background work that failed in the last 14 days",
            "items": items,
            "empty_text": "None. Every email was delivered and every task finished.",
        }
    ]
