from django.core.mail import mail_admins, send_mail
from django_tasks import task

from herald.audit.services import verify_chain, write_checkpoint
from herald.people.models import Person
from herald.people.roles import Role


@task()
def verify_audit_chain() -> dict:
    """Prove the chain every night; tell the system administrators at once if it is broken."""
    report = verify_chain()
    if not report.ok:
        admins = list(Person.objects.active().with_role(Role.ADMIN).values_list("email", flat=True))
        subject = "Herald: the audit trail has been tampered with"
        body = f"verify_audit found a broken link after {report.checked} good events: {report.problem}."
        if admins:
            send_mail(subject, body, None, admins)
        mail_admins(subject, body)
    return {"ok": report.ok, "checked": report.checked, "problem": report.problem}


@task()
def write_audit_checkpoint() -> dict:
    """Every hour, sign the head of the chain into a file outside the database."""
    checkpoint = write_checkpoint()
    return {"event_id": checkpoint.event_id if checkpoint else None, "count": checkpoint.count if checkpoint else 0}


SCHEDULE = [(verify_audit_chain, 24 * 60 * 60), (write_audit_checkpoint, 60 * 60)]
