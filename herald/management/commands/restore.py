import sys
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from herald.audit.services import verify_chain
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
                f"Backup checked: made {manifest['created_at']} by Herald {manifest['herald_version']}, "
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
        # The keyed chain proves the copy itself; checkpoints written since the backup was taken are
        # expected to run past it, so they are reported, not treated as a failed restore. The chain is
        # walked a second time, without the checkpoints, only when they disagree.
        against = verify_chain(checkpoints=True)
        chain = against if against.ok else verify_chain(checkpoints=False)
        if not chain.ok:
            raise CommandError(
                f"Restored, but the audit chain is BROKEN after {chain.checked} good events: {chain.problem}."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {chain.checked} events verified."))
        if not against.ok:
            self.stdout.write(
                self.style.WARNING(
                    f"The audit checkpoints do not match this copy: {against.problem}. If the backup is older than "
                    "the newest checkpoints, this is expected: the events written after the backup are not in it."
                )
            )

    def _confirm_overwrite(self, interactive: bool) -> None:
        refusal = "This database already holds people or audit events. Restoring replaces all of it"
        if not interactive or not sys.stdin.isatty():
            raise CommandError(f"{refusal}; run again with --force to go ahead.")
        answer = input(f"{refusal}. Type 'yes' to replace it: ")
        if answer.strip().lower() != "yes":
            raise CommandError("Restore cancelled; nothing was changed.")
