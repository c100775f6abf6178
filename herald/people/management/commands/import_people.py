from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from herald.people import services


class Command(BaseCommand):
    help = (
        "Import the employee feed from the HR system (default) or the members' register (--councillors). "
        "All or nothing: any bad row rejects the file and every problem is listed by row and column."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--councillors", action="store_true", help="the file is the members' register")

    def handle(self, *args, file: Path, councillors: bool, **options):
        if not file.exists():
            raise CommandError(f"{file} does not exist")
        data = file.read_bytes()
        importer = services.import_councillors if councillors else services.import_employees
        result = importer(data, by=None, filename=file.name)
        if not result.ok:
            for error in result.errors:
                where = f"row {error.row}" if error.row else "file"
                column = f", column {error.column}" if error.column else ""
                self.stderr.write(f"{where}{column}: {error.message}")
            raise CommandError(result.summary())
        self.stdout.write(self.style.SUCCESS(result.summary()))
