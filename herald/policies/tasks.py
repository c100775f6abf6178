"""The cascade's clock: new joiners are added to open campaigns and reminders go out, every hour.

Each run is idempotent (a message is due at most once a day per person), so running it more often
than scheduled never sends anything twice."""

from django_tasks import task

from herald.policies import services
from herald.policies.models import Campaign

HOUR = 60 * 60


@task()
def send_campaign_messages(campaign_id: int) -> dict:
    """Invitations, reminders and escalations for one campaign (queued when it is launched)."""
    campaign = Campaign.objects.get(pk=campaign_id)
    return services.send_due_messages(campaign)


@task()
def run_policy_cascade() -> dict:
    """For every open campaign: add new joiners to the audience, then send whatever messages are due."""
    summary = {}
    for campaign in Campaign.objects.open():
        joined = services.add_new_joiners(campaign)
        sent = services.send_due_messages(campaign)
        summary[campaign.pk] = {"joined": joined, **sent}
    return summary


SCHEDULE = [(run_policy_cascade, HOUR)]
