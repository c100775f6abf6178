"""What Herald holds about a person beyond consent records, for a subject access request.

The consents app runs the search and the export (`/consent/subject-access/`). Other apps that keep
personal data about members of the public register a finder in their `AppConfig.ready()`:

    subject_access.register("moderation_evidence", "Evidence kept of removed comments", finder)

`finder(query) -> list[dict]` returns JSON-safe records about the person the query names (a name, a
handle, an email); the export includes each under its name, and the search page says how many."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Finder = Callable[[str], list[dict[str, Any]]]


@dataclass(frozen=True)
class Source:
    name: str
    label: str
    finder: Finder


_sources: dict[str, Source] = {}


def register(name: str, label: str, finder: Finder) -> None:
    _sources[name] = Source(name, label, finder)


def sources() -> list[Source]:
    return list(_sources.values())


def gather(query: str) -> dict[str, list[dict[str, Any]]]:
    """Every registered source's records for `query`, by source name (empty sources left out)."""
    found = {}
    for source in _sources.values():
        records = source.finder(query)
        if records:
            found[source.name] = records
    return found
