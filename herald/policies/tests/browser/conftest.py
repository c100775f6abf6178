import importlib

import pytest
from django.db import connection

triggers = importlib.import_module("herald.policies.migrations.0002_acknowledgements_are_permanent")


@pytest.fixture(autouse=True)
def empty_acknowledgements_before_the_flush(live_server, policy_documents):
    """Browser tests commit for real, and the test runner empties SQLite with DELETE, which the
    permanence triggers rightly refuse. So, for the test database only, lift them, empty the table
    and put them straight back before the runner flushes."""
    yield
    with connection.schema_editor() as editor:
        triggers.drop_triggers(None, editor)
        editor.execute("UPDATE policies_assignment SET acknowledgement_id = NULL")
        editor.execute("DELETE FROM policies_acknowledgement")
        triggers.create_triggers(None, editor)
