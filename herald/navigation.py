"""The header navigation and site-wide banners.

The foundation's entries are in NAVIGATION; each app adds its own in `herald/<app>/nav.py` as
`ITEMS = [NavItem(...)]`. The header shows each person only the entries their roles allow.
Banners come from the callables in settings.HERALD_BANNERS."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string

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


@cache
def all_items() -> tuple[NavItem, ...]:
    items = list(NAVIGATION)
    for config in apps.get_app_configs():
        if not config.name.startswith("herald."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.nav")
        except ModuleNotFoundError:
            continue
        items.extend(module.ITEMS)
    return tuple(items)


def items_for(user) -> list[dict]:
    if not user.is_authenticated:
        return []
    result = []
    for item in all_items():
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
    banners = []
    for hook in settings.HERALD_BANNERS:
        banners.extend(import_string(hook)(request))
    return {
        "site_banners": banners,
        "council_name": settings.COUNCIL_NAME,
        "council_short_name": settings.COUNCIL_SHORT_NAME,
        "navigation": nav,
    }
