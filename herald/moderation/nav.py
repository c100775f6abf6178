from herald.navigation import NavItem
from herald.people.roles import Role

# Who works the inbox: the communications team and administrators see every account; editors and
# service managers see the accounts they edit or manage, and the queues of teams they belong to.
INBOX_ROLES = frozenset({Role.EDITOR, Role.SERVICE_MANAGER, Role.COMMS, Role.ADMIN})
MANAGE_ROLES = frozenset({Role.COMMS, Role.ADMIN})
# The safeguarding lead also opens the comments flagged as a safeguarding concern (and only those, see
# selectors.visible_comments), their flags queue, and closes the concern or adds a note.
CONCERN_ROLES = INBOX_ROLES | {Role.SAFEGUARDING}

ITEMS: list = [
    NavItem("Inbox", "moderation:inbox", INBOX_ROLES),
    NavItem("Flags", "moderation:flags", CONCERN_ROLES),
    NavItem("Import comments", "moderation:import_csv", INBOX_ROLES),
    NavItem("Ingest tokens", "moderation:tokens", MANAGE_ROLES),
    # Handling (handling_views.py)
    NavItem("Councillor-abuse cases", "moderation:cases", frozenset({Role.MONITORING_OFFICER, Role.COMMS, Role.ADMIN})),
    NavItem("Moderation rules", "moderation:rules", MANAGE_ROLES),
    NavItem("Saved replies", "moderation:saved_replies", MANAGE_ROLES),
    NavItem("Reply approval", "moderation:reply_approval", MANAGE_ROLES),
    NavItem("House rules", "moderation:house_rules_edit", MANAGE_ROLES),
    NavItem("Inbox teams", "moderation:teams", MANAGE_ROLES),  # team_views.py
    NavItem("Blocked authors", "moderation:blocked_authors", INBOX_ROLES),
    NavItem("Abuse aimed at you", "moderation:my_cases", frozenset({Role.COUNCILLOR})),
]
