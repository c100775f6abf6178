"""Database triggers that refuse any UPDATE or DELETE of an acknowledgement, whatever the route:
the ORM, raw SQL, a shell or a future admin screen. The model refuses too; this is the backstop.

TRUNCATE is deliberately not blocked on PostgreSQL: it needs table-owner rights, and the test
runner uses it to empty the database between browser tests."""

from django.db import migrations

TABLE = "policies_acknowledgement"
MESSAGE = "Acknowledgements are permanent: they can never be changed or deleted."

SQLITE_CREATE = [
    f"""CREATE TRIGGER policies_acknowledgement_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER policies_acknowledgement_no_delete BEFORE DELETE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS policies_acknowledgement_no_update",
    "DROP TRIGGER IF EXISTS policies_acknowledgement_no_delete",
]
POSTGRES_CREATE = [
    f"""CREATE OR REPLACE FUNCTION policies_acknowledgement_refuse() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation'; END;
        $$ LANGUAGE plpgsql""",
    f"""CREATE TRIGGER policies_acknowledgement_permanent BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION policies_acknowledgement_refuse()""",
]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS policies_acknowledgement_permanent ON {TABLE}",
    "DROP FUNCTION IF EXISTS policies_acknowledgement_refuse()",
]
STATEMENTS = {
    "sqlite": (SQLITE_CREATE, SQLITE_DROP),
    "postgresql": (POSTGRES_CREATE, POSTGRES_DROP),
}


def _run(schema_editor, index: int) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in STATEMENTS:
        raise RuntimeError(f"Herald protects acknowledgements with triggers on SQLite and PostgreSQL, not {vendor}.")
    for statement in STATEMENTS[vendor][index]:
        schema_editor.execute(statement)


def create_triggers(apps, schema_editor):
    _run(schema_editor, 0)


def drop_triggers(apps, schema_editor):
    _run(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("policies", "0001_initial")]
    operations = [migrations.RunPython(create_triggers, drop_triggers)]
