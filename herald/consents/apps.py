from django.apps import AppConfig


class ConsentsConfig(AppConfig):
    name = "herald.consents"
    verbose_name = "Consents"
