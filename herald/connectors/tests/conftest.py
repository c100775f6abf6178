import json

import pytest

from herald.connectors import credentials, services


@pytest.fixture
def secrets(settings, tmp_path):
    """Write the secrets file the connectors read: `secrets({"platforms": ..., "accounts": ...})`."""
    path = tmp_path / "secrets.json"
    settings.HERALD_SECRETS_FILE = str(path)

    def write(data: dict) -> dict:
        path.write_text(json.dumps(data))
        credentials._cache["key"] = None
        return data

    write({})
    services._LOGGED_REASONS.clear()  # each test starts as a fresh process would, with nothing logged yet
    yield write
    credentials._cache["key"] = None


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A block whose transactions commit as in production: what they leave for after commit runs."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
