from herald.apps import HeraldAppConfig


class ReportsConfig(HeraldAppConfig):
    """Committee reports written from live data, and the dashboard panels that show how each area is doing.
    It reads every other app (their `report_sections` and records); no app imports it."""

    default = True
    name = "herald.reports"
    verbose_name = "Reports"
    nav_items = "herald.reports.nav.ITEMS"
    schedule = "herald.reports.tasks.SCHEDULE"
    home_panels = "herald.reports.home.panels"
    # After every to-do list (elections 60) and before the foundation's failures (90).
    home_order = 70

    def ready(self) -> None:
        from herald.reports import checks  # noqa: F401  (registers the report template's system check)
