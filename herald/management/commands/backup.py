from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from herald.backup import BackupError, create_backup, default_backup_name


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded media into one .tar.gz with a checksummed manifest. "
        "Safe to run while Herald is running."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            default="",
            help="The archive to write, or a folder to write it in (default: herald-backup-<UTC time>.tar.gz here).",
        )

    def handle(self, *args, **options):
        output = Path(options["output"] or ".")
        if output.is_dir():
            output = output / default_backup_name()
        try:
            manifest = create_backup(output, using="default")
        except BackupError as error:
            raise CommandError(str(error))
        media = sum(1 for name in manifest["files"] if name.startswith("media/"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {manifest['engine']} database ({manifest['audit_events']} audit events) "
                f"and {media} media files to {output}."
            )
        )
        self.stdout.write("The backup holds personal data: encrypt it and keep it off this server.")
