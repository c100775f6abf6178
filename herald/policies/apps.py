from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "herald.policies"
    verbose_name = "Policies"
