from django.conf import settings
from django_tasks import task

from herald.connectors import services
from herald.connectors.models import RawEvent


@task()
def read_delivery(event_id: int) -> None:
    event = RawEvent.objects.filter(pk=event_id).first()
    if event is not None:
        services.read_delivery(event)


@task()
def forget_empty_deliveries() -> None:
    services.forget_empty_deliveries(older_than_days=settings.HERALD_EMPTY_DELIVERY_DAYS)


SCHEDULE = [(forget_empty_deliveries, 24 * 3600)]
