"""Demo incidents: a hacked account being worked, a personal data breach with its clock running,
a closed breach that was not reported to the ICO, an employee's post with HR's outcome, abuse of a
councillor referred to the police, and a child identified in a held-back post (open, with the
safeguarding lead). Idempotent: each is looked up by its summary first."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from herald.incidents import services
from herald.incidents.models import Incident
from herald.people.models import Person
from herald.social_accounts.models import Account

DOMAIN = "hinckley-bosworth.example"


def _person(local: str) -> Person | None:
    return Person.objects.filter(email=f"{local}@{DOMAIN}").first()


def seed(rng) -> str:
    comms, dpo, hr, employee, editor, monitoring, councillor = (
        _person(n) for n in ("comms", "dpo", "hr", "employee", "editor", "monitoring", "councillor")
    )
    if not all((comms, dpo, hr, employee, editor, monitoring, councillor)):
        return "skipped: the demo people are not loaded"
    now = timezone.now()
    added = 0

    def new(summary: str) -> bool:
        return not Incident.objects.filter(summary=summary).exists()

    summary = "Atkins Building Instagram posting crypto giveaway links"
    account = Account.objects.active().filter(team__name="Atkins Building").first() or Account.objects.active().first()
    if new(summary) and account is not None:
        hacked = services.report_incident(
            kind=Incident.Kind.ACCOUNT_COMPROMISED,
            summary=summary,
            description="Three posts in the last hour promise free cryptocurrency. Nobody in the team posted them.",
            account=account,
            by=editor,
        )
        services.triage_incident(hacked, by=comms, severity=Incident.Severity.HIGH, lead=comms)
        added += 1

    summary = "Consent forms photographed with names visible in an event post"
    if new(summary):
        breach = services.report_incident(
            kind=Incident.Kind.PERSONAL_DATA_BREACH,
            summary=summary,
            description="A Facebook photo from the summer fun day shows the sign-in sheet with children's names.",
            aware_at=now - dt.timedelta(hours=30),
            by=editor,
        )
        services.triage_incident(breach, by=dpo, severity=Incident.Severity.HIGH, lead=dpo)
        services.assess_breach(
            breach,
            by=dpo,
            data_involved="Names of 14 children and their parents' phone numbers",
            people_affected=14,
            risk="risk",
        )
        added += 1

    summary = "Resident's email address shown in a reply screenshot"
    if new(summary):
        old = services.report_incident(
            kind=Incident.Kind.PERSONAL_DATA_BREACH,
            summary=summary,
            description="A reply to a complaint included a screenshot with the resident's email address.",
            aware_at=now - dt.timedelta(days=40),
            by=comms,
        )
        services.triage_incident(old, by=dpo, severity=Incident.Severity.LOW, lead=dpo)
        services.assess_breach(old, by=dpo, data_involved="One email address", people_affected=1, risk="unlikely")
        services.decide_ico_report(
            old,
            by=dpo,
            decision="do_not_report",
            reasoning="One email address, removed within 20 minutes, no sensitive data: unlikely to result in a risk.",
        )
        services.decide_telling_people(
            old, by=dpo, decision="tell", reasoning="Courtesy: we apologised to the resident by email."
        )
        for step in old.steps.open():
            services.tick_step(step, by=dpo, note="Done when the post was removed")
        services.close_incident(
            old,
            by=dpo,
            cause="Screenshots in replies were not checked for personal data.",
            worked="The post was removed within 20 minutes of the first comment.",
            changes="Replies with images now need a second pair of eyes.",
        )
        added += 1

    summary = "Employee's personal account criticised a named resident"
    if new(summary):
        post = services.report_incident(
            kind=Incident.Kind.EMPLOYEE_POST,
            summary=summary,
            description="A post on a personal account, identifying the employee as working for the council.",
            person_concerned=employee,
            by=comms,
        )
        services.triage_incident(post, by=hr, severity=Incident.Severity.MEDIUM, lead=hr)
        services.record_hr_outcome(post, by=hr, referred=False, outcome="Informal conversation and refresher training.")
        added += 1

    summary = "Threatening replies to a councillor's surgery announcement"
    if new(summary):
        abuse = services.report_incident(
            kind=Incident.Kind.ABUSE_OR_THREAT,
            summary=summary,
            description="Two accounts replied with threats to turn up at the surgery.",
            by=councillor,
        )
        services.triage_incident(abuse, by=monitoring, severity=Incident.Severity.HIGH, lead=monitoring)
        services.record_crime_reference(abuse, by=monitoring, reference="LP-20261102-0417")
        added += 1
    summary = "Pupil named with her age and school in a leisure centre post"
    lead = _person("safeguarding")
    from herald.posts.demo import HELD_FOR_A_CHILD
    from herald.posts.models import Post

    held = Post.objects.blocked_for_a_child().filter(text=HELD_FOR_A_CHILD).order_by("pk").first()
    if held is not None:
        # A demo loaded before the held post existed: link it, as its description says it was held.
        Incident.objects.filter(summary=summary, post=None).update(post=held, account=held.account)
    if new(summary) and lead is not None:
        child = services.report_incident(
            kind=Incident.Kind.CHILD_IDENTIFIED,
            summary=summary,
            description="The check held back a post naming a girl with her age and school, with no consent from "
            "a parent or guardian recorded. A copy was shared in the team's group chat before it was held.",
            post=held,
            account=held.account if held is not None else None,
            by=lead,
        )
        services.triage_incident(child, by=lead, severity=Incident.Severity.HIGH, lead=lead)
        remove = child.steps.get(key="remove")
        services.tick_step(remove, by=comms, note="Held back in Herald; the group chat copy deleted")
        added += 1
    return f"{added} incident(s) added, {Incident.objects.count()} in all"
