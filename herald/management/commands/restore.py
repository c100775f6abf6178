import datetime as dt
import sys
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from herald.audit.models import AuditEvent
from herald.audit.services import archive_checkpoints_after, record, verify_chain
from herald.backup import BackupError, check_can_restore, database_has_data, open_backup, restore_backup


class Command(BaseCommand):
    help = (
        "Restore the database and the uploaded media from a backup made by `manage.py backup`, then prove "
        "the audit trail. Stop the web server and the task worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The backup file (.tar.gz) to restore.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database that already holds people or audit events without asking.",
        )
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Never ask; refuse instead of overwriting data unless --force is given.",
        )

    def handle(self, *args, **options):
        using = "default"
        with tempfile.TemporaryDirectory(prefix="herald-restore-") as workdir:
            try:
                manifest = open_backup(Path(options["archive"]), Path(workdir))
                check_can_restore(manifest, using=using)
            except BackupError as error:
                raise CommandError(str(error))
            self.stdout.write(
                f"Backup checked: made {manifest.get('created_at', 'at an unknown time')} by Herald "
                f"{manifest.get('herald_version', 'unknown version')}, "
                f"{manifest['engine']} database, {len(manifest['files']) - 1} media files, checksums match."
            )
            if database_has_data(using) and not options["force"]:
                self._confirm_overwrite(options["interactive"])
            try:
                report = restore_backup(Path(workdir), manifest, using=using)
            except BackupError as error:
                raise CommandError(f"The restore failed: {error}")
        self.stdout.write(
            self.style.SUCCESS(f"Restored the database and {report.media_files} media files from {options['archive']}.")
        )
        if report.unapplied_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"The backup is from an older Herald: run `manage.py migrate` to apply "
                    f"{len(report.unapplied_migrations)} newer migrations."
                )
            )
        self._audit_checkpoints(options["archive"], manifest)

    def _audit_checkpoints(self, archive: str, manifest: dict) -> None:
        """Prove the restored chain, then move aside the checkpoints written after the backup was taken
        (they saw events that are not in it, and new events will take their numbers), so the nightly
        check holds the chain against the checkpoints that cover it instead of reporting it tampered."""
        chain = verify_chain(checkpoints=False)
        if not chain.ok:
            raise CommandError(
                f"Restored, but the audit chain is BROKEN after {chain.checked} good events: {chain.problem}."
            )
        last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        try:
            backup_made = dt.datetime.fromisoformat(str(manifest["created_at"]))
        except (KeyError, ValueError):
            raise CommandError(
                "Restored, but the backup does not say when it was made, so the audit checkpoints were left as "
                "they are and the trail was not proved against them: run `manage.py verify_audit`."
            )
        archived = archive_checkpoints_after(last, backup_made=backup_made)
        if archived.before_backup:
            first = min(archived.before_backup, key=lambda checkpoint: checkpoint.event_id)
            raise CommandError(
                f"Restored, but this backup is MISSING AUDIT EVENTS: it ends at event {last}, yet "
                f"{len(archived.before_backup)} audit checkpoints written before it was made "
                f"({manifest['created_at']}) name later events (the first, written {first.at}, names event "
                f"{first.event_id}). Its audit trail was cut short after it was made. No checkpoint was moved "
                "aside; restore a backup you can trust."
            )
        if archived.problem:
            self.stdout.write(self.style.WARNING(f"The audit checkpoints were left as they are: {archived.problem}."))
        elif archived.moved:
            details = {
                "moved": archived.moved,
                "kept": archived.kept,
                "after_event": last,
                "archive": str(archived.archive),
                "backup": archive,
                "backup_made": manifest.get("created_at", ""),
            }
            try:
                record(
                    actor="manage.py restore",
                    action="audit.checkpoints_archived",
                    object_type="audit.checkpoint",
                    object_repr=f"{archived.moved} checkpoints after event {last}",
                    after=details,
                    reason="A backup taken before these checkpoints were written was restored",
                )
                recorded = "This is recorded in the audit trail."
            except DatabaseError as error:  # an older backup's audit table, until `migrate` is run
                recorded = f"This could not be recorded in the audit trail ({error}): note it by hand."
            self.stdout.write(
                self.style.WARNING(
                    f"Moved {archived.moved} audit checkpoints written after this backup was taken aside to "
                    f"{archived.archive}: they saw events after event {last}, which are not in the backup. "
                    f"{recorded} The nightly check now holds the trail against the {archived.kept} checkpoints "
                    "this copy covers."
                )
            )
        against = verify_chain(checkpoints=True)
        if not against.ok:
            raise CommandError(
                f"Restored, but the audit chain does not match its checkpoints after {against.checked} good "
                f"events: {against.problem}."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Audit chain intact: {against.checked} events verified, matching {against.checkpoints} checkpoints."
            )
        )

    def _confirm_overwrite(self, interactive: bool) -> None:
        refusal = "This database already holds people or audit events. Restoring replaces all of it"
        if not interactive or not sys.stdin.isatty():
            raise CommandError(f"{refusal}; run again with --force to go ahead.")
        answer = input(f"{refusal}. Type 'yes' to replace it: ")
        if answer.strip().lower() != "yes":
            raise CommandError("Restore cancelled; nothing was changed.")
