from herald.apps import HeraldAppConfig


class ElectionsConfig(HeraldAppConfig):
    default = True
    name = "herald.elections"
    verbose_name = "Elections"
    nav_items = "herald.elections.nav.ITEMS"
    schedule = "herald.elections.tasks.SCHEDULE"
    demo_loader = "herald.elections.demo.seed"
    home_panels = "herald.elections.home.panels"
    home_order = 60
    banners = "herald.elections.home.banners"
