from herald.apps import HeraldAppConfig


class SocialAccountsConfig(HeraldAppConfig):
    default = True
    name = "herald.social_accounts"
    verbose_name = "Social accounts"
    nav_items = "herald.social_accounts.nav.ITEMS"
    schedule = "herald.social_accounts.tasks.SCHEDULE"
    demo_loader = "herald.social_accounts.demo.seed"
    home_panels = "herald.social_accounts.home.panels"
    home_order = 20
