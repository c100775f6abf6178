"""Home-page panels for handling: abuse aimed at a councillor (to them, and to the monitoring officer's
team) and replies waiting for someone's approval."""

from __future__ import annotations

from django.urls import reverse

from herald.moderation import selectors
from herald.moderation.models import CouncillorAbuseCase, Reply
from herald.moderation.nav import INBOX_ROLES
from herald.people.roles import Role


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def panels(request) -> list[dict]:
    person = request.user
    found = []
    if person.has_role(Role.COUNCILLOR):
        mine = CouncillorAbuseCase.objects.filter(councillor=person).open().count()
        found.append(
            {
                "title": "Abuse aimed at you",
                "items": [
                    {
                        "text": f"{_plural(mine, 'case')} about comments aimed at you, being dealt with",
                        "url": reverse("moderation:my_cases"),
                        "hint": "The monitoring officer's team is handling them. If you feel in danger, call 999.",
                    }
                ]
                if mine
                else [],
                "empty_text": "No abusive comments aimed at you are being handled.",
            }
        )
    if person.has_role(Role.MONITORING_OFFICER):
        open_cases = CouncillorAbuseCase.objects.open().count()
        found.append(
            {
                "title": "Councillor-abuse cases",
                "items": [
                    {"text": f"{_plural(open_cases, 'open case')}", "url": reverse("moderation:cases"), "hint": ""}
                ]
                if open_cases
                else [],
                "empty_text": "No open councillor-abuse cases.",
            }
        )
    if person.has_role(*INBOX_ROLES):
        waiting = (
            Reply.objects.awaiting_approval()
            .filter(comment__in=selectors.visible_comments(person))
            .exclude(written_by=person)
            .select_related("comment__account")
        )
        items = [
            {
                "text": f"Reply to approve on {reply.comment.account}",
                "url": reverse("moderation:detail", args=[reply.comment_id]) + "#replies",
                "hint": reply.text[:80],
            }
            for reply in waiting[:10]
        ]
        if items:
            found.append({"title": "Replies to approve", "items": items, "empty_text": ""})
    return found
