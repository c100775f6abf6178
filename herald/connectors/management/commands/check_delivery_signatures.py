"""Check the signatures of the kept webhook deliveries again."""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from herald.connectors import services
from herald.connectors.models import RawEvent


class Command(BaseCommand):
    help = (
        "Check each kept webhook delivery's signature again, against the headers kept with it and the app's "
        "secret. A delivery Herald took a removed comment's words out of says so (when and why) rather than "
        "failing; one that does not match for any other reason is reported as forged or altered. Exits 1 if any is."
    )

    def add_arguments(self, parser):
        parser.add_argument("--connector", default="", help="only this connector's, e.g. facebook")

    def handle(self, *args, connector: str, **options):
        events = RawEvent.objects.filter(source=RawEvent.Source.WEBHOOK).order_by("received_at", "id")
        if connector:
            events = events.filter(connector=connector)
        counts: Counter[str] = Counter()
        for event in events.iterator():
            found = services.check_signature(event)
            counts[found.outcome] += 1
            if found.outcome != "verified":
                self.stdout.write(f"Delivery {event.pk} ({event}): {found.words}")
        self.stdout.write(
            f"{counts['verified']} verified, {counts['scrubbed']} verified when they arrived and scrubbed since, "
            f"{counts['unchecked']} could not be checked, {counts['forged']} forged or altered."
        )
        if counts["forged"]:
            raise CommandError(f"{counts['forged']} deliveries do not match their signatures: forged or altered")
