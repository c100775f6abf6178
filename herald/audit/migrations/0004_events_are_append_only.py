"""Database triggers that refuse any UPDATE or DELETE of an audit event, whatever the route:
the ORM, raw SQL, a shell or a future admin screen. The model refuses too; this is the backstop.
The head row (audit_audithead) moves on every write, so it is not protected; the chain and the
checkpoints outside the database prove it instead.

Written as policies/0002 protects acknowledgements. TRUNCATE is deliberately not blocked on
PostgreSQL: it needs table-owner rights, and the test runner uses it between browser tests.

SQLite drops a table's triggers when a migration rebuilds the table (most AlterField/AddField
operations do): a later migration that changes audit_auditevent must call `create_triggers`
again after its schema operations."""

from django.db import migrations

TABLE = "audit_auditevent"
MESSAGE = "Audit events are append-only: they can never be changed or deleted."

SQLITE_CREATE = [
    f"""CREATE TRIGGER audit_auditevent_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER audit_auditevent_no_delete BEFORE DELETE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS audit_auditevent_no_update",
    "DROP TRIGGER IF EXISTS audit_auditevent_no_delete",
]
POSTGRES_CREATE = [
    f"""CREATE OR REPLACE FUNCTION audit_auditevent_refuse() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation'; END;
        $$ LANGUAGE plpgsql""",
    f"""CREATE TRIGGER audit_auditevent_append_only BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION audit_auditevent_refuse()""",
]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS audit_auditevent_append_only ON {TABLE}",
    "DROP FUNCTION IF EXISTS audit_auditevent_refuse()",
]
STATEMENTS = {
    "sqlite": (SQLITE_CREATE, SQLITE_DROP),
    "postgresql": (POSTGRES_CREATE, POSTGRES_DROP),
}


def _run(schema_editor, index: int) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in STATEMENTS:
        raise RuntimeError(f"Herald protects the audit trail with triggers on SQLite and PostgreSQL, not {vendor}.")
    for statement in STATEMENTS[vendor][index]:
        schema_editor.execute(statement)


def create_triggers(apps, schema_editor):
    _run(schema_editor, 0)


def drop_triggers(apps, schema_editor):
    _run(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_events_name_their_key")]
    operations = [migrations.RunPython(create_triggers, drop_triggers)]
