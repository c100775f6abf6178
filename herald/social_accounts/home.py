"""Home-page to-do panels for the register: each step of a request shows on the next person's home page."""

from django.urls import reverse

from herald.people.roles import Role
from herald.social_accounts import services
from herald.social_accounts.models import Account, AccountRequest, SecurityTask


def _request_items(requests, hint):
    return [
        {
            "text": f"{r.proposed_name} ({r.get_platform_display()})",
            "url": reverse("social_accounts:request_detail", args=[r.pk]),
            "hint": hint(r),
        }
        for r in requests.select_related("requested_by", "team")[:20]
    ]


def _account_items(accounts, hint):
    return [
        {"text": str(a), "url": reverse("social_accounts:detail", args=[a.pk]), "hint": hint(a)} for a in accounts[:20]
    ]


def panels(request) -> list[dict]:
    user = request.user
    found = []
    mine = AccountRequest.objects.filter(requested_by=user, status=AccountRequest.Status.RETURNED)
    if mine.exists():
        found.append(
            {
                "title": "Your account requests sent back for changes",
                "items": _request_items(mine, lambda r: "Change and resubmit it"),
            }
        )
    if user.has_role(Role.SERVICE_MANAGER):
        found.append(
            {
                "title": "Account requests to endorse",
                "items": _request_items(
                    AccountRequest.objects.awaiting_endorsement_by(user),
                    lambda r: f"from {r.requested_by.full_name}, {r.team.name}",
                ),
                "empty_text": "No account requests are waiting for you.",
            }
        )
    if user.has_role(Role.COMMS):
        waiting = AccountRequest.objects.awaiting_review().exclude(requested_by=user).exclude(endorsed_by=user)
        found.append(
            {
                "title": "Account requests to review",
                "items": _request_items(
                    waiting,
                    lambda r: f"endorsed by {r.endorsed_by.full_name if r.endorsed_by else 'the service manager'}",
                ),
                "empty_text": "No account requests are waiting for the communications team.",
            }
        )
        upkeep = _account_items(Account.objects.dormancy_candidates(), lambda a: a.dormancy_reason)
        upkeep += _account_items(Account.objects.short_of_editors(), lambda a: "fewer than two editors")
        upkeep += [
            {"text": str(t), "url": reverse("social_accounts:task_done", args=[t.pk]), "hint": "security task"}
            for t in SecurityTask.objects.open().select_related("account", "person")[:20]
        ]
        month = services.overdue_report_month()
        if month:
            overdue = Account.objects.missing_report_for(month).count()
            if overdue:
                upkeep.append(
                    {
                        "text": f"{overdue} monthly report{'s' if overdue != 1 else ''} overdue for {month:%B %Y}",
                        "url": reverse("social_accounts:reports_overdue"),
                        "hint": "",
                    }
                )
        found.append(
            {
                "title": "Official accounts needing attention",
                "items": upkeep,
                "empty_text": "Every account is secured, staffed and reviewed.",
            }
        )
    if user.has_role(Role.ICT):
        waiting = AccountRequest.objects.awaiting_security_setup().exclude(requested_by=user)
        found.append(
            {
                "title": "New accounts to set up securely",
                "items": _request_items(
                    waiting, lambda r: "confirm two-factor, comms co-admin and the password manager"
                ),
                "empty_text": "No new accounts are waiting for ICT.",
            }
        )
    if user.has_role(Role.EDITOR):
        month = services.overdue_report_month()
        if month:
            due = Account.objects.missing_report_for(month).filter(pk__in=Account.objects.edited_by(user))
            items = [
                {
                    "text": f"{a}: report for {month:%B %Y}",
                    "url": reverse("social_accounts:report_new", args=[a.pk]),
                    "hint": "overdue",
                }
                for a in due[:20]
            ]
            if items:
                found.append({"title": "Monthly reports overdue", "items": items})
    return found
