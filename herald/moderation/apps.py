from herald.apps import HeraldAppConfig


class ModerationConfig(HeraldAppConfig):
    default = True
    name = "herald.moderation"
    verbose_name = "Moderation inbox"
    nav_items = "herald.moderation.nav.ITEMS"
    schedule = "herald.moderation.tasks.SCHEDULE"
    demo_loader = "herald.moderation.demo.seed"
    home_panels = "herald.moderation.home.panels"
    home_order = 12
