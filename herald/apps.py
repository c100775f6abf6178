"""What each Herald app adds to the site, declared on its AppConfig.

An app's config names, by dotted path, the things it plugs in; Herald reads them from the installed
apps, in INSTALLED_APPS order, and from nowhere else (no module is looked for by name):

    class ModerationConfig(HeraldAppConfig):
        default = True  # apps.py imports HeraldAppConfig too, so say which config is the app's
        name = "herald.moderation"
        nav_items = "herald.moderation.nav.ITEMS"          # list[NavItem]
        schedule = "herald.moderation.tasks.SCHEDULE"      # [(task, seconds between runs or DailyAt)]
        demo_loader = "herald.moderation.demo.seed"        # seed(rng) -> str, idempotent
        home_panels = "herald.moderation.home.panels"      # panels(request) -> list[dict]
        banners = "herald.moderation.home.banners"         # banners(request) -> list[dict]
        report_sections = "herald.moderation.report.sections"  # sections(period) -> list[figures.Part]
        processes = "herald.connectors.consumers.processes"  # processes() -> {name: manage.py args}

The paths are resolved when first used, not when the config is loaded, because they import models."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig, apps
from django.utils.module_loading import import_string

PLUG_INS = ("nav_items", "schedule", "demo_loader", "home_panels", "banners", "report_sections", "processes")


class HeraldAppConfig(AppConfig):
    nav_items: str = ""
    schedule: str = ""
    demo_loader: str = ""
    home_panels: str = ""
    # Home-page panels are shown lowest first: the most urgent to-do lists (posts to approve) at the top.
    home_order: int = 50
    banners: str = ""
    # The app's figures for the committee report (herald.figures): the reports app reads them, so no
    # app imports reports.
    report_sections: str = ""
    # Long-running processes `manage.py serve` keeps running beside the task workers (stream readers).
    processes: str = ""

    def plug_in(self, kind: str) -> Any:
        """The object this app declares for `kind` (one of PLUG_INS), or None if it declares none."""
        if kind not in PLUG_INS:
            raise ValueError(f"Unknown plug-in point {kind!r}")
        dotted = getattr(self, kind)
        return import_string(dotted) if dotted else None


class HeraldConfig(HeraldAppConfig):
    """The foundation: the home page, the navigation shared by every area and the outgoing-email queue."""

    default = True
    name = "herald"
    nav_items = "herald.navigation.NAVIGATION"
    schedule = "herald.tasks.SCHEDULE"
    home_panels = "herald.home.panels"
    home_order = 90

    def ready(self) -> None:
        # The engine adapter keeps the members' register and clause links for a minute; a change
        # to either clears that process's copy at once.
        from herald import mail, subject_access
        from herald.checking import connect_cache_signals

        connect_cache_signals()
        # Emails to members of the public (consent receipts) are personal data while they are kept.
        subject_access.register("emails", "Emails sent to them that Herald still holds", mail.subject_access_records)


def herald_apps() -> list[HeraldAppConfig]:
    return [config for config in apps.get_app_configs() if isinstance(config, HeraldAppConfig)]


def plugged_in(kind: str) -> list[tuple[HeraldAppConfig, Any]]:
    """Every app's declaration for `kind`, in INSTALLED_APPS order, with the app that made it."""
    found = []
    for config in herald_apps():
        thing = config.plug_in(kind)
        if thing is not None:
            found.append((config, thing))
    return found
