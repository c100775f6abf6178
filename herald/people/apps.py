from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "herald.people"
    verbose_name = "People"
