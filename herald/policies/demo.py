"""Demo data: the shipped policy texts, a staff campaign part-way through with people overdue and
escalated, a councillors' campaign under way, and a question waiting for the communications team.
Running it again changes nothing."""

from __future__ import annotations

import datetime as dt
import random

from django.test import override_settings
from django.utils import timezone

from herald.people.models import Person
from herald.policies import services
from herald.policies.models import AdviceRequest, Assignment, Campaign, PolicyDocument
from herald.policies.self_check import run_self_check

DOMAIN = "hinckley-bosworth.example"
STAFF_CAMPAIGN = "Social Media Policy: every employee to acknowledge"
MEMBERS_CAMPAIGN = "Guidance for Elected Members: please acknowledge"
QUIZ = [
    (
        "May you post a resident's case details on your personal account if you leave out their name?",
        ["Yes, if the name is left out", "No: never post anything you hold because of your job"],
        1,
    ),
    (
        "Who must approve a new council social media account before it is created?",
        ["Nobody, if it is for a good cause", "The service manager, the communications team and ICT"],
        1,
    ),
    (
        "You hold a politically restricted post. May you share a party's post on your private account?",
        ["Yes, it is my private account", "No: stay neutral even in a private capacity"],
        1,
    ),
]


def _person(local: str) -> Person | None:
    return Person.objects.filter(email=f"{local}@{DOMAIN}").first()


def _acknowledge(assignment: Assignment, rng: random.Random) -> None:
    person = assignment.person
    services.record_document_opened(assignment, by=person)
    questions = list(assignment.campaign.questions.all())
    if questions:
        if rng.random() < 0.3:  # some people needed a second go
            services.take_quiz(assignment, answers={q.pk: 1 - q.correct_option for q in questions}, by=person)
        services.take_quiz(assignment, answers={q.pk: q.correct_option for q in questions}, by=person)
    services.acknowledge_policy(
        assignment, by=person, sections_confirmed=services.required_sections(assignment.campaign, person)
    )


def _staff_campaign(comms: Person, rng: random.Random) -> str:
    today = timezone.localdate()
    campaign = services.create_campaign(
        version=PolicyDocument.objects.get(slug="employee-policy").published_version,
        title=STAFF_CAMPAIGN,
        audience=Campaign.Audience.ALL_EMPLOYEES,
        due_on=today + dt.timedelta(days=1),
        by=comms,
    )
    for text, options, right in QUIZ:
        services.add_quiz_question(campaign, text=text, options=options, correct_option=right, by=comms)
    services.launch_campaign(campaign, by=comms)
    # Make it three weeks old and three days past its due date, as if the cascade had been running.
    launched = timezone.now() - dt.timedelta(days=21)
    Campaign.objects.filter(pk=campaign.pk).update(launched_at=launched, due_on=today - dt.timedelta(days=3))
    campaign.refresh_from_db()
    Assignment.objects.filter(campaign=campaign).update(added_at=launched)
    services.send_due_messages(campaign, today=today - dt.timedelta(days=21))
    keep_outstanding = {f"{n}@{DOMAIN}" for n in ("employee", "restricted")}
    assignments = list(campaign.assignments.select_related("person").order_by("person__email"))
    done = 0
    for assignment in assignments:
        if assignment.person.email in keep_outstanding or rng.random() > 0.72:
            continue
        _acknowledge(assignment, rng)
        done += 1
    for days_ago in (18, 15, 12, 9, 6, 5, 2):
        services.send_due_messages(campaign, today=today - dt.timedelta(days=days_ago))
    services.send_due_messages(campaign, today=today)
    return f"{done} of {len(assignments)} employees acknowledged, the rest overdue and escalated"


def _members_campaign(comms: Person, rng: random.Random) -> str:
    campaign = services.create_campaign(
        version=PolicyDocument.objects.get(slug="member-guidance").published_version,
        title=MEMBERS_CAMPAIGN,
        audience=Campaign.Audience.COUNCILLORS,
        due_on=timezone.localdate() + dt.timedelta(days=12),
        by=comms,
    )
    services.launch_campaign(campaign, by=comms)
    services.send_due_messages(campaign)
    assignments = list(campaign.assignments.select_related("person").exclude(person__email=f"councillor@{DOMAIN}"))
    chosen = rng.sample(assignments, k=len(assignments) // 3)
    for assignment in chosen:
        _acknowledge(assignment, rng)
    return f"{len(chosen)} of {len(assignments) + 1} councillors acknowledged"


def seed(rng: random.Random | None = None) -> str:
    rng = rng or random.Random(6)
    installed = services.install_default_documents()
    comms = _person("comms")
    if comms is None:
        return "policy texts installed; no demo people, so no campaigns"
    results = [f"policy texts {'installed' if installed else 'already there'}"]
    # Hundreds of invitations and reminders are part of the story, not something to print.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        if not Campaign.objects.filter(title=STAFF_CAMPAIGN).exists():
            results.append(_staff_campaign(comms, rng))
        if not Campaign.objects.filter(title=MEMBERS_CAMPAIGN).exists():
            results.append(_members_campaign(comms, rng))
        restricted = _person("restricted")
        if restricted and not AdviceRequest.objects.filter(person=restricted).exists():
            text = "Proud to see the new leisure centre plans backed by our ward councillors - great news for Burbage!"
            outcome = run_self_check(restricted, text=text, platform="facebook")
            services.ask_for_advice(
                by=restricted,
                text=text,
                image_description="",
                platform="facebook",
                question="I hold a politically restricted post. Is it all right to share this on my own Facebook?",
                findings=[f["stored"] for f in outcome.findings],
            )
            results.append("an advice request waiting for comms")
    return "; ".join(results)
