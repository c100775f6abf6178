"""With the Redis task backend and Redis down, an action that queues follow-up work after it is saved
still succeeds for the person, and the work is kept and queued once the task queue is back."""

import pytest
from django.core import mail

from herald.models import StrandedTask
from herald.policies.models import Campaign
from herald.policies.tests.factories import CampaignFactory
from herald.queue import queue_stranded_tasks
from herald.schedule import periodic_tasks

pytestmark = pytest.mark.django_db
# Nothing listens on this port: Redis is down.
REDIS_DOWN = "redis://127.0.0.1:6390/15"


@pytest.fixture
def redis_down(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": REDIS_DOWN}}
    return settings


def test_a_campaign_launched_while_redis_is_down_is_launched_and_its_invitations_go_once_the_queue_is_back(
    client, redis_down, comms_officer, employee, policy_documents, django_capture_on_commit_callbacks
):
    campaign = CampaignFactory(audience="team", team=employee.team)
    client.force_login(comms_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/policies/campaigns/{campaign.pk}/launch/")
    # the person sees their launch done, not an error page inviting them to launch it again
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Campaign launched" in page
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.OPEN
    # the invitations' task is kept, saying why
    stranded = StrandedTask.objects.get()
    assert stranded.task == "herald.policies.tasks.send_campaign_messages" and stranded.args == [campaign.pk]
    assert "ConnectionError" in stranded.last_error
    assert not [m for m in mail.outbox if employee.email in m.to]

    assert queue_stranded_tasks() == 0  # still down: kept for the next try
    assert StrandedTask.objects.get().attempts == 2
    # the task queue is back (here one that runs each task at once)
    redis_down.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        assert queue_stranded_tasks() == 1
    assert not StrandedTask.objects.exists()
    assert [m for m in mail.outbox if employee.email in m.to]
    assert queue_stranded_tasks() == 0
    assert "herald.tasks.queue_stranded_tasks" in [name for name, _, _ in periodic_tasks()]
