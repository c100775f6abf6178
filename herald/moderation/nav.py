from herald.navigation import NavItem
from herald.people.roles import Role

# Who works the inbox: the communications team and administrators see every account; editors and
# service managers see the accounts they edit or manage, and the queues of teams they belong to.
INBOX_ROLES = frozenset({Role.EDITOR, Role.SERVICE_MANAGER, Role.COMMS, Role.ADMIN})
MANAGE_ROLES = frozenset({Role.COMMS, Role.ADMIN})

ITEMS: list = [
    NavItem("Inbox", "moderation:inbox", INBOX_ROLES),
    NavItem("Flags", "moderation:flags", INBOX_ROLES),
    NavItem("Import comments", "moderation:import_csv", INBOX_ROLES),
    NavItem("Ingest tokens", "moderation:tokens", MANAGE_ROLES),
]
