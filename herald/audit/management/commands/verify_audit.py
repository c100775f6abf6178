from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from herald.audit.services import checkpoint_dir, verify_chain


class Command(BaseCommand):
    help = (
        "Prove the audit trail: the keyed hash chain, then every signed checkpoint written outside the "
        "database. Exits non-zero, naming the first broken link, if a row was altered, removed or rewritten."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--checkpoint-dir", type=Path, help="Read checkpoints from here (default: HERALD_AUDIT_CHECKPOINT_DIR)."
        )
        parser.add_argument(
            "--without-checkpoints",
            action="store_true",
            help="Prove the chain alone, e.g. on a copy restored away from its checkpoints.",
        )

    def handle(self, *args, **options):
        directory = options["checkpoint_dir"] or checkpoint_dir()
        report = verify_chain(checkpoints=not options["without_checkpoints"], directory=directory)
        if not report.ok:
            raise CommandError(f"Audit chain BROKEN after {report.checked} good events: {report.problem}.")
        if options["without_checkpoints"]:
            against = "checkpoints not consulted"
        elif report.checkpoints:
            against = f"matching {report.checkpoints} checkpoints in {directory}"
        else:
            against = f"no checkpoints yet in {directory}"
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {report.checked} events verified, {against}."))
