from herald.apps import HeraldAppConfig


class ConnectorsConfig(HeraldAppConfig):
    default = True
    name = "herald.connectors"
    verbose_name = "Platform connectors"
    nav_items = "herald.connectors.nav.ITEMS"
    schedule = "herald.connectors.tasks.SCHEDULE"
    processes = "herald.connectors.consumers.processes"

    def ready(self) -> None:
        from herald.connectors import services

        # Replies written in the inbox go out through the account's connector where one can send them.
        services.register_with_inbox()
