from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "herald.risks"
    verbose_name = "Risk register"
