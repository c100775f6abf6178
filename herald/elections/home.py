"""What the elections app adds to every page (the pre-election banner) and to the home page."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from herald.elections import rules, selectors
from herald.elections.calendar import long_date
from herald.elections.models import Election
from herald.people.roles import Role

MANAGERS = (Role.COMMS, Role.MONITORING_OFFICER, Role.ADMIN)


def _active(request) -> list[Election]:
    # The banner and the home page both ask; one query per request is enough.
    if not hasattr(request, "_herald_pre_election"):
        request._herald_pre_election = list(selectors.active_periods(timezone.localdate()))
    return request._herald_pre_election


def banners(request) -> list[dict]:
    """The pre-election banner on every page while a period is in force, for staff and councillors."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    active = _active(request)
    if not active:
        return []
    # A by-election's title already names its wards: say them once.
    described = "; ".join(
        f"{election.title}"
        + ("" if election.area_text in election.title else f" ({election.area_text})")
        + f" until {long_date(election.period_ends_on)}"
        for election in active
    )
    return [
        {
            "title": "Pre-election period.",
            "text": f"{described}. Every official post needs the communications team's approval.",
            "url": reverse("elections:rules"),
            "link_text": "Read the pre-election rules",
            "kind": "warning",
        }
    ]


def _period_panel(active: list[Election]) -> dict:
    items = [
        {
            "text": f"{election.title}: the pre-election rules apply",
            "url": reverse("elections:rules"),
            "hint": f"{election.area_text[:1].upper()}{election.area_text[1:]}, from {long_date(election.period_starts_on)}, "
            f"ending {election.period_end_text}",
        }
        for election in active
    ]
    return {"title": "Pre-election period", "items": items, "empty_text": ""}


def _restricted_panel(person) -> dict:
    url = reverse("elections:restrictions")
    if person.political_restriction == person.Restriction.SPECIFIED:
        status = rules.SPECIFIED_EXEMPTION
    else:
        status = rules.SENSITIVE_EXEMPTION
    items = [{"text": f"You must not {rule}.", "url": "", "hint": ""} for _anchor, rule in rules.RESTRICTED_MAY_NOT]
    return {
        "title": "Your post is politically restricted",
        "intro": status,
        "items": items,
        "count": False,
        "link": {"url": url, "text": "Read what you may and may not do, and how exemption works"},
        "empty_text": "",
    }


def _managers_panel(today) -> dict:
    items = []
    for election in Election.objects.upcoming(today).filter(notice_published_on=None).order_by("poll_date")[:10]:
        items.append(
            {
                "text": f"Enter the notice of election date for the {election.title}",
                "url": reverse("elections:edit", args=[election.pk]),
                "hint": f"Latest legal date {long_date(election.latest_notice_on)}",
            }
        )
    return {
        "title": "Elections to complete",
        "items": items,
        "empty_text": "Every upcoming election has its notice of election date.",
    }


def panels(request) -> list[dict]:
    user = request.user
    found = []
    active = _active(request)
    if active:
        found.append(_period_panel(active))
    if user.is_politically_restricted:
        found.append(_restricted_panel(user))
    if user.has_role(*MANAGERS):
        managers = _managers_panel(timezone.localdate())
        if managers["items"]:
            found.append(managers)
    return found
