from django.apps import AppConfig


class SigninConfig(AppConfig):
    name = "herald.signin"
    verbose_name = "Sign-in and security"
