from herald.apps import HeraldAppConfig


class ConnectorsConfig(HeraldAppConfig):
    default = True
    name = "herald.connectors"
    verbose_name = "Platform connectors"
    nav_items = "herald.connectors.nav.ITEMS"
    schedule = "herald.connectors.tasks.SCHEDULE"
    processes = "herald.connectors.consumers.processes"
