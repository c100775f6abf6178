"""Database triggers that keep evidence as it was taken, whatever the route (the ORM, raw SQL, a
shell): UPDATE is always refused, DELETE until the row's `keep_until` day has passed (the retention
task's work). The model refuses both too; this is the backstop. TRUNCATE is not blocked on PostgreSQL
(it needs the table owner, and the test runner empties tables with it)."""

from django.db import migrations

TABLE = "moderation_evidence"
KEPT = "Evidence cannot be changed once it is kept."
EARLY = "Evidence cannot be deleted before its retention period ends."

SQLITE_CREATE = [
    f"""CREATE TRIGGER moderation_evidence_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, '{KEPT}'); END""",
    f"""CREATE TRIGGER moderation_evidence_no_early_delete BEFORE DELETE ON {TABLE}
        WHEN OLD.keep_until >= date('now')
        BEGIN SELECT RAISE(ABORT, '{EARLY}'); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS moderation_evidence_no_update",
    "DROP TRIGGER IF EXISTS moderation_evidence_no_early_delete",
]
POSTGRES_CREATE = [
    f"""CREATE OR REPLACE FUNCTION moderation_evidence_refuse() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'UPDATE' THEN
            RAISE EXCEPTION '{KEPT}' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          IF OLD.keep_until >= CURRENT_DATE THEN
            RAISE EXCEPTION '{EARLY}' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN OLD;
        END;
        $$ LANGUAGE plpgsql""",
    f"""CREATE TRIGGER moderation_evidence_permanent BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION moderation_evidence_refuse()""",
]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS moderation_evidence_permanent ON {TABLE}",
    "DROP FUNCTION IF EXISTS moderation_evidence_refuse()",
]
STATEMENTS = {"sqlite": (SQLITE_CREATE, SQLITE_DROP), "postgresql": (POSTGRES_CREATE, POSTGRES_DROP)}


def _run(schema_editor, index: int) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in STATEMENTS:
        raise RuntimeError(f"Herald protects evidence with triggers on SQLite and PostgreSQL, not {vendor}.")
    for statement in STATEMENTS[vendor][index]:
        schema_editor.execute(statement)


def create_triggers(apps, schema_editor):
    _run(schema_editor, 0)


def drop_triggers(apps, schema_editor):
    _run(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("moderation", "0004_handling")]
    operations = [migrations.RunPython(create_triggers, drop_triggers)]
