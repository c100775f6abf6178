from django.core.management.base import BaseCommand

from herald.audit.services import checkpoint_dir, write_checkpoint


class Command(BaseCommand):
    help = "Append a signed checkpoint of the audit trail's newest event to HERALD_AUDIT_CHECKPOINT_DIR."

    def handle(self, *args, **options):
        checkpoint = write_checkpoint()
        if checkpoint is None:
            self.stdout.write("The audit trail is empty: nothing to checkpoint.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Audit checkpoint written to {checkpoint_dir()}: event {checkpoint.event_id}, {checkpoint.count} events."
            )
        )
