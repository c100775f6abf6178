from django.apps import AppConfig


class SocialAccountsConfig(AppConfig):
    name = "herald.social_accounts"
    verbose_name = "Social accounts"
