from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "herald.posts"
    verbose_name = "Posts"

    def ready(self) -> None:
        from herald.checking import connect_cache_signals

        connect_cache_signals()
