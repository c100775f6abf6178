from django_tasks import task

from herald.signin import services


@task()
def forget_old_security_events() -> int:
    return services.forget_old_security_events()


SCHEDULE = [(forget_old_security_events, 24 * 60 * 60)]
