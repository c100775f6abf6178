"""Factories for the register's requests. Accounts and people come from testing/factories.py."""

import datetime as dt

import factory

from herald.social_accounts.models import AccountRequest, Platform, RequestedEditor
from testing.factories import AccountFactory, PersonFactory

__all__ = ["AccountFactory", "AccountRequestFactory"]


class AccountRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccountRequest
        skip_postgeneration_save = True

    requested_by = factory.SubFactory(PersonFactory)
    team = factory.SelfAttribute("requested_by.team")
    service_manager = factory.SubFactory(PersonFactory, roles=["service_manager"])
    platform = Platform.INSTAGRAM
    proposed_name = factory.Sequence(lambda n: f"Hinckley Events {n}")
    proposed_handle = factory.Sequence(lambda n: f"hinckleyevents{n}")
    purpose = "Promote the summer events programme"
    audience = "Families aged 25 to 45"
    why_not_corporate = "The corporate account's followers are mostly older residents"
    content_plan = "Event photos, what's on listings and behind-the-scenes reels"
    posting_frequency = "Three times a week"
    monitoring_hours = "Monday to Friday, 9am to 5pm"
    out_of_hours_cover = "Events team duty officer at weekends during events"
    resources = "Two hours a week from the events officer"
    closure_plan = "Final post pointing to the corporate account, then archive"
    submitted_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC))

    @factory.post_generation
    def editors(self, create, extracted, **kwargs):
        if create and extracted:
            for person in extracted:
                RequestedEditor.objects.create(request=self, person=person)
