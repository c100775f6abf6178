from herald.apps import HeraldAppConfig


class IncidentsConfig(HeraldAppConfig):
    default = True
    name = "herald.incidents"
    verbose_name = "Incidents and breaches"
    nav_items = "herald.incidents.nav.ITEMS"
    schedule = "herald.incidents.tasks.SCHEDULE"
    demo_loader = "herald.incidents.demo.seed"
    home_panels = "herald.incidents.home.panels"
    report_sections = "herald.incidents.report.sections"
    home_order = 2
