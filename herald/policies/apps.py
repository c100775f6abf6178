from herald.apps import HeraldAppConfig


class PoliciesConfig(HeraldAppConfig):
    default = True
    name = "herald.policies"
    verbose_name = "Policies"
    nav_items = "herald.policies.nav.ITEMS"
    schedule = "herald.policies.tasks.SCHEDULE"
    demo_loader = "herald.policies.demo.seed"
    home_panels = "herald.policies.home.panels"
    report_sections = "herald.policies.report.sections"
    home_order = 40
