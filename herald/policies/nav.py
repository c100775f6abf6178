from herald.navigation import NavItem
from herald.people.roles import ALL_ROLES, Role

ITEMS: list = [
    NavItem("Policies", "policies:index", ALL_ROLES),
    NavItem("Can I post this?", "policies:self_check", ALL_ROLES, top_level=True),
    NavItem("Campaigns", "policies:campaigns", frozenset({Role.COMMS, Role.ADMIN, Role.SERVICE_MANAGER})),
    NavItem("Advice requests", "policies:advice_requests", frozenset({Role.COMMS, Role.ADMIN})),
    NavItem("Consultations", "policies:consultations", ALL_ROLES),
]
