from django_tasks import task

from herald.connectors import services
from herald.connectors.models import RawEvent


@task()
def read_delivery(event_id: int) -> None:
    event = RawEvent.objects.filter(pk=event_id).first()
    if event is not None:
        services.read_delivery(event)
