"""The campaign page lists everyone asked with the messages sent to them and who chased them. Its number
of database queries does not grow with the people listed (a campaign can ask hundreds)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from herald.policies import services
from herald.policies.tests.factories import CampaignFactory
from testing.factories import PersonFactory

TODAY = dt.date(2026, 11, 24)
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC))]


def _chase(campaign, people, by):
    for person in people:
        services.chase_person(campaign.assignments.get(person=person), by=by)


def test_the_campaign_page_reads_who_chased_whom_in_a_fixed_number_of_queries(
    client, policy_documents, employee, comms_officer, django_assert_max_num_queries
):
    # given a team campaign in which two people have been chased by the communications officer
    team = [PersonFactory(team=employee.team) for _ in range(12)]
    campaign = CampaignFactory(audience="team", team=employee.team, due_on=TODAY + dt.timedelta(days=10))
    services.launch_campaign(campaign, by=comms_officer)
    _chase(campaign, team[:2], comms_officer)
    client.force_login(comms_officer)
    url = reverse("policies:campaign", args=[campaign.pk])
    with CaptureQueriesContext(connection) as two_chased:
        client.get(url)
    # when ten more have been chased
    _chase(campaign, team[2:], comms_officer)
    # then the page lists all twelve chases, by name, in no more queries than it took for two
    with django_assert_max_num_queries(len(two_chased)):
        page = client.get(url).content.decode()
    assert page.count(f"Chased by hand by {comms_officer.full_name}") == 12
