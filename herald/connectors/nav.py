from herald.navigation import NavItem
from herald.people.roles import Role

# Who may see how the connectors are doing: the communications team, who run the inbox, ICT, who
# hold the secrets, and administrators. Nobody ever sees a secret.
STATUS_ROLES = frozenset({Role.COMMS, Role.ICT, Role.ADMIN})

ITEMS: list = [NavItem("Connectors", "connectors:status", STATUS_ROLES)]
