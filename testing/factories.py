"""Factories for tests, in one place. Every app's tests build their people here."""

import itertools

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from herald.people.models import Person, ServiceArea, Team

PASSWORD = "Correct-horse-battery-9"

_faker = factory.Faker._get_faker(locale="en_GB")


def _plain_name(kind: str):
    """A random British name without an apostrophe: most tests look for a person's name in a page,
    where O'Brien is escaped as O&#x27;Brien. Tests about escaping name such people themselves."""

    def make():
        while True:
            name = getattr(_faker, kind)()
            if name.isalpha():
                return name

    return factory.LazyFunction(make)


class ServiceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceArea
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Service area {n}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("service_area", "name")

    name = factory.Sequence(lambda n: f"Team {n}")
    service_area = factory.SubFactory(ServiceAreaFactory)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    kind = Person.Kind.EMPLOYEE
    first_name = _plain_name("first_name")
    last_name = _plain_name("last_name")
    email = factory.Sequence(lambda n: f"person{n}@council.example")
    employee_number = factory.Sequence(lambda n: f"T{n:05d}")
    job_title = "Officer"
    team = factory.SubFactory(TeamFactory)

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            for role in extracted:
                self.groups.add(Group.objects.get_or_create(name=role)[0])
            self.__dict__.pop("roles", None)


class CouncillorFactory(PersonFactory):
    kind = Person.Kind.COUNCILLOR
    employee_number = None
    team = None
    job_title = ""
    ward = "Hinckley Clarendon"
    party = "Liberal Democrat"


def incident(kind: str = "other", *, by: Person, **fields):
    """An incident reported through the real service, so its playbook and timeline exist."""
    from herald.incidents import services

    fields.setdefault("summary", "Something went wrong")
    fields.setdefault("description", "What happened, when and where.")
    return services.report_incident(kind=kind, by=by, **fields)


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "risks.Risk"

    reference = factory.Sequence(lambda n: f"T.{n:02d}")
    title = factory.Sequence(lambda n: f"Test risk {n}")
    owner_role = "Director Corporate Services"
    next_review_on = factory.LazyFunction(timezone.localdate)


class AccountFactory(factory.django.DjangoModelFactory):
    """An active account in the register (no request behind it: for apps that only read accounts)."""

    class Meta:
        model = "social_accounts.Account"

    platform = "facebook"
    display_name = factory.Sequence(lambda n: f"Council service {n}")
    handle = factory.Sequence(lambda n: f"councilservice{n}")
    team = factory.SubFactory(TeamFactory)
    status = "active"


_INCOMING_IDS = itertools.count(1)


def incoming(text: str = "What time does the tip open on Sunday?", **fields):
    """An `IncomingComment` as a connector would hand it over (a new platform id each call)."""
    import datetime as dt

    from herald.moderation.incoming import IncomingComment

    n = next(_INCOMING_IDS)
    values = dict(
        platform="facebook",
        platform_id=f"fb-{n}",
        text=text,
        posted_at=timezone.now() - dt.timedelta(minutes=5),
        author_platform_id=f"user-{n}",
        author_handle=f"resident{n}",
        author_name=f"Resident {n}",
        permalink=f"https://www.facebook.com/council/posts/1?comment_id={n}",
    )
    values.update(fields)
    return IncomingComment(**values)


def comment(account, text: str = "What time does the tip open on Sunday?", *, classify: bool = True, **fields):
    """A comment received on `account` through the real ingest service (and classified, by default)."""
    from herald.moderation import services
    from herald.moderation.models import Comment

    fields.setdefault("platform", account.platform)
    result = services.receive_comments(account, [incoming(text, **fields)], source="test")
    assert result.created == 1, result
    if classify:
        services.classify_comments(result.comment_ids)
    return Comment.objects.get(pk=result.comment_ids[0])
