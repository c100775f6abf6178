"""The demo council's official accounts: a corporate account on each platform HBBC uses (no TikTok),
the cultural services, Atkins Building and town centre accounts named in the committee report, and
one request waiting for the service manager. Keyed by platform and handle, so it runs twice safely."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.people.models import Person, Team
from herald.social_accounts import services
from herald.social_accounts.models import Account, AccountRequest, MonthlyReport, RequestedEditor
from herald.social_accounts.services import editors as account_editors

DOMAIN = "hinckley-bosworth.example"

# (team, platform, display name, handle, profile address, purpose, days since last activity)
ACCOUNTS = [
    (
        "Communications",
        "facebook",
        "Hinckley & Bosworth Borough Council",
        "hinckleybosworthbc",
        "https://www.facebook.com/hinckleybosworthbc",
        "Council news, service updates and emergencies",
        1,
    ),
    (
        "Communications",
        "x",
        "Hinckley & Bosworth BC",
        "HinckBosBC",
        "https://x.com/HinckBosBC",
        "Council news, service updates and emergencies",
        1,
    ),
    (
        "Communications",
        "instagram",
        "Hinckley & Bosworth Borough Council",
        "hinckleybosworthbc",
        "https://www.instagram.com/hinckleybosworthbc",
        "The borough in pictures; campaigns and events",
        3,
    ),
    (
        "Communications",
        "linkedin",
        "Hinckley & Bosworth Borough Council",
        "hinckley-bosworth-borough-council",
        "https://www.linkedin.com/company/hinckley-bosworth-borough-council",
        "Recruitment and business news",
        6,
    ),
    (
        "Communications",
        "youtube",
        "Hinckley & Bosworth Borough Council",
        "HinckleyBosworthBC",
        "https://www.youtube.com/@HinckleyBosworthBC",
        "Council meetings and explainer videos",
        20,
    ),
    (
        "Communications",
        "nextdoor",
        "Hinckley & Bosworth Borough Council",
        "hbbc-nextdoor",
        "https://nextdoor.co.uk/agency-detail/england/hinckley/hinckley-bosworth-borough-council/",
        "Neighbourhood notices: bin collections, roadworks, consultations",
        4,
    ),
    (
        "Cultural Services",
        "facebook",
        "Hinckley & Bosworth Culture",
        "hbculture",
        "https://www.facebook.com/hbculture",
        "Arts, heritage and the events programme",
        2,
    ),
    (
        "Cultural Services",
        "instagram",
        "Hinckley & Bosworth Culture",
        "hbculture",
        "https://www.instagram.com/hbculture",
        "Arts, heritage and the events programme",
        5,
    ),
    (
        "Atkins Building",
        "facebook",
        "The Atkins Building",
        "atkinsbuilding",
        "https://www.facebook.com/atkinsbuilding",
        "Workspace and events at the Atkins Building",
        8,
    ),
    (
        "Atkins Building",
        "linkedin",
        "The Atkins Building",
        "the-atkins-building",
        "https://www.linkedin.com/company/the-atkins-building",
        "Business tenants and enterprise support",
        118,
    ),
    (
        "Town Centre",
        "facebook",
        "Hinckley Town Centre",
        "hinckleytowncentre",
        "https://www.facebook.com/hinckleytowncentre",
        "Markets, shops and town centre events",
        2,
    ),
    (
        "Town Centre",
        "instagram",
        "Hinckley Town Centre",
        "hinckleytowncentre",
        "https://www.instagram.com/hinckleytowncentre",
        "Markets, shops and town centre events",
        9,
    ),
]
MONITORING = "Monday to Friday, 9am to 5pm (excluding bank holidays)"


def _person(local: str) -> Person:
    return Person.objects.get(email=f"{local}@{DOMAIN}")


def _editors_for(team: Team) -> list[Person]:
    trained = list(
        Person.objects.active().employees().filter(team=team, is_trained_editor=True).order_by("employee_number")[:2]
    )
    return trained


def _seed_account(spec, *, comms: Person, editor: Person, today: dt.date) -> bool:
    team_name, platform, name, handle, url, purpose, quiet_days = spec
    if Account.objects.filter(platform=platform, handle=handle).exists():
        return False
    team = Team.objects.get(name=team_name)
    manager = team.service_area.director
    account = Account.objects.create(
        platform=platform,
        display_name=name,
        handle=handle,
        profile_url=url,
        team=team,
        service_manager=manager,
        status=Account.Status.ACTIVE,
        purpose=purpose,
        comms_co_admin=True,
        two_factor_enabled=True,
        credentials_in_password_manager=True,
        monitoring_hours=MONITORING,
        out_of_hours_cover="Communications duty officer for emergencies; comments checked Saturday mornings",
        emergency_plan_url="https://www.hinckley-bosworth.example/emergency-plan#communications",
        closure_plan="Final post pointing followers to the corporate account; archived after 30 days",
        activated_on=dt.date(2019, 4, 1),
        last_activity_on=today - dt.timedelta(days=quiet_days),
        next_review_on=today + dt.timedelta(days=120 + 7 * len(name) % 200),
    )
    audit.record(
        actor=None,
        action="account.registered",
        obj=account,
        after=audit.snapshot(account),
        reason="Demo council: existing account entered in the register",
    )
    editors = _editors_for(team)
    if team_name == "Communications":
        editors = [comms, *[p for p in editors if p != comms]][:2]
    if team_name == "Cultural Services":
        editors = [editor, *[p for p in editors if p != editor]][:2]
    for person in editors:
        account_editors._add_editor(account, person, by=None, reason="Demo council")
    month = services.previous_month(today)
    if quiet_days < 30:
        MonthlyReport.objects.create(
            account=account,
            month=month,
            posts=8 + len(name) % 20,
            reach=1200 + 97 * len(handle),
            submitted_by=editors[0] if editors else comms,
            notable_issues="",
        )
    return True


def _seed_request(today: dt.date) -> bool:
    employee = _person("employee")
    if AccountRequest.objects.filter(requested_by=employee, proposed_name="Hinckley Leisure and Wellbeing").exists():
        return False
    manager = employee.service_manager or _person("manager")
    request = AccountRequest.objects.create(
        requested_by=employee,
        team=employee.team,
        service_manager=manager,
        platform="instagram",
        proposed_name="Hinckley Leisure and Wellbeing",
        proposed_handle="hinckleywellbeing",
        purpose="Promote free health walks, the Active Together programme and leisure centre activities",
        audience="Adults aged 18 to 40 who do not follow the council's corporate accounts",
        why_not_corporate="Wellbeing posts are lost among council news; the audience follows activity accounts",
        content_plan="Weekly timetable graphics, walk photos (with consent) and short reels",
        posting_frequency="Three posts a week",
        monitoring_hours=MONITORING,
        out_of_hours_cover="Leisure duty manager checks messages on Saturdays during the summer programme",
        resources="Three hours a week from the leisure assistant; design help from communications",
        closure_plan="Final post pointing to the corporate Instagram; then archived",
        submitted_at=timezone.now(),
    )
    RequestedEditor.objects.create(request=request, person=employee, training_booked_on=today + dt.timedelta(days=21))
    RequestedEditor.objects.create(request=request, person=_person("editor"))
    audit.record(actor=employee, action="account_request.submitted", obj=request, reason="Demo council")
    return True


@transaction.atomic
def seed(rng=None) -> str:
    today = services.today()
    comms, editor = _person("comms"), _person("editor")
    added = sum(_seed_account(spec, comms=comms, editor=editor, today=today) for spec in ACCOUNTS)
    requested = _seed_request(today)
    return (
        f"{added} official accounts added ({Account.objects.active().count()} active), "
        f"{'1 pending request added' if requested else 'pending request already there'}"
    )
