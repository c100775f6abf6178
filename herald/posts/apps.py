from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "herald.posts"
    verbose_name = "Posts"
