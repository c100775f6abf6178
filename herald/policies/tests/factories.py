"""Factories for the policies app's tests."""

import datetime as dt

import factory
from django.utils import timezone

from herald.people import services as people_services
from herald.policies.models import Campaign, PolicyDocument, QuizQuestion


def published(slug: str = "employee-policy"):
    return PolicyDocument.objects.get(slug=slug).published_version


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    title = factory.Sequence(lambda n: f"Social media policy 2026, round {n}")
    version = factory.LazyFunction(published)
    audience = Campaign.Audience.ALL_EMPLOYEES
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=14))


class QuizQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuizQuestion

    campaign = factory.SubFactory(CampaignFactory)
    position = factory.Sequence(int)
    text = "May you share a party's post on your personal account if your post is politically restricted?"
    options = ["Yes, if my account is private", "No, not even in a private capacity"]
    correct_option = 1


def move_team(person, team, by):
    """The HR feed says the person now works in another team."""
    feed = (
        "employee_number,first_name,last_name,email,job_title,service_area,team,status\n"
        f"{person.employee_number},{person.first_name},{person.last_name},{person.email},{person.job_title},"
        f"{team.service_area.name},{team.name},active\n"
    )
    result = people_services.import_employees(feed, by=by)
    assert result.ok, result.errors
    person.refresh_from_db()
