from django_tasks import task

from herald import mail


@task()
def deliver_email(email_id: int) -> str:
    return mail.deliver(email_id)
