"""Dashboard panels: how each person's area is doing, beside the to-do lists the other apps give.

A panel may carry `figures` (rows of label, value, hint and link, shown as a summary list) and a
`chart` (herald.figures.Chart, drawn as SVG with its table). The reports app reads the other apps'
records here; none of them imports it."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from herald.consents.models import TakedownTask
from herald.dates import uk_short_datetime
from herald.figures import Chart
from herald.incidents.models import Incident
from herald.incidents.playbooks import HANDLERS, SHORT_NAMES
from herald.models import OutgoingEmail
from herald.people.models import Person
from herald.people.roles import Role
from herald.policies.models import Acknowledgement, PolicyDocument
from herald.posts.models import Post, PostFinding
from herald.reports.models import CommitteeReport
from herald.social_accounts.models import Account, AccountRequest

WEEKS = 8


def panels(request) -> list[dict]:
    user = request.user
    found = [reports_to_sign(user)]
    if user.has_role(Role.COMMS):
        found.append(publishing(timezone.now()))
    if user.has_role(Role.SERVICE_MANAGER):
        found.append(service(user))
    if user.has_role(Role.HR, Role.INFO_GOV, Role.MONITORING_OFFICER):
        found.append(incidents(user, timezone.now()))
    if user.has_role(Role.ADMIN):
        found.append(health(timezone.now()))
    return [panel for panel in found if panel]


def reports_to_sign(user: Person) -> dict | None:
    waiting = CommitteeReport.objects.awaiting_sign_off_by(user)
    if not waiting.exists():
        return None
    return {
        "title": "Committee reports to sign off",
        "items": [
            {
                "text": report.title,
                "url": reverse("reports:detail", kwargs={"pk": report.pk}),
                "hint": f"{report.committee}, {report.meeting_date:%-d %B %Y}",
            }
            for report in waiting
        ],
    }


def _trend(now: dt.datetime, count_since) -> tuple[Chart, int, int]:
    """Counts for each of the last WEEKS weeks (oldest first), and the last four weeks against the four before."""
    # Weeks run on the council's clock: in its time zone, adding a week keeps the wall-clock time across
    # the clocks changing, so a week ending at 00:30 on a Monday in summer is the week to that Monday.
    local = timezone.localtime(now)
    labels, values = [], []
    for weeks_ago in range(WEEKS, 0, -1):
        start = local - dt.timedelta(weeks=weeks_ago)
        end = local - dt.timedelta(weeks=weeks_ago - 1)
        labels.append(f"Week to {end:%-d %b}")
        values.append(count_since(start, end))
    return Chart("Findings on submitted posts, week by week", labels, values), sum(values[-4:]), sum(values[-8:-4])


def publishing(now: dt.datetime) -> dict:
    def findings(start: dt.datetime, end: dt.datetime) -> int:
        return PostFinding.objects.filter(post__submitted_at__gte=start, post__submitted_at__lt=end).count()

    chart, recent, before = _trend(now, findings)
    if recent == before:
        direction = "the same as the four weeks before"
    else:
        direction = f"{'up' if recent > before else 'down'} from {before:,} in the four weeks before"
    attention = (
        Account.objects.filter(status__in=[Account.Status.ACTIVE, Account.Status.DORMANT])
        .with_editor_count()
        .filter(
            Q(editor_count__lt=2)
            | Q(two_factor_enabled=False)
            | Q(comms_co_admin=False)
            | Q(credentials_in_password_manager=False)
            | ~Q(dormancy_flagged_on=None)
        )
        .count()
    )
    open_takedowns = TakedownTask.objects.open()
    overdue = open_takedowns.filter(due_at__lt=now).count()
    month_ago = now - dt.timedelta(days=30)
    return {
        "title": "How publishing is doing",
        "count": False,
        "figures": [
            {
                "label": "Posts waiting for approval",
                "value": f"{Post.objects.awaiting_approval().count():,}",
                "url": reverse("posts:queue"),
            },
            {"label": "Findings in the last four weeks", "value": f"{recent:,}", "hint": direction},
            {
                "label": "Blocks overridden in the last 30 days",
                "value": f"{Post.objects.filter(override_at__gte=month_ago).count():,}",
            },
            {
                "label": "Accounts needing attention",
                "value": f"{attention:,}",
                "hint": "short of editors, not fully secured, or flagged dormant",
                "url": reverse("social_accounts:register"),
            },
            {
                "label": "Consent takedowns open",
                "value": f"{open_takedowns.count():,}",
                "hint": f"{overdue} past their deadline" if overdue else "none past their deadline",
                "url": reverse("consents:takedowns"),
            },
        ],
        "chart": chart,
        "chart_id": "findings-trend",
    }


def service(user: Person) -> dict:
    people = Person.objects.active().managed_by(user)
    document = PolicyDocument.objects.filter(audience=PolicyDocument.Audience.EMPLOYEES).order_by("id").first()
    version = document.published_version if document else None
    total = people.count()
    done = (
        people.filter(pk__in=Acknowledgement.objects.filter(version=version).values("person")).count() if version else 0
    )
    requests = AccountRequest.objects.awaiting_endorsement_by(user).count()
    accounts = Account.objects.filter(service_manager=user).exclude(status=Account.Status.CLOSED)
    short = accounts.short_of_editors().count()
    figures = [
        {
            "label": "Your people who have acknowledged the policy",
            "value": f"{done:,} of {total:,}",
            "hint": f"version {version.number} of the {version.document.title}" if version else "no policy published",
        },
        {
            "label": "Account requests waiting for you",
            "value": f"{requests:,}",
            "url": reverse("social_accounts:register"),
        },
        {"label": "Your service's accounts", "value": f"{accounts.count():,}", "hint": f"{short} short of editors"},
    ]
    return {"title": "Your service at a glance", "count": False, "figures": figures}


def incidents(user: Person, now: dt.datetime) -> dict:
    kinds = [kind for kind, roles in HANDLERS.items() if user.roles & roles]
    mine = Incident.objects.open().filter(kind__in=kinds)
    by_kind = dict(mine.values_list("kind").annotate(n=Count("pk")))
    figures = [{"label": SHORT_NAMES.get(kind, kind), "value": f"{by_kind.get(kind, 0):,} open"} for kind in kinds]
    clocks = [
        incident
        for incident in mine.filter(ico_reported_at=None, ico_decision__in=["", Incident.IcoDecision.REPORT])
        if incident.kind == "personal_data_breach"
    ]
    if clocks:
        soonest = min(clocks, key=lambda incident: incident.ico_deadline)
        left = (soonest.ico_deadline - now).total_seconds() / 3600
        figures.append(
            {
                "label": "ICO clocks running",
                "value": f"{len(clocks)}",
                "hint": f"the soonest has {left:.0f} hours left" if left > 0 else "the soonest is past 72 hours",
                "url": reverse("incidents:index"),
            }
        )
    return {"title": "Incidents you handle", "count": False, "figures": figures}


def health(now: dt.datetime) -> dict:
    waiting = DBTaskResult.objects.ready()
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    since = now - dt.timedelta(days=14)
    failed_tasks = DBTaskResult.objects.failed().filter(finished_at__gte=since).count()
    failed_emails = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED, queued_at__gte=since).count()
    queued_emails = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED).count()
    check = (
        DBTaskResult.objects.finished()
        .filter(task_path__endswith="verify_audit_chain")
        .order_by("-finished_at")
        .first()
    )
    if check is None:
        chain = {"label": "Audit trail", "value": "Not checked yet", "hint": "the nightly check has not run"}
    else:
        result = check.return_value if isinstance(check.return_value, dict) else {}
        ok = check.status == "SUCCESSFUL" and result.get("ok")
        chain = {
            "label": "Audit trail",
            "value": "Intact" if ok else "BROKEN",
            "hint": f"checked {uk_short_datetime(check.finished_at)}"
            + (f", {result.get('checked', 0):,} events" if ok else f": {result.get('problem') or 'the check failed'}"),
            "url": reverse("audit:events") if not ok else "",
        }
    return {
        "title": "Herald's health",
        "count": False,
        "figures": [
            {
                "label": "Tasks waiting to run",
                "value": f"{waiting.count():,}",
                "hint": f"the oldest queued {uk_short_datetime(oldest)}" if oldest else "none waiting",
            },
            {"label": "Tasks failed in the last 14 days", "value": f"{failed_tasks:,}"},
            {"label": "Emails waiting to send", "value": f"{queued_emails:,}"},
            {"label": "Emails that failed in the last 14 days", "value": f"{failed_emails:,}"},
            chain,
        ],
    }
