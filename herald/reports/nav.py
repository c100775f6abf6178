from herald.navigation import NavItem
from herald.people.roles import Role

ITEMS: list = [
    NavItem("Committee reports", "reports:index", frozenset({Role.COMMS, Role.ADMIN})),
]
