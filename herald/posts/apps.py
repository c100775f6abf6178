from herald.apps import HeraldAppConfig


class PostsConfig(HeraldAppConfig):
    default = True
    name = "herald.posts"
    verbose_name = "Posts"
    nav_items = "herald.posts.nav.ITEMS"
    schedule = "herald.posts.tasks.SCHEDULE"
    demo_loader = "herald.posts.demo.seed"
    home_panels = "herald.posts.home.panels"
    report_sections = "herald.posts.report.sections"
    home_order = 10
    banners = "herald.posts.home.banners"

    def ready(self) -> None:
        # Withdrawing consent stops the unpublished posts that use the person's photos.
        from herald.consents.withdrawal import on_consent_withdrawn
        from herald.posts.services import stop_posts_for_withdrawn_consent

        on_consent_withdrawn("post", stop_posts_for_withdrawn_consent)
