from django.conf import settings
from django_tasks import task

from herald.audit.services import verify_chain, write_checkpoint
from herald.notifications import notify
from herald.people.models import Person
from herald.people.roles import Role


@task()
def verify_audit_chain() -> dict:
    """Prove the chain every night; tell the system administrators at once if it is broken."""
    report = verify_chain()
    if not report.ok:
        # The system administrators in Herald, and any the deployment names in settings.ADMINS.
        admins = [*Person.objects.active().with_role(Role.ADMIN), *(address for _, address in settings.ADMINS)]
        notify("audit_chain_broken", to=admins, context={"report": report})
    return {"ok": report.ok, "checked": report.checked, "problem": report.problem}


@task()
def write_audit_checkpoint() -> dict:
    """Every hour, sign the head of the chain into a file outside the database."""
    checkpoint = write_checkpoint()
    return {"event_id": checkpoint.event_id if checkpoint else None, "count": checkpoint.count if checkpoint else 0}


SCHEDULE = [(verify_audit_chain, 24 * 60 * 60), (write_audit_checkpoint, 60 * 60)]
