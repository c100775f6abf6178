from herald.navigation import NavItem
from herald.people.roles import ALL_ROLES, Role

ITEMS = [
    NavItem("Accounts", "social_accounts:register", frozenset({Role.COMMS, Role.ICT, Role.ADMIN})),
    NavItem("My accounts", "social_accounts:mine", frozenset({Role.EDITOR})),
    NavItem("Account requests", "social_accounts:requests", ALL_ROLES - {Role.COUNCILLOR}),
]
