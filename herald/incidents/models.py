"""Incidents and breaches: what was reported, what it concerns, the steps of its playbook, its
timeline and, before it closes, the review of what happened.

Visibility is strict (see `IncidentQuerySet.workable_by`): the people whose role handles the type,
and anyone brought in to work it, see it in full; the reporter sees only its status; HR outcomes
are shown to HR alone.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils import timezone

from herald.incidents.playbooks import HANDLERS, ICO_HOURS, SHORT_NAMES, Kind
from herald.people.models import Person
from herald.people.roles import Role
from herald.plain_text import whole_number

# Incidents about someone's own conduct: the person concerned never works (or sees) them, whatever their role.
CONDUCT_KINDS = (Kind.EMPLOYEE_POST, Kind.COUNCILLOR_CONDUCT)


class IncidentQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=Incident.Status.CLOSED)

    def breaches(self):
        return self.filter(kind=Kind.PERSONAL_DATA_BREACH)

    def reported_by(self, person: Person):
        return self.filter(reported_by=person)

    def workable_by(self, person: Person):
        """Incidents this person sees in full: those whose type their role handles, and those they
        lead or were brought in to work."""
        kinds = [kind for kind, roles in HANDLERS.items() if person.roles & roles]
        return (
            self.filter(Q(kind__in=kinds) | Q(lead=person) | Q(workers=person))
            .exclude(kind__in=CONDUCT_KINDS, person_concerned=person)
            .distinct()
        )

    def concerning(self, person: Person):
        """Incidents about this person's own conduct: they are not to learn of them at all."""
        return self.filter(kind__in=CONDUCT_KINDS, person_concerned=person)

    def since(self, when: dt.datetime):
        return self.filter(reported_at__gte=when)


class Incident(models.Model):
    Kind = Kind

    class Status(models.TextChoices):
        REPORTED = "reported", "Reported"
        INVESTIGATING = "investigating", "Being dealt with"
        CLOSED = "closed", "Closed"

    class Severity(models.TextChoices):
        LOW = "low", "Low"
        MEDIUM = "medium", "Medium"
        HIGH = "high", "High"
        CRITICAL = "critical", "Critical"

    class BreachRisk(models.TextChoices):
        NOT_ASSESSED = "", "Not assessed yet"
        UNLIKELY = "unlikely", "Unlikely to result in a risk to people's rights and freedoms"
        RISK = "risk", "A risk to people's rights and freedoms"
        HIGH = "high", "A high risk to people's rights and freedoms"

    class IcoDecision(models.TextChoices):
        UNDECIDED = "", "Not decided yet"
        REPORT = "report", "Report to the ICO"
        DO_NOT_REPORT = "do_not_report", "Do not report to the ICO"

    class TellPeople(models.TextChoices):
        UNDECIDED = "", "Not decided yet"
        TELL = "tell", "Tell the people affected"
        DO_NOT_TELL = "do_not_tell", "Do not tell the people affected"

    kind = models.CharField(max_length=24, choices=Kind.choices)
    summary = models.CharField(max_length=200)
    description = models.TextField()
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.REPORTED)
    severity = models.CharField(max_length=8, choices=Severity.choices, default=Severity.MEDIUM)
    # Nobody when Herald opened it itself (a councillor-abuse case from the moderation inbox).
    reported_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="incidents_reported"
    )
    reported_at = models.DateTimeField(default=timezone.now)
    # When the council became aware: the start of the 72-hour ICO clock for a personal data breach.
    aware_at = models.DateTimeField()
    lead = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="incidents_led")
    workers = models.ManyToManyField(Person, blank=True, related_name="incidents_worked")

    # What it concerns.
    account = models.ForeignKey(
        "social_accounts.Account", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    post = models.ForeignKey("posts.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    consent_record = models.ForeignKey(
        "consents.ConsentRecord", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A comment in the moderation inbox, as "comment:<id>" (the report form's `?comment=<id>`).
    comment_reference = models.CharField(max_length=60, blank=True)
    # The councillor-abuse case the moderation inbox opened this incident for (abuse or threat).
    abuse_case = models.OneToOneField(
        "moderation.CouncillorAbuseCase", null=True, blank=True, on_delete=models.PROTECT, related_name="incident"
    )
    person_concerned = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="incidents_concerning"
    )
    link = models.URLField("Address of the post or page", blank=True, max_length=500)

    # Account compromised: the stop switch pulled from the incident and the credential-rotation task.
    pause = models.ForeignKey(
        "posts.PublishingPause", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rotation_task = models.ForeignKey(
        "social_accounts.SecurityTask", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    # Personal data breach: the DPO's assessment and decisions, each with its reasoning.
    data_involved = models.TextField(blank=True)
    people_affected = models.PositiveIntegerField(null=True, blank=True)
    breach_risk = models.CharField(max_length=8, choices=BreachRisk.choices, blank=True, default="")
    ico_decision = models.CharField(max_length=14, choices=IcoDecision.choices, blank=True, default="")
    ico_reasoning = models.TextField(blank=True)
    ico_decided_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    ico_decided_at = models.DateTimeField(null=True, blank=True)
    ico_reported_at = models.DateTimeField(null=True, blank=True)
    ico_reference = models.CharField(max_length=60, blank=True)
    late_reason = models.TextField("Reasons for reporting after 72 hours", blank=True)
    tell_people = models.CharField(max_length=12, choices=TellPeople.choices, blank=True, default="")
    tell_people_reasoning = models.TextField(blank=True)
    clock_warning_sent_at = models.DateTimeField(null=True, blank=True)

    # Inappropriate post by an employee: HR's referral and outcome (shown to HR alone).
    disciplinary_referral = models.BooleanField(null=True, blank=True)
    hr_outcome = models.TextField(blank=True)
    hr_outcome_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    hr_outcome_at = models.DateTimeField(null=True, blank=True)

    # Abuse or threat, and copyright or defamation.
    crime_reference = models.CharField(max_length=60, blank=True)
    takedown_decision = models.CharField(max_length=300, blank=True)
    takedown_decided_at = models.DateTimeField(null=True, blank=True)

    # The closing review, written before the incident closes.
    review_cause = models.TextField(blank=True)
    review_worked = models.TextField(blank=True)
    review_changes = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-reported_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="closed")
                | (~Q(review_cause="") & ~Q(review_changes="") & Q(closed_at__isnull=False)),
                name="closed_incident_has_review",
            ),
            models.CheckConstraint(
                condition=Q(ico_decision="") | ~Q(ico_reasoning=""), name="ico_decision_has_reasoning"
            ),
            models.CheckConstraint(
                condition=Q(tell_people="") | ~Q(tell_people_reasoning=""), name="tell_people_decision_has_reasoning"
            ),
        ]

    def __str__(self) -> str:
        # Kept free of details: this is what the audit trail and its readers see.
        return f"{self.reference} ({self.short_kind})"

    @property
    def reference(self) -> str:
        return f"INC-{self.pk:04d}" if self.pk else "INC-new"

    @property
    def short_kind(self) -> str:
        return SHORT_NAMES[self.kind]

    @property
    def comment_id(self) -> int | None:
        """The moderation inbox's comment this incident concerns, if any."""
        prefix, _, number = self.comment_reference.partition(":")
        return whole_number(number) if prefix == "comment" else None

    @property
    def police_reference(self) -> str:
        """The police's crime reference: kept on the councillor-abuse case when the incident was opened
        for one (so the case and the incident never disagree), otherwise on the incident."""
        case = self.abuse_case if self.abuse_case_id else None
        return (case.police_reference if case else "") or self.crime_reference

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def is_breach(self) -> bool:
        return self.kind == Kind.PERSONAL_DATA_BREACH

    @property
    def ico_deadline(self) -> dt.datetime:
        """72 clock hours from awareness: nights, weekends and bank holidays all count."""
        return self.aware_at + dt.timedelta(hours=ICO_HOURS)

    @property
    def ico_clock_stopped(self) -> bool:
        return bool(self.ico_decision == self.IcoDecision.DO_NOT_REPORT or self.ico_reported_at)

    def handled_by(self) -> frozenset[str]:
        return HANDLERS[self.kind]

    def can_work(self, person: Person) -> bool:
        if not person.is_authenticated or self.concerns(person):
            return False
        if person.roles & HANDLERS[self.kind]:
            return True
        return self.lead_id == person.pk or self.workers.filter(pk=person.pk).exists()

    def concerns(self, person: Person) -> bool:
        """Whether this incident is about this person's own conduct (so they may not work it)."""
        return (
            self.kind in CONDUCT_KINDS
            and self.person_concerned_id is not None
            and self.person_concerned_id == person.pk
        )

    @staticmethod
    def sees_hr_outcome(person: Person) -> bool:
        return person.has_role(Role.HR)


class StepQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at=None)

    def overdue(self, now: dt.datetime | None = None):
        return self.open().filter(due_at__lt=now or timezone.now())


class PlaybookStep(models.Model):
    """One step of an incident's playbook, copied from its type when it was reported."""

    class Outcome(models.TextChoices):
        DONE = "done", "Done"
        NOT_NEEDED = "not_needed", "Not needed"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    key = models.SlugField(max_length=40)
    text = models.CharField(max_length=300)
    owner_role = models.CharField(max_length=20, choices=Role.choices)
    due_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    note = models.TextField(blank=True)

    objects = StepQuerySet.as_manager()

    class Meta:
        ordering = ["incident", "position"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "key"], name="one_step_per_key_per_incident"),
            models.CheckConstraint(
                condition=Q(done_at=None) | (~Q(outcome="") & Q(done_by__isnull=False)), name="ticked_step_says_who"
            ),
            models.CheckConstraint(condition=~Q(outcome="not_needed") | ~Q(note=""), name="skipped_step_says_why"),
        ]

    def __str__(self) -> str:
        return f"{self.incident.reference} step {self.position}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, now: dt.datetime | None = None) -> bool:
        return not self.is_done and (now or timezone.now()) > self.due_at


class TimelineEntry(models.Model):
    """What happened, in order. Status changes, reassignments, steps and decisions are written by
    the services; notes and evidence are added by hand. An evidence file's SHA-256 goes on the
    audit trail, so the file can later be shown unaltered."""

    class Kind(models.TextChoices):
        REPORTED = "reported", "Reported"
        STATUS = "status", "Status changed"
        ASSIGNED = "assigned", "Reassigned"
        STEP = "step", "Step ticked"
        NOTE = "note", "Note"
        EVIDENCE = "evidence", "Evidence added"
        STOPPED = "stopped", "Publishing stopped"
        DECISION = "decision", "Decision recorded"
        HR_OUTCOME = "hr_outcome", "HR outcome recorded"
        REVIEW = "review", "Closing review"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    text = models.TextField()
    # HR outcomes are on the timeline, but only HR reads what they say.
    hr_only = models.BooleanField(default=False)
    evidence = models.FileField(upload_to="incidents/evidence/", blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    evidence_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.incident.reference}: {self.get_kind_display()}"
