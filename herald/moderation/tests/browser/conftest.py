import importlib

import pytest
from django.db import connection

evidence_triggers = importlib.import_module("herald.moderation.migrations.0005_evidence_is_permanent")


@pytest.fixture(autouse=True)
def empty_the_evidence_before_the_flush(request):
    """Browser tests commit for real and are emptied with DELETE on SQLite, which the evidence
    triggers rightly refuse before its retention ends: for the test database only, lift them, empty
    the table and put them back before the runner flushes."""
    request.getfixturevalue("transactional_db")
    yield
    create, drop = evidence_triggers.STATEMENTS[connection.vendor]
    with connection.cursor() as cursor:
        for statement in drop:
            cursor.execute(statement)
        cursor.execute("DELETE FROM moderation_evidence")
        for statement in create:
            cursor.execute(statement)
