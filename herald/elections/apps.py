from django.apps import AppConfig


class ElectionsConfig(AppConfig):
    name = "herald.elections"
    verbose_name = "Elections"
