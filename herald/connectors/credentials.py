"""Where connectors' secrets come from: a TOML or JSON file named by HERALD_SECRETS_FILE, and/or
JSON in the HERALD_SECRETS environment variable (whose keys win). Never the database.

    [platforms.facebook]                  # the app's secrets, shared by every page
    app_secret = "..."
    verify_token = "..."

    [accounts."facebook:HinckleyBosworthBC"]   # "<register platform>:<handle in the register>"
    account_id = "104958372615"                # the platform's id for the account
    access_token = "..."

An account's entry may name its connector (`connector = "mastodon"`) where the register's platform
is "other" (accounts registered before the register knew Mastodon).
The file is read again when it changes, so a new token needs no restart of the web server.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from herald.connectors.base import Connector
from herald.connectors.registry import CONNECTORS
from herald.social_accounts.models import Account

_cache: dict[str, Any] = {"key": None, "value": {}}


class SecretsFileError(Exception):
    pass


def _read_file(path: str) -> dict[str, Any]:
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text) if path.endswith(".json") else tomllib.loads(text)
    except (OSError, ValueError) as exc:  # a directory, no permission, gone since; not UTF-8, TOML or JSON
        raise SecretsFileError(f"The secrets file {path} cannot be read: {exc}") from exc
    return data if isinstance(data, dict) else {}


def require_file() -> None:
    """SecretsFileError if HERALD_SECRETS_FILE names a file that is not there. load() reads such a file
    as empty, so that pages offering to act on a platform fall back to doing it by hand; a webhook must
    instead tell the platform to try again later, not that it was never set up."""
    path = str(getattr(settings, "HERALD_SECRETS_FILE", "") or "")
    if path and not Path(path).exists():
        raise SecretsFileError(f"The secrets file {path} cannot be read: it does not exist")


def load() -> dict[str, Any]:
    """{"platforms": {name: {...}}, "accounts": {"platform:handle": {...}}}"""
    path = str(getattr(settings, "HERALD_SECRETS_FILE", "") or "")
    inline = os.environ.get("HERALD_SECRETS", "")
    try:
        stamp = Path(path).stat().st_mtime_ns if path else None
    except OSError:
        stamp = None
    key = (path, stamp, inline)
    if _cache["key"] == key:
        return _cache["value"]
    merged: dict[str, Any] = {"platforms": {}, "accounts": {}}
    sources = []
    if path and stamp is not None:
        sources.append(_read_file(path))
    if inline:
        try:
            sources.append(json.loads(inline))
        except ValueError as exc:
            raise SecretsFileError(f"HERALD_SECRETS is not JSON: {exc}") from exc
    for source in sources:
        for section in ("platforms", "accounts"):
            for name, values in (source.get(section) or {}).items():
                merged[section].setdefault(str(name), {}).update(values or {})
    _cache.update(key=key, value=merged)
    return merged


def app_settings(name: str) -> dict[str, Any]:
    return dict(load()["platforms"].get(name) or {})


def _handle(handle: str) -> str:
    return handle.strip().lstrip("@").lower()


def key_for(account: Account) -> str:
    return f"{account.platform}:{account.handle.strip().lstrip('@')}"


@dataclass(frozen=True)
class Configured:
    account: Account
    name: str  # the connector's name in the registry
    values: dict[str, Any]

    @property
    def connector(self) -> Connector:
        return CONNECTORS[self.name]

    @property
    def app(self) -> dict[str, Any]:
        return app_settings(self.name)

    @property
    def missing(self) -> list[str]:
        return self.connector.missing(self.app, self.values)


def for_account(account: Account) -> Configured | None:
    """The account's connector settings, if the secrets name it (complete or not)."""
    entries = load()["accounts"]
    wanted = (account.platform, _handle(account.handle))
    for key, values in entries.items():
        platform, _, handle = key.partition(":")
        if (platform, _handle(handle)) == wanted and handle:
            name = str(values.get("connector") or platform)
            if name in CONNECTORS:
                return Configured(account, name, dict(values))
    return None


def configured_accounts() -> list[Configured]:
    """Every account in the register with an entry in the secrets, in the register's order."""
    found: list[Configured] = []
    if not load()["accounts"]:
        return found  # nothing set up: no need to read the register (serve asks before the database is ready)
    for account in Account.objects.exclude(handle="").order_by("platform", "display_name"):
        entry = for_account(account)
        if entry is not None:
            found.append(entry)
    return found


def account_for(name: str, platform_account_id: str) -> Account | None:
    """The register's account that the secrets tie to this platform id on connector `name`."""
    for key, values in load()["accounts"].items():
        platform, _, handle = key.partition(":")
        if (
            str(values.get("connector") or platform) == name
            and str(values.get("account_id", "")) == platform_account_id
        ):
            return (
                Account.objects.filter(platform=platform, handle__iexact=handle).first()
                or Account.objects.filter(platform=platform, handle__iexact=f"@{handle}").first()
            )
    return None
