import datetime as dt

import pytest

from herald.people.roles import Role
from herald.social_accounts.services import BusinessCase, Nomination
from testing.factories import PersonFactory


@pytest.fixture
def second_editor(team, service_manager):
    return PersonFactory(
        team=team,
        service_manager=service_manager,
        roles=[Role.EDITOR],
        is_trained_editor=True,
        first_name="Rosie",
        last_name="Atwal",
        email="rosie.atwal@council.example",
    )


@pytest.fixture
def business_case(team, service_manager):
    def make(**changes):
        fields = dict(
            team=team,
            service_manager=service_manager,
            platform="instagram",
            proposed_name="Hinckley Museum and Heritage",
            proposed_handle="hinckleyheritage",
            purpose="Share the heritage collection and promote exhibitions",
            audience="Families and local history groups",
            why_not_corporate="The corporate accounts post council news; heritage posts would be lost there",
            content_plan="Object of the week, exhibition previews, event reminders",
            posting_frequency="Three posts a week",
            monitoring_hours="Monday to Friday, 9am to 5pm",
            out_of_hours_cover="Comments checked by the duty officer on Saturday mornings",
            resources="Three hours a week from the heritage officer",
            closure_plan="Final post pointing to the council's Instagram, then delete after 30 days",
        )
        fields.update(changes)
        return BusinessCase(**fields)

    return make


@pytest.fixture
def nominations(editor, second_editor):
    return [Nomination(editor), Nomination(second_editor)]


@pytest.fixture
def next_month():
    return dt.date.today() + dt.timedelta(days=30)
