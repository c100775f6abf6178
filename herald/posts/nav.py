from herald.navigation import NavItem
from herald.people.roles import Role

ITEMS: list = [
    NavItem("Posts", "posts:index", frozenset({Role.EDITOR, Role.COMMS, Role.SERVICE_MANAGER})),
    NavItem("Archive", "posts:archive", frozenset({Role.COMMS, Role.ADMIN, Role.INFO_GOV, Role.MONITORING_OFFICER})),
    NavItem(
        "Calendar",
        "posts:calendar",
        frozenset({Role.EDITOR, Role.COMMS, Role.SERVICE_MANAGER, Role.ADMIN, Role.INFO_GOV, Role.MONITORING_OFFICER}),
    ),
    NavItem(
        "Block overrides",
        "posts:overrides",
        frozenset({Role.COMMS, Role.ADMIN, Role.INFO_GOV, Role.MONITORING_OFFICER}),
    ),
    NavItem("Approval rules", "posts:rules", frozenset({Role.COMMS, Role.ADMIN})),
    NavItem("Stop publishing", "posts:stop", frozenset({Role.COMMS}), top_level=True),
]
