import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from herald.elections import selectors
from herald.elections.calendar import long_date


def _parse(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"'{value}' is not a date: give the poll date as YYYY-MM-DD, like 2027-05-06") from exc


class Command(BaseCommand):
    help = (
        "Print the latest date the notice of election can be published for a poll date (25 working days "
        "before), and every day not counted as a working day, with the reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("poll_date", help="the poll date, YYYY-MM-DD")

    def handle(self, *args, poll_date: str, **options):
        poll_date = _parse(poll_date)
        deadline = selectors.notice_deadline(poll_date)
        write = self.stdout.write
        write(f"Poll date: {long_date(poll_date)}")
        write(
            f"Latest notice of election: {long_date(deadline.latest_notice_date)} "
            f"({deadline.working_days} working days before the poll)"
        )
        if deadline.skipped:
            write(f"Days not counted ({len(deadline.skipped)}):")
            for day in deadline.skipped:
                write(f"  {day.date.isoformat()}  {day.date:%a}  {day.reason}")
        for warning in deadline.warnings:
            write(self.style.WARNING(f"Warning: {warning}"))
