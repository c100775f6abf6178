from herald.apps import HeraldAppConfig


class SocialAccountsConfig(HeraldAppConfig):
    default = True
    name = "herald.social_accounts"
    verbose_name = "Social accounts"
    nav_items = "herald.social_accounts.nav.ITEMS"
    schedule = "herald.social_accounts.tasks.SCHEDULE"
    demo_loader = "herald.social_accounts.demo.seed"
    home_panels = "herald.social_accounts.home.panels"
    report_sections = "herald.social_accounts.report.sections"
    home_order = 20

    def ready(self) -> None:
        # Someone leaving stops editing every account, and requests that name them go back.
        from herald.people.leavers import on_person_left
        from herald.social_accounts.services import handle_leaver

        on_person_left(handle_leaver)
