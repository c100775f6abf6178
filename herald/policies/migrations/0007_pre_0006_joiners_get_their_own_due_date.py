"""Joiners asked before 0006 kept the campaign's due date: give them the one the late-joiner rule gives.

Each assignment records when it was made and that it was made for a joiner (added_at, added_because), so
the personal due date can be worked out as `joiner_due_on` does: HERALD_POLICY_JOINER_DAYS from the UK day
they were asked, where that is later than the campaign's. Only open campaigns' assignments still
being asked (not acknowledged, escalated or out of the audience) are changed: the rest are history, and a
closed campaign's compliance figures stay as they were. People who came back to an audience before
0006 are not covered: when they came back is not recorded on the assignment."""

import datetime as dt

from django.conf import settings
from django.db import migrations
from django.db.models import Exists, OuterRef
from django.utils import timezone


def give_joiners_their_own_due_date(apps, schema_editor=None) -> int:
    """Set the personal due date of each joiner left without one in an open campaign, not yet
    acknowledged, escalated or out of the audience; one audit event per campaign.
    Returns how many assignments were given one. Running it again changes nothing."""
    from herald.audit import services as audit

    Assignment = apps.get_model("policies", "Assignment")
    Acknowledgement = apps.get_model("policies", "Acknowledgement")
    days = dt.timedelta(days=settings.HERALD_POLICY_JOINER_DAYS)
    given: dict[int, list] = {}
    acknowledged = Acknowledgement.objects.filter(campaign=OuterRef("campaign"), person=OuterRef("person"))
    # Only those still being asked: a closed campaign's figures, and an assignment already acknowledged,
    # escalated or out of the audience, are history and keep the due date they were judged by.
    joiners = (
        Assignment.objects.filter(
            added_because="joiner",
            due_on=None,
            campaign__status="open",
            escalated_at=None,
            left_audience_at=None,
        )
        .exclude(Exists(acknowledged))
        .select_related("campaign", "person")
        .order_by("campaign_id", "pk")
    )
    for assignment in joiners:
        own = timezone.localdate(assignment.added_at) + days
        if own <= assignment.campaign.due_on:
            continue  # asked with the joiner's time or more left: the campaign's date is theirs
        Assignment.objects.filter(pk=assignment.pk).update(due_on=own)
        given.setdefault(assignment.campaign_id, []).append((assignment, own))
    for changed in given.values():
        campaign = changed[0][0].campaign
        audit.record_in_migration(
            apps,
            action="campaign.joiner_due_dates_set",
            object_type="policies.campaign",
            object_id=str(campaign.pk),
            object_repr=campaign.title,
            before={"due_on": campaign.due_on.isoformat()},
            # Keyed by the person's id: two joiners may share a name.
            after={
                "people": {
                    str(a.person_id): {
                        "name": f"{a.person.first_name} {a.person.last_name}".strip(),
                        "due_on": own.isoformat(),
                    }
                    for a, own in changed
                }
            },
            reason=(
                f"Joined the audience after launch, before joiners were given {settings.HERALD_POLICY_JOINER_DAYS} "
                "days of their own: given them from the day they were asked"
            ),
        )
    return sum(len(changed) for changed in given.values())


class Migration(migrations.Migration):
    dependencies = [
        ("policies", "0006_assignment_due_on"),
        ("audit", "0004_events_are_append_only"),
    ]

    operations = [migrations.RunPython(give_joiners_their_own_due_date, migrations.RunPython.noop)]
