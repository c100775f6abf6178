"""Read one account's stream or poll its platform until stopped (started by `manage.py serve`)."""

import signal
import threading

from django.core.management.base import BaseCommand, CommandError

from herald.connectors import credentials
from herald.connectors.consumers import READERS, reader_for
from herald.social_accounts.models import Account


class Command(BaseCommand):
    help = "Read comments for one account from its platform's stream or API, until stopped."

    def add_arguments(self, parser):
        parser.add_argument("account", type=int, help="the account's id in the register")

    def handle(self, *args, account: int, **options):
        found = Account.objects.filter(pk=account).first()
        entry = credentials.for_account(found) if found else None
        if entry is None or entry.name not in READERS:
            raise CommandError(f"Account {account} has no streaming or polling connector in the secrets")
        if entry.missing:
            raise CommandError(f"{found} is missing {', '.join(entry.missing)} in the secrets")
        stop = threading.Event()

        def stopping(*_):
            # Stop between deliveries, and break off a read that is waiting for the next one; the
            # reader saves its cursor on the way out.
            stop.set()
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stopping)
        self.stdout.write(f"Reading {entry.connector.label} for {found}")
        try:
            reader_for(entry, stop=stop).run()
        except KeyboardInterrupt:
            stop.set()
