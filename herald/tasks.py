from django_tasks import task

from herald import digests, mail, queue, webhooks


@task()
def deliver_email(email_id: int) -> str:
    return mail.deliver(email_id)


@task()
def forget_old_emails_and_form_keys() -> str:
    emails, keys = mail.forget_old_emails_and_form_keys()
    return f"{emails} old emails and {keys} form keys deleted"


@task()
def queue_stranded_emails() -> str:
    return f"{mail.queue_stranded_emails()} emails queued again"


@task()
def queue_stranded_tasks() -> str:
    return f"{queue.queue_stranded_tasks()} tasks queued again"


@task()
def post_to_webhook(delivery_id: int) -> str:
    return webhooks.deliver(delivery_id)


@task()
def send_daily_digests() -> str:
    return f"{digests.send_daily_digests()} digests sent"


SCHEDULE = [
    (forget_old_emails_and_form_keys, 24 * 60 * 60),
    (send_daily_digests, 60 * 60),
    (queue_stranded_emails, 5 * 60),
    (queue_stranded_tasks, 5 * 60),
]
