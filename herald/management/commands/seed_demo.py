import random

from django.core.management.base import BaseCommand

from herald.apps import plugged_in
from herald.audit import services as audit


class Command(BaseCommand):
    help = "Load (or refresh) the demo council. Safe to run again: it updates the same records."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20231010, help="random seed (default: the committee date)")

    def handle(self, *args, seed: int, **options):
        # Each app's config declares its loader (`demo_loader`); they run in INSTALLED_APPS order, so
        # the people exist before the apps that use them.
        for config, load in plugged_in("demo_loader"):
            dotted = config.demo_loader
            # Each loader gets its own generator so adding one never changes another's data.
            outcome = load(random.Random(f"{seed}:{dotted}"))
            self.stdout.write(f"  {dotted}: {outcome or 'done'}")
        audit.record(actor=None, action="demo.seeded", object_type="herald.demo", object_repr="Demo council")
        self.stdout.write(self.style.SUCCESS("Demo council ready."))
