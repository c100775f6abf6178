from herald.navigation import NavItem
from herald.people.roles import Role

ITEMS: list = [
    NavItem("Committee reports", "reports:index", frozenset({Role.COMMS, Role.ADMIN})),
    NavItem(
        "Monthly account report", "reports:monthly_latest", frozenset({Role.SERVICE_MANAGER, Role.COMMS, Role.ADMIN})
    ),
]
