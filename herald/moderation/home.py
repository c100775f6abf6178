from __future__ import annotations

from django.urls import reverse

from herald.moderation import selectors
from herald.moderation.nav import INBOX_ROLES


def panels(request) -> list[dict]:
    from herald.moderation.handling_home import panels as handling_panels

    return _inbox_panels(request) + handling_panels(request)


def _inbox_panels(request) -> list[dict]:
    person = request.user
    if not person.has_role(*INBOX_ROLES):
        return []
    mine = selectors.visible_comments(person).filter(assignee=person, status__in=("assigned", "waiting", "escalated"))
    flags = selectors.open_flags(person)
    items = []
    count = mine.count()
    if count:
        items.append(
            {
                "text": f"{count} comment{'s' if count != 1 else ''} assigned to you",
                "url": reverse("moderation:inbox") + "?assignee=me&status=open",
                "hint": "",
            }
        )
    flagged = flags.count()
    if flagged:
        items.append(
            {
                "text": f"{flagged} open flag{'s' if flagged != 1 else ''} (requests, complaints, concerns)",
                "url": reverse("moderation:flags"),
                "hint": "Freedom of information requests have 20 working days",
            }
        )
    return [{"title": "Moderation inbox", "items": items, "empty_text": "Nothing in the inbox needs you."}]
