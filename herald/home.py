import datetime as dt

from django.db.models import Count, Min, QuerySet
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from herald.apps import plugged_in
from herald.dates import uk_datetime
from herald.mail import NOT_QUEUED, outbox_in_use
from herald.models import OutboxEmail, OutgoingEmail, StrandedTask, WebhookDelivery
from herald.people.roles import Role


def all_panels(request) -> list[dict]:
    """The home page's panels from every app that declares `home_panels`, in their `home_order`."""
    declared = sorted(plugged_in("home_panels"), key=lambda pair: pair[0].home_order)
    return [panel for _config, panels_for in declared for panel in panels_for(request) if panel]


# Emails and tasks kept while the task queue (Redis) was down are queued again every five minutes, so a
# short outage needs nobody. Still waiting after an hour, the queue has been down long: say so.
STRANDED_TOO_LONG = dt.timedelta(hours=1)


def _waiting(kept: QuerySet, at: str, noun: str, now: dt.datetime) -> list[dict]:
    """One line for the `noun`s kept more than STRANDED_TOO_LONG ago: how many, and since when."""
    waiting = kept.filter(**{f"{at}__lt": now - STRANDED_TOO_LONG})
    found = waiting.aggregate(count=Count("pk"), since=Min(at))
    if not found["count"]:
        return []
    last_error = (waiting.order_by(f"-{at}").values_list("last_error", flat=True).first() or "").removeprefix(
        NOT_QUEUED
    )
    return [
        {
            "text": f"{found['count']} {noun}{'s' if found['count'] != 1 else ''} waiting for the task queue "
            f"since {uk_datetime(found['since'])}",
            "hint": "Herald tries to queue them again every 5 minutes: check that Redis and the workers are running."
            + (f" Last error: {last_error}" if last_error else ""),
        }
    ]


def panels(request) -> list[dict]:
    """Background work that failed in the last 14 days, for the system administrators: emails that
    could not be delivered after every retry and tasks that failed (including those whose worker died),
    and, first, emails and tasks still waiting for the task queue after STRANDED_TOO_LONG."""
    if not request.user.has_role(Role.ADMIN):
        return []
    since = timezone.now() - dt.timedelta(days=14)
    emails = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED, queued_at__gte=since).order_by(
        "-queued_at"
    )
    tasks = DBTaskResult.objects.failed().filter(finished_at__gte=since).order_by("-finished_at")
    now = timezone.now()
    items = _waiting(StrandedTask.objects.all(), "stranded_at", "task", now)
    # An email never tried: its delivery could not be queued, or its task was lost (see queue_stranded_emails).
    untried = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED, attempts=0)
    items += _waiting(untried, "queued_at", "email", now)
    items += [
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
