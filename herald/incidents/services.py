"""Every change to an incident: reporting it, triage, ticking its playbook, notes and evidence, the
decisions each type calls for, and closing it. Each function takes the acting person, runs in one
transaction, writes the timeline and the audit trail, and sends its emails only after commit.

The audit trail is read by more people than may read an incident (communications, information
governance, system administrators), so the events written here carry the incident's structure
(type, status, severity, who, which step) in clear and every piece of free text, and every breach
or HR decision, only as its SHA-256: the trail proves what was written without telling it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from herald.audit import services as audit
from herald.dates import uk_date, uk_datetime, uk_deadline
from herald.errors import Refused
from herald.incidents.models import Incident, PlaybookStep, TimelineEntry
from herald.incidents.notify import link, notify
from herald.incidents.playbooks import FALLBACK_OWNERS, HANDLERS, Kind, playbook
from herald.people.models import Person
from herald.people.roles import Role

if TYPE_CHECKING:
    from herald.consents.models import ConsentRecord
    from herald.moderation.models import Comment, CouncillorAbuseCase
    from herald.posts.models import Post
    from herald.social_accounts.models import Account

# Warn the DPO when this little of the 72 hours is left and nothing has been decided.
CLOCK_WARNING_HOURS = 24
MAX_EVIDENCE_BYTES = 20 * 1024 * 1024


FINGERPRINT_SALT = "herald.incidents.fingerprint"


def fingerprint(text: object) -> str:
    """A keyed fingerprint (HMAC-SHA256 under a key derived from SECRET_KEY) of text kept off the audit
    trail: Herald can show the trail recorded a text, but a reader of the trail cannot confirm a guess
    (docs/decisions/0007-incident-audit-events-carry-fingerprints.md)."""
    digest = salted_hmac(FINGERPRINT_SALT, str(text), algorithm="sha256").hexdigest()
    return "hmac-sha256:" + digest


def _lock(incident: Incident) -> Incident:
    return Incident.objects.select_for_update().get(pk=incident.pk)


def _entry(incident: Incident, *, by: Person | None, kind: str, text: str, hr_only: bool = False) -> TimelineEntry:
    return TimelineEntry.objects.create(incident=incident, by=by, kind=kind, text=text, hr_only=hr_only)


def _record(
    by: Person | None,
    action: str,
    incident: Incident,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> None:
    audit.record(actor=by, action=f"incident.{action}", obj=incident, before=before, after=after, reason=reason)


def _require_worker(incident: Incident, by: Person) -> None:
    if not incident.can_work(by):
        raise Refused("Only the people working this incident can change it")


def _require_open(incident: Incident) -> None:
    if incident.is_closed:
        raise Refused("This incident is closed and can no longer be changed")


def _handlers(kind: str) -> list[Person]:
    people: dict[int, Person] = {}
    for role in HANDLERS[kind]:
        for person in Person.objects.active().with_role(role):
            people[person.pk] = person
    return list(people.values())


def _owner(role: str) -> str:
    """Who a playbook step goes to: its role, or (FALLBACK_OWNERS) another when nobody active holds it,
    so that no step waits on a role the council has not given anyone: the safeguarding lead's steps go
    to the communications team until someone is made safeguarding lead."""
    fallback = FALLBACK_OWNERS.get(role)
    if fallback and not Person.objects.with_role(role).filter(is_active=True).exists():
        return fallback
    return role


def _tick(incident: Incident, key: str, *, by: Person, note: str) -> None:
    """A decision recorded in its own form also ticks the playbook step it answers."""
    step = incident.steps.filter(key=key, done_at=None).first()
    if step is not None:
        step.done_at, step.done_by, step.outcome, step.note = timezone.now(), by, PlaybookStep.Outcome.DONE, note
        step.save()
        _entry(incident, by=by, kind=TimelineEntry.Kind.STEP, text=f"Done: {step.text}")


# --- Reporting --------------------------------------------------------------------------------


# No incident Herald records began before this: an earlier year (1026 for 2026) is a slip of the keyboard.
EARLIEST_AWARE_AT = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)


def report_incident(
    *,
    kind: str,
    summary: str,
    description: str,
    by: Person | None,
    aware_at: dt.datetime | None = None,
    account: Account | None = None,
    post: Post | None = None,
    consent_record: ConsentRecord | None = None,
    comment_reference: str = "",
    person_concerned: Person | None = None,
    link_url: str = "",
    abuse_case: CouncillorAbuseCase | None = None,
) -> Incident:
    """Anyone may report an incident. Its type's playbook is copied onto it with each step's deadline,
    the people who handle that type are told, and for a hacked account the credential-rotation task
    is opened at once. `by` is None only when Herald opens it itself (`open_for_abuse_case`)."""
    if kind not in Kind.values:
        raise Refused({"kind": "Select what happened"})
    if not summary.strip():
        raise Refused({"summary": "Enter a short summary of what happened"})
    if not description.strip():
        raise Refused({"description": "Enter what happened, when and where"})
    now = timezone.now()
    aware_at = aware_at or now
    if aware_at > now + dt.timedelta(minutes=5):
        raise Refused({"aware_at": "The time the council became aware must be in the past"})
    if aware_at < EARLIEST_AWARE_AT:
        raise Refused({"aware_at": f"The time the council became aware must be in {EARLIEST_AWARE_AT.year} or later"})
    with transaction.atomic():
        incident = Incident.objects.create(
            kind=kind,
            summary=summary.strip(),
            description=description.strip(),
            reported_by=by,
            reported_at=now,
            aware_at=aware_at,
            account=account,
            post=post,
            consent_record=consent_record,
            comment_reference=comment_reference,
            person_concerned=person_concerned,
            link=link_url,
            abuse_case=abuse_case,
        )
        # A breach's clock runs from awareness; everything else from the report.
        start = aware_at if kind == Kind.PERSONAL_DATA_BREACH else now
        PlaybookStep.objects.bulk_create(
            PlaybookStep(
                incident=incident,
                position=number,
                key=step.key,
                text=step.text,
                owner_role=_owner(step.owner_role),
                due_at=start + dt.timedelta(hours=step.hours),
            )
            for number, step in enumerate(playbook(kind), 1)
        )
        reporter = by.full_name if by is not None else "Herald, from the moderation inbox"
        _entry(incident, by=by, kind=TimelineEntry.Kind.REPORTED, text=f"Reported by {reporter}")
        if kind == Kind.EMPLOYEE_POST and person_concerned is not None and person_concerned.line_manager_id:
            # The employee's manager works the case with HR (they see it, never HR's outcome).
            line_manager = person_concerned.line_manager
            assert line_manager is not None  # line_manager_id is set, so the descriptor returns the row
            incident.workers.add(line_manager)
            _entry(
                incident,
                by=None,
                kind=TimelineEntry.Kind.ASSIGNED,
                text=f"{line_manager.full_name} (line manager) added",
            )
        if kind == Kind.ACCOUNT_COMPROMISED and account is not None and by is not None:
            _open_rotation(incident, by=by)
        _record(
            by,
            "reported",
            incident,
            after={
                "kind": kind,
                "summary": fingerprint(incident.summary),
                "description": fingerprint(incident.description),
                "aware_at": aware_at,
                "account": getattr(account, "pk", None),
                "post": getattr(post, "pk", None),
                "consent_record": getattr(consent_record, "pk", None),
                "comment_reference": comment_reference,
                "person_concerned": getattr(person_concerned, "pk", None),
                "abuse_case": getattr(abuse_case, "pk", None),
            },
        )
        told: list = [person for person in _handlers(kind) if not incident.concerns(person)]
        if kind == Kind.CHILD_IDENTIFIED:
            # The safeguarding mailbox (out of hours) hears of a child identified, as of a concern in a comment.
            from django.conf import settings

            told += [address for address in settings.MODERATION_SAFEGUARDING_LEAD if address]
        notify(
            told,
            f"New incident {incident.reference}: {incident.short_kind}",
            f"{reporter} reported an incident. Open it to triage it and work its playbook.\n\n"
            f"{link('incidents:detail', incident.pk)}",
        )
    return incident


def open_for_abuse_case(case: CouncillorAbuseCase, comment: Comment, *, by: Person | None) -> Incident:
    """The moderation inbox opened a councillor-abuse case: open the "abuse or threat" incident that
    runs its response (safeguarding lead, police referral with the crime reference, report to the
    platform), concerning the councillor and the comment. One incident per case."""
    councillor = case.councillor
    note = f" {case.office_note}." if case.office_note else ""
    return report_incident(
        kind=Kind.ABUSE_OR_THREAT,
        summary=f"Abuse aimed at {case.subject}"[:200],
        description=(
            f"The moderation inbox opened councillor-abuse case {case.pk} for {case.subject}: {case.why}.{note} "
            "The comments and the evidence pack for the police are on the case."
        ),
        by=by,
        aware_at=comment.received_at if comment.received_at <= timezone.now() else None,
        comment_reference=f"comment:{comment.pk}",
        person_concerned=councillor,
        link_url=comment.permalink or "",
        abuse_case=case,
    )


def _open_rotation(incident: Incident, *, by: Person) -> None:
    from herald.social_accounts import services as social_accounts

    # Both callers open a rotation only for an incident with an account (a PROTECTed key, set when
    # it is reported and never cleared).
    account = incident.account
    assert account is not None
    task = social_accounts.open_credential_rotation(
        account, by=by, reason=f"{incident.reference}: the account was reported compromised"
    )
    incident.rotation_task = task
    incident.save(update_fields=["rotation_task"])
    _entry(
        incident,
        by=None,
        kind=TimelineEntry.Kind.NOTE,
        text=f"Credential-rotation task opened for {account.display_name}",
    )


# --- Triage and working it ---------------------------------------------------------------------


def triage_incident(
    incident: Incident, *, by: Person, severity: str, lead: Person, add_workers: Iterable[Person] = ()
) -> Incident:
    """Set how serious it is and who leads it; the incident is then being dealt with."""
    _require_worker(incident, by)
    if severity not in Incident.Severity.values:
        raise Refused({"severity": "Select how serious the incident is"})
    if not lead.is_active:
        raise Refused({"lead": "Select someone who still works for the council"})
    if incident.concerns(lead):
        raise Refused({"lead": "The person this incident is about cannot lead it"})
    if any(incident.concerns(person) for person in add_workers):
        raise Refused({"add_worker": "The person this incident is about cannot work it"})
    with transaction.atomic():
        incident = _lock(incident)
        _require_open(incident)
        before = {"severity": incident.severity, "lead": incident.lead_id, "status": incident.status}
        if incident.lead_id != lead.pk:
            incident.lead = lead
            _entry(incident, by=by, kind=TimelineEntry.Kind.ASSIGNED, text=f"Led by {lead.full_name}")
        if incident.severity != severity:
            incident.severity = severity
            _entry(
                incident,
                by=by,
                kind=TimelineEntry.Kind.STATUS,
                text=f"Severity set to {incident.get_severity_display()}",
            )
        if incident.status == Incident.Status.REPORTED:
            incident.status = Incident.Status.INVESTIGATING
            _entry(incident, by=by, kind=TimelineEntry.Kind.STATUS, text="Status: being dealt with")
        incident.save()
        added = [p for p in add_workers if not incident.workers.filter(pk=p.pk).exists()]
        for person in added:
            incident.workers.add(person)
            _entry(incident, by=by, kind=TimelineEntry.Kind.ASSIGNED, text=f"{person.full_name} brought in to work it")
        _record(
            by,
            "triaged",
            incident,
            before=before,
            after={
                "severity": incident.severity,
                "lead": incident.lead_id,
                "status": incident.status,
                "workers_added": [p.pk for p in added],
            },
        )
        notify(
            [lead, *added],
            f"You are working incident {incident.reference}",
            f"{by.full_name} asked you to work incident {incident.reference} ({incident.short_kind}).\n\n"
            f"{link('incidents:detail', incident.pk)}",
        )
    return incident


def tick_step(
    step: PlaybookStep, *, by: Person, outcome: str = PlaybookStep.Outcome.DONE, note: str = ""
) -> PlaybookStep:
    incident = step.incident
    _require_worker(incident, by)
    if outcome not in PlaybookStep.Outcome.values:
        raise Refused({"outcome": "Select whether the step is done or not needed"})
    if outcome == PlaybookStep.Outcome.NOT_NEEDED and not note.strip():
        raise Refused({"note": "Enter why this step is not needed"})
    with transaction.atomic():
        _require_open(_lock(incident))
        step = PlaybookStep.objects.select_for_update().get(pk=step.pk)
        if step.is_done:
            raise Refused("This step has already been ticked")
        step.done_at, step.done_by, step.outcome, step.note = timezone.now(), by, outcome, note.strip()
        step.save()
        label = "Done" if outcome == PlaybookStep.Outcome.DONE else "Not needed"
        _entry(incident, by=by, kind=TimelineEntry.Kind.STEP, text=f"{label}: {step.text}")
        _record(
            by,
            "step_ticked",
            incident,
            after={"step": step.key, "outcome": outcome, "note": fingerprint(step.note) if step.note else ""},
        )
    return step


def add_note(incident: Incident, *, by: Person, text: str, evidence: UploadedFile | None = None) -> TimelineEntry:
    """A note, or a piece of evidence with a note; the file's SHA-256 is sealed into the audit trail."""
    _require_worker(incident, by)
    if not text.strip() and evidence is None:
        raise Refused({"text": "Enter a note or choose a file"})
    # An uploaded file always has its size (Django's upload handlers set it); the cast keeps the
    # comparison exactly as it was.
    if evidence is not None and cast(int, evidence.size) > MAX_EVIDENCE_BYTES:
        raise Refused({"evidence": "The file must be smaller than 20 MB"})
    with transaction.atomic():
        _require_open(_lock(incident))
        entry = TimelineEntry(
            incident=incident,
            by=by,
            kind=TimelineEntry.Kind.EVIDENCE if evidence is not None else TimelineEntry.Kind.NOTE,
            text=text.strip() or "Evidence added",
        )
        if evidence is not None:
            digest = hashlib.sha256()
            for chunk in evidence.chunks():
                digest.update(chunk)
            entry.evidence_sha256 = digest.hexdigest()
            entry.evidence_name = (evidence.name or "evidence")[-200:]
            evidence.seek(0)
            entry.evidence.save(f"{incident.pk}-{entry.evidence_sha256[:16]}", evidence, save=False)
        entry.save()
        _record(
            by,
            "evidence_added" if evidence is not None else "note_added",
            incident,
            after={"text": fingerprint(entry.text), **_evidence_named(entry)},
        )
    return entry


def record_evidence_downloaded(entry: TimelineEntry, *, by: Person) -> None:
    """Evidence may hold personal data (screenshots, messages): who took a copy of which file is on the
    audit trail. The file is named by its hash and fingerprinted name, as when it was added."""
    _record(by, "evidence_downloaded", entry.incident, after=_evidence_named(entry))


def _evidence_named(entry: TimelineEntry) -> dict[str, Any]:
    """A timeline entry and its file as the audit trail names them: the file's hash and name fingerprint."""
    return {
        "entry": entry.pk,
        "evidence_sha256": entry.evidence_sha256,
        "evidence_name": fingerprint(entry.evidence_name) if entry.evidence_name else "",
    }


# --- Account compromised -----------------------------------------------------------------------


def stop_publishing_for(incident: Incident, *, by: Person) -> Incident:
    """One click from a hacked-account incident: the communications team's stop switch for that
    account (posts' own service, so its banner and holds apply), and the rotation task if none yet."""
    from herald.posts import services as posts

    if incident.kind != Kind.ACCOUNT_COMPROMISED or incident.account is None:
        raise Refused("Publishing can be stopped from an incident only when an account is compromised")
    if not by.has_role(Role.COMMS):
        raise Refused("Only the communications team can stop publishing")
    with transaction.atomic():
        incident = _lock(incident)
        _require_open(incident)
        if incident.pause_id:
            current_pause = incident.pause
            assert current_pause is not None  # pause_id is set, so the descriptor returns the row
            if current_pause.released_at is None:
                raise Refused("Publishing is already stopped on this account")
        # Checked above, before the lock; the key is PROTECTed and set only when it is reported.
        account = incident.account
        assert account is not None
        pause = posts.stop_publishing(
            by=by,
            reason=f"{incident.reference}: {account.display_name} may be compromised",
            accounts=[account],
        )
        incident.pause = pause
        incident.save(update_fields=["pause"])
        _entry(
            incident,
            by=by,
            kind=TimelineEntry.Kind.STOPPED,
            text=f"Publishing stopped on {account.display_name}",
        )
        _tick(incident, "stop", by=by, note="Stopped from the incident")
        if incident.rotation_task_id is None:
            _open_rotation(incident, by=by)
        _record(by, "publishing_stopped", incident, after={"pause": pause.pk, "account": incident.account_id})
    return incident


# --- Personal data breach ----------------------------------------------------------------------


def _require_dpo_or_worker(incident: Incident, by: Person) -> None:
    if not incident.is_breach:
        raise Refused("This is not a personal data breach")
    _require_worker(incident, by)


def assess_breach(
    incident: Incident, *, by: Person, data_involved: str, people_affected: int | None, risk: str
) -> Incident:
    _require_dpo_or_worker(incident, by)
    if risk not in {c for c in Incident.BreachRisk.values if c}:
        raise Refused({"risk": "Select the risk to the people affected"})
    if not data_involved.strip():
        raise Refused({"data_involved": "Enter what personal data was involved"})
    with transaction.atomic():
        incident = _lock(incident)
        _require_open(incident)
        incident.data_involved, incident.people_affected, incident.breach_risk = (
            data_involved.strip(),
            people_affected,
            risk,
        )
        # "Do not report" stands only while the breach is unlikely to risk anyone (article 33(1)):
        # assessed higher, the ICO decision is open again and its clock runs again.
        reopened = incident.ico_decision == Incident.IcoDecision.DO_NOT_REPORT and risk != Incident.BreachRisk.UNLIKELY
        if reopened:
            incident.ico_decision, incident.ico_decided_by, incident.ico_decided_at = "", None, None
            incident.clock_warning_sent_at = None
        incident.save()
        _entry(
            incident,
            by=by,
            kind=TimelineEntry.Kind.DECISION,
            text=f"Risk assessed: {incident.get_breach_risk_display()}",
        )
        _tick(incident, "assess", by=by, note="Assessed in the breach form")
        if reopened:
            incident.steps.filter(key="ico").update(done_at=None, done_by=None, outcome="", note="")
            _entry(
                incident,
                by=by,
                kind=TimelineEntry.Kind.DECISION,
                text="ICO decision reopened: the breach is now assessed as a risk to people, so it is reported "
                "unless the decision is made again",
            )
        _record(
            by,
            "breach_assessed",
            incident,
            after={
                "assessment": fingerprint((data_involved, people_affected, risk)),
                "ico_decision_reopened": reopened,
            },
        )
    return incident


def decide_ico_report(
    incident: Incident,
    *,
    by: Person,
    decision: str,
    reasoning: str,
    reported_at: dt.datetime | None = None,
    reference: str = "",
    late_reason: str = "",
) -> Incident:
    """Record whether the breach is reported to the ICO, and why, either way (article 33(5)). A report
    made after the 72 hours must say why it was late (article 33(1))."""
    _require_dpo_or_worker(incident, by)
    if decision not in (Incident.IcoDecision.REPORT, Incident.IcoDecision.DO_NOT_REPORT):
        raise Refused({"decision": "Select whether to report the breach to the ICO"})
    if not reasoning.strip():
        raise Refused({"reasoning": "Enter the reasons for the decision"})
    now = timezone.now()
    if decision == Incident.IcoDecision.REPORT:
        if reported_at is None:
            raise Refused({"reported_at": "Enter when the breach was reported to the ICO"})
        if reported_at > now + dt.timedelta(minutes=5):
            raise Refused({"reported_at": "The report to the ICO must be in the past: record it once it is made"})
        # To the minute, as it is typed: a report in the minute the council became aware is not before it.
        if reported_at < incident.aware_at.replace(second=0, microsecond=0):
            raise Refused(
                {
                    "reported_at": "The report to the ICO cannot be before the council became aware of the breach, "
                    f"on {uk_datetime(incident.aware_at)}"
                }
            )
        if reported_at > incident.ico_deadline and not late_reason.strip():
            raise Refused({"late_reason": "Enter why the report was made after 72 hours"})
    with transaction.atomic():
        incident = _lock(incident)
        _require_open(incident)
        if not incident.breach_risk:
            raise Refused("Assess the risk to the people affected before deciding on the ICO")
        if decision == Incident.IcoDecision.DO_NOT_REPORT:
            # A report made to the ICO is a fact: a later change of mind cannot unmake it.
            if incident.ico_reported_at is not None:
                raise Refused({"decision": "This breach has already been reported to the ICO: that cannot be undone"})
            # Article 33(1): a breach is reported unless it is unlikely to result in a risk to people.
            if incident.breach_risk != Incident.BreachRisk.UNLIKELY:
                raise Refused(
                    {
                        "decision": "A breach is reported to the ICO unless it is unlikely to result in a risk to "
                        "people's rights and freedoms (article 33(1)); the assessment says it is "
                        f"{incident.get_breach_risk_display().lower()}"
                    }
                )
        incident.ico_decision, incident.ico_reasoning = decision, reasoning.strip()
        incident.ico_decided_by, incident.ico_decided_at = by, now
        if decision == Incident.IcoDecision.REPORT:
            assert reported_at is not None  # a report without its time was refused above
            incident.ico_reported_at, incident.ico_reference = reported_at, reference.strip()
            incident.late_reason = late_reason.strip() if reported_at > incident.ico_deadline else ""
        else:
            incident.ico_reported_at, incident.ico_reference, incident.late_reason = None, "", ""
        incident.save()
        _entry(incident, by=by, kind=TimelineEntry.Kind.DECISION, text=f"ICO: {incident.get_ico_decision_display()}")
        _tick(incident, "ico", by=by, note="Decided in the breach form")
        _record(
            by,
            "ico_decided",
            incident,
            # The reasons for a late report are part of the decision (article 33(1)): sealed with it.
            after={"decision": fingerprint((decision, reasoning, reported_at, reference, incident.late_reason))},
        )
    return incident


def decide_telling_people(incident: Incident, *, by: Person, decision: str, reasoning: str) -> Incident:
    _require_dpo_or_worker(incident, by)
    if decision not in (Incident.TellPeople.TELL, Incident.TellPeople.DO_NOT_TELL):
        raise Refused({"tell": "Select whether to tell the people affected"})
    if not reasoning.strip():
        raise Refused({"tell_reasoning": "Enter the reasons for the decision"})
    with transaction.atomic():
        incident = _lock(incident)
        _require_open(incident)
        incident.tell_people, incident.tell_people_reasoning = decision, reasoning.strip()
        incident.save()
        _entry(incident, by=by, kind=TimelineEntry.Kind.DECISION, text=incident.get_tell_people_display())
        _tick(incident, "tell-people", by=by, note="Decided in the breach form")
        _record(by, "tell_people_decided", incident, after={"decision": fingerprint((decision, reasoning))})
    return incident


def warn_breach_clocks(*, now: dt.datetime | None = None) -> list[Incident]:
    """Tell the DPO and whoever leads a breach once, when less than a day of its 72 hours is left and
    nothing has been decided."""
    now = now or timezone.now()
    warned = []
    horizon = now + dt.timedelta(hours=CLOCK_WARNING_HOURS) - dt.timedelta(hours=72)
    due = (
        Incident.objects.breaches()
        .open()
        .filter(clock_warning_sent_at=None, ico_reported_at=None, aware_at__lte=horizon)
        .exclude(ico_decision=Incident.IcoDecision.DO_NOT_REPORT)
    )
    for incident in due:
        with transaction.atomic():
            incident = _lock(incident)
            if incident.clock_warning_sent_at:
                continue
            incident.clock_warning_sent_at = now
            incident.save(update_fields=["clock_warning_sent_at"])
            _record(None, "clock_warning_sent", incident, after={"deadline": incident.ico_deadline})
            people = [*_handlers(Kind.PERSONAL_DATA_BREACH), incident.lead, *incident.workers.all()]
            left = incident.ico_deadline - now
            deadline = uk_deadline(incident.ico_deadline)
            if left < dt.timedelta(0):
                # Reported to Herald after its 72 hours had run out: say so, and what a late report needs.
                over = int(-left.total_seconds() // 3600)
                subject = f"{incident.reference}: the 72 hours to report to the ICO ended {over} hours ago"
                body = (
                    f"The 72 hours to report personal data breach {incident.reference} to the ICO ended at "
                    f"{deadline}. Record the decision and its reasons either way; a report to the ICO now must "
                    "give the reasons for the delay."
                )
            else:
                hours = int(left.total_seconds() // 3600)
                subject = f"{incident.reference}: {hours} hours left to decide on reporting to the ICO"
                body = (
                    f"The 72 hours to report personal data breach {incident.reference} to the ICO end at "
                    f"{deadline}. Record the decision and its reasons either way."
                )
            notify(people, subject, f"{body}\n\n{link('incidents:breach', incident.pk)}")
            warned.append(incident)
    return warned


# --- HR, police and legal ----------------------------------------------------------------------


def record_hr_outcome(incident: Incident, *, by: Person, referred: bool, outcome: str) -> Incident:
    """HR's referral decision and outcome for an employee's post. Only HR records it or reads it."""
    if incident.kind != Kind.EMPLOYEE_POST:
        raise Refused("HR outcomes are recorded only for an employee's post")
    if not by.has_role(Role.HR):
        raise Refused("Only HR can record the outcome")
    if not outcome.strip():
        raise Refused({"outcome": "Enter the outcome"})
    with transaction.atomic():
        incident = _lock(incident)
        _require_open(incident)
        incident.disciplinary_referral = referred
        incident.hr_outcome, incident.hr_outcome_by, incident.hr_outcome_at = outcome.strip(), by, timezone.now()
        incident.save()
        referral = (
            "Referred to the disciplinary procedure" if referred else "Not referred to the disciplinary procedure"
        )
        _entry(
            incident, by=by, kind=TimelineEntry.Kind.HR_OUTCOME, text=f"{referral}. {incident.hr_outcome}", hr_only=True
        )
        _tick(incident, "hr", by=by, note="Recorded in the HR outcome form")
        _tick(incident, "outcome", by=by, note="Recorded in the HR outcome form")
        _record(by, "hr_outcome_recorded", incident, after={"outcome": fingerprint((referred, outcome))})
    return incident


def record_crime_reference(incident: Incident, *, by: Person, reference: str) -> Incident:
    """The police referral's crime reference. An incident opened for a councillor-abuse case keeps it
    on the case (one place, shown on both pages), so the monitoring officer's team sees it there too."""
    _require_worker(incident, by)
    if incident.kind != Kind.ABUSE_OR_THREAT:
        raise Refused("A crime reference is recorded for abuse or a threat")
    if not reference.strip():
        raise Refused({"crime_reference": "Enter the police crime reference"})
    with transaction.atomic():
        incident = _lock(incident)
        _require_open(incident)
        if incident.abuse_case is not None:
            from herald.moderation.services import cases

            incident.abuse_case = cases.set_police_reference(incident.abuse_case, by=by, reference=reference)
        else:
            incident.crime_reference = reference.strip()
            incident.save(update_fields=["crime_reference"])
        _police_referral(incident, by=by, where="")
    return incident


def police_referral_recorded_on_case(incident: Incident, *, by: Person) -> None:
    """The monitoring officer's team recorded the crime reference on the councillor-abuse case this
    incident was opened for: the incident shows it from the case; its timeline and playbook note it."""
    with transaction.atomic():
        incident = _lock(incident)
        if not incident.is_closed:
            _police_referral(incident, by=by, where=" (recorded on the councillor-abuse case)")


def _police_referral(incident: Incident, *, by: Person, where: str) -> None:
    reference = incident.police_reference
    _entry(incident, by=by, kind=TimelineEntry.Kind.DECISION, text=f"Referred to the police: {reference}{where}")
    _tick(incident, "police", by=by, note=f"Crime reference {reference}")
    _record(by, "police_referral", incident, after={"crime_reference": fingerprint(reference)})


def record_takedown_decision(
    incident: Incident, *, by: Person, decision: str, decided_at: dt.datetime, change_reason: str = ""
) -> Incident:
    """The decision on a copyright or defamation complaint. Once one is recorded, another is a change of
    decision and says why (`change_reason`): the earlier one stays in the timeline and the audit trail."""
    _require_worker(incident, by)
    if incident.kind != Kind.COPYRIGHT_OR_DEFAMATION:
        raise Refused("A takedown decision is recorded for a copyright or defamation complaint")
    if not decision.strip():
        raise Refused({"takedown_decision": "Enter the decision"})
    if decided_at > timezone.now() + dt.timedelta(minutes=5):
        raise Refused({"takedown_decided_at": "The time of the decision must be in the past"})
    # To the minute, as it is typed. A mistyped year (1026 for 2026) would otherwise stand in the record
    # as when it was decided.
    if decided_at < incident.aware_at.replace(second=0, microsecond=0):
        raise Refused(
            {
                "takedown_decided_at": "The decision cannot be before the council became aware of the complaint, "
                f"on {uk_datetime(incident.aware_at)}"
            }
        )
    with transaction.atomic():
        incident = _lock(incident)
        _require_open(incident)
        earlier, earlier_at = incident.takedown_decision, incident.takedown_decided_at
        if earlier_at is not None and not change_reason.strip():
            raise Refused(
                {
                    "change_reason": f"A takedown decision is already recorded ({earlier}, "
                    f"{uk_datetime(earlier_at)}). To change it, give the reason for the change"
                }
            )
        incident.takedown_decision, incident.takedown_decided_at = decision.strip(), decided_at
        incident.save(update_fields=["takedown_decision", "takedown_decided_at"])
        if earlier_at is None:
            text = f"Takedown decision: {incident.takedown_decision}"
        else:
            text = (
                f"Takedown decision changed from '{earlier}' ({uk_datetime(earlier_at)}) to "
                f"'{incident.takedown_decision}' ({uk_datetime(decided_at)}). Why: {change_reason.strip()}"
            )
        _entry(incident, by=by, kind=TimelineEntry.Kind.DECISION, text=text)
        _tick(incident, "takedown", by=by, note="Recorded in the takedown form")
        if earlier_at is None:
            after = {"decision": fingerprint(decision), "decided_at": decided_at}
            _record(by, "takedown_decided", incident, after=after)
        else:
            _record(
                by,
                "takedown_decision_changed",
                incident,
                before={"decision": fingerprint(earlier), "decided_at": earlier_at},
                after={
                    "decision": fingerprint(decision),
                    "decided_at": decided_at,
                    "reason": fingerprint(change_reason.strip()),
                },
            )
    return incident


# --- Closing -----------------------------------------------------------------------------------


def close_problems(incident: Incident) -> list[str]:
    """What still stands between this incident and closing it."""
    problems = []
    open_steps = incident.steps.open().count()
    if open_steps:
        problems.append(f"Tick or mark as not needed the {open_steps} open step{'s' if open_steps != 1 else ''}")
    if incident.is_breach and not incident.ico_decision:
        problems.append("Record the ICO decision and its reasons")
    if incident.is_breach and not incident.tell_people:
        problems.append("Record whether the people affected are told, and why")
    if incident.kind == Kind.EMPLOYEE_POST and not incident.hr_outcome_at:
        problems.append("HR must record the outcome")
    return problems


def close_incident(incident: Incident, *, by: Person, cause: str, worked: str, changes: str) -> Incident:
    """An incident closes only with its closing review written: the cause, what worked, what changes."""
    _require_worker(incident, by)
    errors = {}
    if not cause.strip():
        errors["cause"] = "Enter what caused the incident"
    if not changes.strip():
        errors["changes"] = "Enter what will change, or that nothing needs to"
    if errors:
        raise Refused(errors)
    with transaction.atomic():
        incident = _lock(incident)
        _require_open(incident)
        problems = close_problems(incident)
        if problems:
            raise Refused(problems)
        before = {"status": incident.status}
        incident.review_cause, incident.review_worked, incident.review_changes = (
            cause.strip(),
            worked.strip(),
            changes.strip(),
        )
        incident.status, incident.closed_at, incident.closed_by = Incident.Status.CLOSED, timezone.now(), by
        incident.save()
        _entry(incident, by=by, kind=TimelineEntry.Kind.REVIEW, text="Closing review written")
        _entry(incident, by=by, kind=TimelineEntry.Kind.STATUS, text="Status: closed")
        _record(
            by,
            "closed",
            incident,
            before=before,
            after={
                "status": incident.status,
                "review": fingerprint((incident.review_cause, incident.review_worked, incident.review_changes)),
            },
        )
        notify(
            [incident.reported_by],
            f"Incident {incident.reference} is closed",
            f"The incident you reported on {uk_date(incident.reported_at)} has been dealt with "
            f"and closed. Thank you for reporting it.\n\n{link('incidents:detail', incident.pk)}",
        )
    return incident
