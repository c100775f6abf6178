from herald.navigation import NavItem
from herald.people.roles import ALL_ROLES, Role

ITEMS: list = [
    NavItem("Incidents", "incidents:index", ALL_ROLES),
    NavItem("Breach log", "incidents:breach_log", frozenset({Role.INFO_GOV})),
]
