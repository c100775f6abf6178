from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "herald.incidents"
    verbose_name = "Incidents and breaches"
