import random

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from herald.audit import services as audit


class Command(BaseCommand):
    help = "Load (or refresh) the demo council. Safe to run again: it updates the same records."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20231010, help="random seed (default: the committee date)")

    def handle(self, *args, seed: int, **options):
        for dotted in settings.HERALD_DEMO_SEEDERS:
            # Each seeder gets its own generator so adding one never changes another's data.
            outcome = import_string(dotted)(random.Random(f"{seed}:{dotted}"))
            self.stdout.write(f"  {dotted}: {outcome or 'done'}")
        audit.record(actor=None, action="demo.seeded", object_type="herald.demo", object_repr="Demo council")
        self.stdout.write(self.style.SUCCESS("Demo council ready."))
