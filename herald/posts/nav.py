from herald.navigation import NavItem  # noqa: F401

ITEMS: list = []
