"""Migration policies 0007: joiners asked before 0006 kept the campaign's due date; they are given the
one the late-joiner rule gives (HERALD_POLICY_JOINER_DAYS from the UK day they were asked), audited."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.test import override_settings

from herald.audit import services as audit
from herald.audit.models import AuditEvent
from herald.policies.models import Acknowledgement, Assignment
from herald.policies.tests.factories import CampaignFactory
from testing.factories import PersonFactory

migration = importlib.import_module("herald.policies.migrations.0007_pre_0006_joiners_get_their_own_due_date")
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(dt.datetime(2026, 7, 10, 9, tzinfo=dt.UTC))]

DUE = dt.date(2026, 7, 3)


def _assigned(campaign, because, at, **extra):
    person = PersonFactory(first_name="Asked", last_name=f"{because} {at:%d %H%M}")
    return Assignment.objects.create(campaign=campaign, person=person, added_because=because, added_at=at, **extra)


@override_settings(HERALD_POLICY_JOINER_DAYS=14)
def test_joiners_asked_before_0006_get_their_own_due_date_from_the_uk_day_they_were_asked(policy_documents):
    # given a campaign due on 3 July 2026, from before 0006
    campaign = CampaignFactory(due_on=DUE, status="open", title="Read the new policy")
    # a joiner asked at 23:30 UTC on 30 June: already 1 July in the UK, two days before the due date
    late = _assigned(campaign, "joiner", dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC))
    # a joiner asked with more than fourteen days left, someone in the audience at launch, and a joiner
    # already given a date of their own
    early = _assigned(campaign, "joiner", dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC))
    at_launch = _assigned(campaign, "launch", dt.datetime(2026, 6, 30, 9, tzinfo=dt.UTC))
    own = _assigned(campaign, "joiner", dt.datetime(2026, 7, 1, 9, tzinfo=dt.UTC), due_on=dt.date(2026, 7, 16))

    # when the migration runs
    changed = migration.give_joiners_their_own_due_date(apps)

    # then only the late joiner is given a date: fourteen days from the UK day they were asked
    assert changed == 1
    for assignment in (late, early, at_launch, own):
        assignment.refresh_from_db()
    assert late.due_date == dt.date(2026, 7, 15) and late.has_own_due_date and not late.is_overdue
    assert (early.due_on, at_launch.due_on, own.due_on) == (None, None, dt.date(2026, 7, 16))
    assert early.is_overdue and at_launch.is_overdue
    # and it is audited, once for the campaign, naming them and their date
    event = AuditEvent.objects.get(action="campaign.joiner_due_dates_set")
    assert event.object_id == str(campaign.pk) and event.actor is None
    assert event.after == {"people": {str(late.person.pk): {"name": late.person.full_name, "due_on": "2026-07-15"}}}
    assert event.before == {"due_on": "2026-07-03"}
    assert audit.verify_chain(checkpoints=False).ok
    # and running it again changes nothing
    assert migration.give_joiners_their_own_due_date(apps) == 0
    assert AuditEvent.objects.filter(action="campaign.joiner_due_dates_set").count() == 1


def test_the_migration_works_with_the_models_as_they_stood_then(policy_documents):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    campaign = CampaignFactory(due_on=DUE, status="open")
    late = _assigned(campaign, "joiner", dt.datetime(2026, 7, 2, 9, tzinfo=dt.UTC))
    then = (
        MigrationExecutor(connection)
        .loader.project_state(("policies", "0007_pre_0006_joiners_get_their_own_due_date"))
        .apps
    )

    assert migration.give_joiners_their_own_due_date(then) == 1
    late.refresh_from_db()
    assert late.due_on == dt.date(2026, 7, 2) + dt.timedelta(days=14)
    assert audit.verify_chain(checkpoints=False).ok


@override_settings(HERALD_POLICY_JOINER_DAYS=14)
def test_only_open_campaigns_joiners_still_being_asked_are_given_a_date(policy_documents):
    # given late joiners (asked two days before the due date) in an open campaign: two with the same
    # name still being asked, one who acknowledged, one escalated and one who left the audience
    asked = dt.datetime(2026, 7, 1, 9, tzinfo=dt.UTC)
    campaign = CampaignFactory(due_on=DUE, status="open")
    twins = [
        Assignment.objects.create(
            campaign=campaign,
            person=PersonFactory(first_name="Sam", last_name="Jones"),
            added_because="joiner",
            added_at=asked,
        )
        for _ in range(2)
    ]
    acknowledged = _assigned(campaign, "joiner", asked)
    Acknowledgement.objects.create(
        person=acknowledged.person,
        version=campaign.version,
        campaign=campaign,
        method="read_confirmed",
        statement="I will",
    )
    escalated = _assigned(campaign, "joiner", asked, escalated_at=dt.datetime(2026, 7, 6, 9, tzinfo=dt.UTC))
    left = _assigned(campaign, "joiner", asked, left_audience_at=dt.datetime(2026, 7, 2, 9, tzinfo=dt.UTC))
    # and a late joiner in a closed campaign
    closed = CampaignFactory(due_on=DUE, status="closed")
    in_closed = _assigned(closed, "joiner", asked)

    changed = migration.give_joiners_their_own_due_date(apps)

    # then only the two still being asked in the open campaign get a date; the rest keep the one they
    # were judged by, so the campaigns' compliance figures do not change
    assert changed == 2
    for assignment in (*twins, acknowledged, escalated, left, in_closed):
        assignment.refresh_from_db()
    assert [twin.due_on for twin in twins] == [dt.date(2026, 7, 15)] * 2
    assert (acknowledged.due_on, escalated.due_on, left.due_on, in_closed.due_on) == (None, None, None, None)
    # and both same-named joiners are in the audit event, by their own record
    [event] = AuditEvent.objects.filter(action="campaign.joiner_due_dates_set")
    assert event.object_id == str(campaign.pk)
    assert event.after == {
        "people": {str(twin.person.pk): {"name": "Sam Jones", "due_on": "2026-07-15"} for twin in twins}
    }
