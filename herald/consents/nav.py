from herald.navigation import NavItem
from herald.people.roles import ALL_ROLES, Role

ITEMS: list = [
    NavItem("Consent", "consents:index", ALL_ROLES),
    NavItem("Media library", "consents:media", frozenset({Role.COMMS, Role.EDITOR, Role.INFO_GOV})),
    NavItem("Subject access", "consents:subject_access", frozenset({Role.INFO_GOV})),
]
