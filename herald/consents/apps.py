from herald.apps import HeraldAppConfig


class ConsentsConfig(HeraldAppConfig):
    default = True
    name = "herald.consents"
    verbose_name = "Consents"
    nav_items = "herald.consents.nav.ITEMS"
    schedule = "herald.consents.tasks.SCHEDULE"
    demo_loader = "herald.consents.demo.seed"
    home_panels = "herald.consents.home.panels"
    report_sections = "herald.consents.report.sections"
    home_order = 30
