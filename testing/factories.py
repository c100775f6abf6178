"""Factories for tests, in one place. Every app's tests build their people here."""

import datetime as dt
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
    """An active, well-run account in the register (co-admin, two-factor, password manager), with no
    request behind it; `editors=[person, ...]` names its editors."""

    class Meta:
        model = "social_accounts.Account"
        skip_postgeneration_save = True

    platform = "facebook"
    display_name = factory.Sequence(lambda n: f"HBBC Service {n}")
    handle = factory.Sequence(lambda n: f"hbbcservice{n}")
    profile_url = factory.LazyAttribute(lambda o: f"https://www.facebook.com/{o.handle}")
    team = factory.SubFactory(TeamFactory)
    status = "active"
    purpose = "News and events for residents"
    comms_co_admin = True
    two_factor_enabled = True
    credentials_in_password_manager = True
    monitoring_hours = "Monday to Friday, 9am to 5pm"
    activated_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=30))
    last_activity_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=2))
    next_review_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=300))

    @factory.post_generation
    def editors(self, create, extracted, **kwargs):
        if create and extracted:
            from herald.social_accounts.models import AccountEditor

            for person in extracted:
                AccountEditor.objects.create(account=self, person=person)


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
