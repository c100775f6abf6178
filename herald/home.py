import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from herald.apps import plugged_in
from herald.dates import uk_datetime
from herald.mail import outbox_in_use
from herald.models import OutboxEmail, OutgoingEmail, WebhookDelivery
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
            "hint": f"{uk_datetime(result.finished_at)}; {result.exception_class_path}",
        }
        for result in tasks[:20]
    ]
    failed_posts = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.FAILED, queued_at__gte=since)
    items += [
        {
            "text": f"Team channel post not delivered: “{delivery.subject}” to {delivery.webhook.team.name}",
            "url": reverse("notifications:webhooks"),
            "hint": f"{delivery.attempts} attempts; {delivery.last_error}",
        }
        for delivery in failed_posts.select_related("webhook__team").order_by("-queued_at")[:20]
    ]
    tools = [
        {
            "text": "Team channels (Microsoft Teams or Slack)",
            "url": reverse("notifications:webhooks"),
            "hint": "Connect a team's channel to see what Herald tells its members",
        }
    ]
    if outbox_in_use():
        kept = OutboxEmail.objects.count()
        tools.append(
            {
                "text": f"Demo outbox: {kept} email{'s' if kept != 1 else ''} kept, not sent",
                "url": reverse("notifications:outbox"),
                "hint": "This copy of Herald keeps its emails instead of sending them",
            }
        )
    return [
        {"title": "Email and channels", "items": tools, "empty_text": ""},
        {
            "title": "Background work that failed in the last 14 days",
            "items": items,
            "empty_text": "None. Every email was delivered and every task finished.",
        },
    ]
