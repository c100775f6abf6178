from herald.apps import HeraldAppConfig


class RisksConfig(HeraldAppConfig):
    default = True
    name = "herald.risks"
    verbose_name = "Risk register"
    nav_items = "herald.risks.nav.ITEMS"
    schedule = "herald.risks.tasks.SCHEDULE"
    demo_loader = "herald.risks.demo.seed"
    home_panels = "herald.risks.home.panels"
    report_sections = "herald.risks.report.sections"
    home_order = 4
