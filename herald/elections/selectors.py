"""Read-only questions other apps ask about elections. The contract (names and return shapes)
is relied on by the policies self-check, the posts workflow and the check engine context."""

from __future__ import annotations

import datetime as dt


def pre_election_context(on: dt.date | None = None) -> dict:
    """{"pre_election": bool, "wards": list[str] | None}: whether a pre-election period is in force
    on `on` (default today) and, for by-elections only, the wards it covers (None = whole council)."""
    return {"pre_election": False, "wards": None}
