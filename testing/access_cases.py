"""What the every-URL-by-every-role test expects of each URL name.

Each app with views keeps `herald/<app>/tests/access.py` defining

    def cases(cast, make) -> dict[str, Case]

where `cast` maps each role to a person holding it (see conftest.py) and `make` is a dict
apps may use to share objects they create. A URL name with no Case fails the build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PUBLIC = "public"


@dataclass
class Case:
    allowed: frozenset[str] | str
    kwargs: dict = field(default_factory=dict)
    ok_status: int = 200
    # A role that passes the role rule but is refused by an object rule, e.g. {"service_manager": 403}.
    status_for: dict[str, int] = field(default_factory=dict)
    query: str = ""
    # A POST every role is walked through with real data (the live check with a library photo), and
    # text its answer may hold only for the roles in `reveals_to`: a side door tells no more than the
    # front door (here, the media library) would.
    post: dict | None = None
    reveals: str = ""
    reveals_to: frozenset[str] = frozenset()
