from django_tasks import task

from herald import mail


@task()
def deliver_email(email_id: int) -> str:
    return mail.deliver(email_id)


@task()
def forget_old_emails_and_form_keys() -> str:
    emails, keys = mail.forget_old_emails_and_form_keys()
    return f"{emails} old emails and {keys} form keys deleted"


SCHEDULE = [(forget_old_emails_and_form_keys, 24 * 60 * 60)]
