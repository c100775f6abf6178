"""The header navigation and site-wide banners.

The foundation's entries are in NAVIGATION; each app declares its own on its AppConfig (`nav_items`,
usually `herald.<app>.nav.ITEMS = [NavItem(...)]`; see herald/apps.py), and they follow in
INSTALLED_APPS order. The header shows each person only the entries their roles allow. Banners come
from the callables the apps declare as `banners`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from herald.apps import plugged_in
from herald.people.roles import ALL_ROLES, Role

# A breadcrumb: its words, and its address (None for the page you are on).
Crumb = tuple[str, str | None]


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset[str]
    # The header shows one entry per area (the first a person may use) plus any top-level entries;
    # the rest of an area's entries appear in the section navigation on that area's pages.
    top_level: bool = False

    @property
    def section(self) -> str:
        return self.url_name.split(":", 1)[0] if ":" in self.url_name else ""


NAVIGATION: list[NavItem] = [
    NavItem("Home", "home", ALL_ROLES),
    NavItem("People", "people:directory", frozenset({Role.HR, Role.COMMS, Role.SERVICE_MANAGER, Role.ADMIN})),
    NavItem("Imports", "people:imports", frozenset({Role.HR, Role.ADMIN})),
    NavItem("Audit trail", "audit:events", frozenset({Role.COMMS, Role.ADMIN, Role.INFO_GOV})),
    NavItem("Check the audit trail", "audit:verify", frozenset({Role.ADMIN})),
    NavItem("Roles", "people:roles", frozenset({Role.ADMIN})),
]


@cache
def all_items() -> tuple[NavItem, ...]:
    return tuple(item for _config, items in plugged_in("nav_items") for item in items)


def items_for(user) -> list[dict]:
    """Every entry this person may use, in order, each with its area (`section`)."""
    if not user.is_authenticated:
        return []
    result = []
    for item in all_items():
        if user.roles & item.roles:
            try:
                url = reverse(item.url_name)
            except NoReverseMatch:
                continue
            result.append(
                {
                    "label": item.label,
                    "url": url,
                    "name": item.url_name,
                    "section": item.section,
                    "top_level": item.top_level,
                }
            )
    return result


def header_and_section(entries: list[dict], *, path: str, section: str) -> tuple[list[dict], list[dict]]:
    """Split a person's entries into the header (one per area, plus top-level ones) and the
    section navigation for the area of the current page."""
    header, seen = [], set()
    for entry in entries:
        first_of_area = entry["section"] == "" or entry["section"] not in seen
        if first_of_area or entry["top_level"]:
            current = (
                path == "/"
                if entry["url"] == "/"
                else (
                    path.startswith(entry["url"])
                    if entry["top_level"]
                    else bool(section) and entry["section"] == section
                )
            )
            header.append({**entry, "current": current})
        if entry["section"]:
            seen.add(entry["section"])
    in_area = [e for e in entries if section and e["section"] == section and not e["top_level"]]
    section_nav = [{**e, "current": path == e["url"]} for e in in_area] if len(in_area) > 1 else []
    # A top-level entry's own page belongs to it, not to its area's first entry.
    if any(e["current"] for e in header if e["top_level"]):
        for entry in header:
            if not entry["top_level"] and entry["section"] == section:
                entry["current"] = False
        section_nav = []
    return header, section_nav


def context(request) -> dict:
    user = getattr(request, "user", None)
    entries = items_for(user) if user is not None else []
    match = getattr(request, "resolver_match", None)
    section = match.namespace if match is not None else ""
    nav, section_nav = header_and_section(entries, path=request.path, section=section)
    banners = []
    for _config, banners_for in plugged_in("banners"):
        banners.extend(banners_for(request))
    return {
        "site_banners": banners,
        "council_name": settings.COUNCIL_NAME,
        "council_short_name": settings.COUNCIL_SHORT_NAME,
        "navigation": nav,
        "section_navigation": section_nav,
    }
