"""Queue the platform deliveries that could not be read to be read again."""

from django.core.management.base import BaseCommand

from herald.connectors import services
from herald.connectors.models import RawEvent


class Command(BaseCommand):
    help = (
        "Read again the deliveries that failed (after a connector is fixed or a missing account is added "
        "to the secrets). Comments already in the inbox are not stored twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--connector", default="", help="only this connector's, e.g. facebook")

    def handle(self, *args, connector: str, **options):
        failed = RawEvent.objects.failed()
        if connector:
            failed = failed.filter(connector=connector)
        count = services.read_again(list(failed))
        self.stdout.write(f"{count} deliveries queued to be read again.")
