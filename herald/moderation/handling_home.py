"""Home-page panels for handling: abuse aimed at a councillor (to them, and to the monitoring officer's
team) and replies waiting for someone's approval."""

from __future__ import annotations

from django.urls import reverse

from herald.dates import uk_datetime
from herald.moderation import selectors
from herald.moderation.models import CouncillorAbuseCase, Reply
from herald.moderation.nav import INBOX_ROLES
from herald.people.roles import Role


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _handled_by(comment) -> str:
    if comment.assignee_id:
        return f"Being handled by {comment.assignee.full_name}"
    if comment.team_id:
        return f"In the {comment.team} queue, nobody has it yet"
    return "Nobody is handling it yet"


def _safeguarding_panel() -> dict:
    """For the safeguarding lead: every open safeguarding concern flagged on a comment, oldest first,
    and who in the inbox is handling the comment."""
    concerns = selectors.open_safeguarding_concerns()
    shown = list(concerns[:20])
    more = concerns.count() - len(shown) if len(shown) == 20 else 0
    return {
        "title": "Safeguarding concerns in comments",
        "items": [
            {
                "text": f"On {flag.comment.account}: “{flag.comment.text[:80]}”",
                "url": reverse("moderation:detail", args=[flag.comment_id]) + "#flags",
                "hint": f"Raised {uk_datetime(flag.raised_at)}. {_handled_by(flag.comment)}",
            }
            for flag in shown
        ]
        + (
            [
                {
                    "text": f"{_plural(more, 'more concern')}",
                    "url": reverse("moderation:flags") + "?kind=safeguarding",
                    "hint": "",
                }
            ]
            if more
            else []
        ),
        "empty_text": "No safeguarding concern is open.",
    }


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
    if person.has_role(Role.SAFEGUARDING):
        found.append(_safeguarding_panel())
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
