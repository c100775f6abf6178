"""The header navigation, by role. Apps add their entries to NAVIGATION; the header shows each
person only the entries their roles allow."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from herald.people.roles import ALL_ROLES, Role


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset[str]


NAVIGATION: list[NavItem] = [
    NavItem("Home", "home", ALL_ROLES),
    NavItem("People", "people:directory", frozenset({Role.HR, Role.COMMS, Role.SERVICE_MANAGER, Role.ADMIN})),
    NavItem("Imports", "people:imports", frozenset({Role.HR, Role.ADMIN})),
    NavItem("Audit trail", "audit:events", frozenset({Role.COMMS, Role.ADMIN, Role.INFO_GOV})),
    NavItem("Roles", "people:roles", frozenset({Role.ADMIN})),
]


def items_for(user) -> list[dict]:
    if not user.is_authenticated:
        return []
    result = []
    for item in NAVIGATION:
        if user.roles & item.roles:
            try:
                result.append({"label": item.label, "url": reverse(item.url_name), "name": item.url_name})
            except NoReverseMatch:
                continue
    return result


def context(request) -> dict:
    user = getattr(request, "user", None)
    nav = items_for(user) if user is not None else []
    path = request.path
    for entry in nav:
        entry["current"] = path == entry["url"] if entry["url"] == "/" else path.startswith(entry["url"])
    return {
        "council_name": settings.COUNCIL_NAME,
        "council_short_name": settings.COUNCIL_SHORT_NAME,
        "navigation": nav,
    }
