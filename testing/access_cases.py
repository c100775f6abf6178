"""What the every-URL-by-every-role test expects of each URL name.

Each app with views keeps `herald/<app>/tests/access.py` defining

    def cases(cast, make) -> dict[str, Case]

where `cast` maps each role to a person holding it (see conftest.py) and `make` is a dict
apps may use to share objects they create. A URL name with no Case fails the build.
"""

from __future__ import annotations

import importlib
import pkgutil
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
    # The page shows each role something different (home, a dashboard): the every-page accessibility
    # walk opens it as every role it lets in, not only one.
    per_role: bool = False
    # The page's main form, sent empty, comes back with an error summary: the accessibility walk
    # checks that page too.
    form_errors: bool = False

    def status(self, role: str | None) -> int:
        """The status a GET answers this role (None: an anonymous visitor) with."""
        if role is None:
            return self.ok_status if self.allowed == PUBLIC else 302
        if self.allowed == PUBLIC or role in self.allowed:
            return self.status_for.get(role, self.ok_status)
        return 403


def url_names(patterns=None, namespace=""):
    """Every URL pattern's full name (with its namespaces) and view."""
    from django.urls import URLPattern, URLResolver, get_resolver

    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", entry.callback


def _access_modules():
    import herald

    yield importlib.import_module("herald.tests.access")
    for module in pkgutil.iter_modules(herald.__path__):
        if not module.ispkg:
            continue
        try:
            yield importlib.import_module(f"herald.{module.name}.tests.access")
        except ModuleNotFoundError:
            continue


def all_cases(cast) -> dict[str, Case]:
    """Every app's cases, keyed by URL name, with the objects they need made in the database."""
    make: dict = {}
    found: dict[str, Case] = {}
    for module in _access_modules():
        found.update(module.cases(cast, make))
    return found
