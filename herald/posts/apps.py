from herald.apps import HeraldAppConfig


class PostsConfig(HeraldAppConfig):
    default = True
    name = "herald.posts"
    verbose_name = "Posts"
    nav_items = "herald.posts.nav.ITEMS"
    schedule = "herald.posts.tasks.SCHEDULE"
    demo_loader = "herald.posts.demo.seed"
    home_panels = "herald.posts.home.panels"
    home_order = 10
    banners = "herald.posts.home.banners"

    def ready(self) -> None:
        from herald.posts.checking import connect_cache_signals

        connect_cache_signals()
