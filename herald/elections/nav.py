from herald.navigation import NavItem
from herald.people.roles import Role

ITEMS: list = [
    NavItem("Elections", "elections:list", frozenset({Role.COMMS, Role.MONITORING_OFFICER, Role.ADMIN})),
]
