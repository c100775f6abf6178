from herald.navigation import NavItem
from herald.risks.services import READERS

ITEMS: list = [
    NavItem("Risks", "risks:register", frozenset(READERS)),
    NavItem("Scoring matrix", "risks:matrix", frozenset(READERS)),
]
