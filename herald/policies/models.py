"""Policy documents and their versions, acknowledgement campaigns, acknowledgements, reminders,
and the requests for advice that come out of "Can I post this?"."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils import timezone

from herald.people.models import Person, ServiceArea, Team
from herald.people.roles import Role


class ImmutableRecord(Exception):
    """Raised on any attempt to change or delete an acknowledgement."""


class PolicyDocument(models.Model):
    class Audience(models.TextChoices):
        EMPLOYEES = "employees", "Employees"
        COUNCILLORS = "councillors", "Councillors"

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=160)
    audience = models.CharField(max_length=12, choices=Audience.choices)
    summary = models.CharField(max_length=300, blank=True)
    review_due_on = models.DateField(null=True, blank=True, help_text="When the policy is next due for review.")

    class Meta:
        ordering = ["audience", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def published_version(self) -> PolicyVersion | None:
        return self.versions.filter(status=PolicyVersion.Status.PUBLISHED).first()

    @property
    def draft_version(self) -> PolicyVersion | None:
        return self.versions.filter(status=PolicyVersion.Status.DRAFT).first()


class PolicyVersionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PolicyVersion.Status.PUBLISHED)

    def readable(self):
        """Published and superseded versions: every version anyone was ever asked to follow."""
        return self.exclude(status=PolicyVersion.Status.DRAFT)


class PolicyVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        SUPERSEDED = "superseded", "Superseded"

    document = models.ForeignKey(PolicyDocument, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    body = models.TextField(help_text="Markdown")
    change_summary = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)

    objects = PolicyVersionQuerySet.as_manager()

    class Meta:
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="policy_version_number_unique"),
            models.UniqueConstraint(
                fields=["document"], condition=Q(status="published"), name="one_published_version_per_document"
            ),
            models.UniqueConstraint(
                fields=["document"], condition=Q(status="draft"), name="one_draft_version_per_document"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False), name="published_version_has_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document.title}, version {self.number} ({self.get_status_display().lower()})"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class CampaignQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Campaign.Status.OPEN)


class Campaign(models.Model):
    """Asks an audience to read and acknowledge one published version by a due date."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    class Audience(models.TextChoices):
        ALL_EMPLOYEES = "all_employees", "All employees"
        SERVICE_AREA = "service_area", "A service area"
        TEAM = "team", "A team"
        COUNCILLORS = "councillors", "Councillors"
        POLITICALLY_RESTRICTED = "politically_restricted", "Holders of politically restricted posts"
        EDITORS = "editors", "Social media editors"

    title = models.CharField(max_length=160)
    version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="campaigns")
    audience = models.CharField(max_length=24, choices=Audience.choices)
    service_area = models.ForeignKey(ServiceArea, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    reminder_every_days = models.PositiveSmallIntegerField(default=3)
    final_reminder_days_before = models.PositiveSmallIntegerField(default=2)
    quiz_pass_mark = models.PositiveSmallIntegerField(
        default=100, help_text="Percentage of answers that must be right."
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    launched_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(audience="service_area") | Q(service_area__isnull=False),
                name="campaign_service_area_named",
            ),
            models.CheckConstraint(condition=~Q(audience="team") | Q(team__isnull=False), name="campaign_team_named"),
            models.CheckConstraint(condition=Q(reminder_every_days__gte=1), name="campaign_reminders_at_least_daily"),
            models.CheckConstraint(condition=Q(quiz_pass_mark__lte=100), name="campaign_pass_mark_percentage"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def audience_label(self) -> str:
        if self.audience == self.Audience.SERVICE_AREA and self.service_area_id:
            return f"Employees in {self.service_area.name}"
        if self.audience == self.Audience.TEAM and self.team_id:
            return f"Employees in {self.team}"
        return self.get_audience_display()

    @property
    def has_quiz(self) -> bool:
        return self.questions.exists()

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.OPEN and timezone.localdate() > self.due_on

    def audience_people(self):
        """Everyone currently in the audience: active people only; leavers drop out."""
        people = Person.objects.active()
        match self.audience:
            case self.Audience.ALL_EMPLOYEES:
                return people.employees()
            case self.Audience.SERVICE_AREA:
                return people.employees().filter(team__service_area_id=self.service_area_id)
            case self.Audience.TEAM:
                return people.employees().filter(team_id=self.team_id)
            case self.Audience.COUNCILLORS:
                return people.councillors()
            case self.Audience.POLITICALLY_RESTRICTED:
                return people.politically_restricted()
            case self.Audience.EDITORS:
                return people.with_role("editor").distinct()
        return people.none()


class QuizQuestion(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(max_length=300)
    options = models.JSONField(default=list)
    correct_option = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


def past_due(today: dt.date) -> Q:
    """Assignments whose due date is before ``today``: the campaign's, or a later one of the person's own."""
    return Q(campaign__due_on__lt=today) & (Q(due_on=None) | Q(due_on__lt=today))


class AssignmentQuerySet(models.QuerySet):
    def done(self):
        return self.exclude(acknowledgement=None)

    def outstanding(self):
        """Still to acknowledge: people who are here and still in the campaign's audience."""
        return self.filter(acknowledgement=None, person__is_active=True, left_audience_at=None)

    def overdue(self, today: dt.date | None = None):
        return self.outstanding().filter(past_due(today or timezone.localdate()))

    def for_manager(self, manager: Person):
        return self.filter(person__service_manager=manager)

    def counted(self):
        """The people a campaign's figures count: everyone still here and in the audience, and leavers and
        people who moved out of the audience who had already acknowledged."""
        return self.filter(Q(person__is_active=True, left_audience_at=None) | Q(acknowledgement__isnull=False))


class Assignment(models.Model):
    """One person in one campaign's audience, and how far they have got."""

    class AddedBecause(models.TextChoices):
        LAUNCH = "launch", "In the audience at launch"
        JOINER = "joiner", "Joined the audience later"

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="assignments")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="policy_assignments")
    added_at = models.DateTimeField(default=timezone.now)
    added_because = models.CharField(max_length=8, choices=AddedBecause.choices, default=AddedBecause.LAUNCH)
    opened_at = models.DateTimeField(null=True, blank=True)
    quiz_attempts = models.PositiveSmallIntegerField(default=0)
    quiz_passed_at = models.DateTimeField(null=True, blank=True)
    last_contacted_on = models.DateField(null=True, blank=True)
    final_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    # Set when the person moves out of the audience (another team or service area, an editor no longer)
    # before acknowledging: they are not chased or counted, and it is cleared if they come back.
    left_audience_at = models.DateTimeField(null=True, blank=True)
    # A later due date of the person's own, set when they join the audience (or come back to it) with
    # less than settings.HERALD_POLICY_JOINER_DAYS left before the campaign's: they are given that long.
    due_on = models.DateField(null=True, blank=True)
    acknowledgement = models.ForeignKey(
        "Acknowledgement", null=True, blank=True, on_delete=models.PROTECT, related_name="assignments"
    )

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["person__last_name", "person__first_name"]
        constraints = [models.UniqueConstraint(fields=["campaign", "person"], name="one_assignment_per_person")]

    def __str__(self) -> str:
        return f"{self.person} – {self.campaign}"

    @property
    def is_done(self) -> bool:
        return self.acknowledgement_id is not None

    @property
    def due_date(self) -> dt.date:
        """When this person is due to acknowledge: the campaign's due date, or their own if later."""
        if self.due_on is None:
            return self.campaign.due_on
        return max(self.due_on, self.campaign.due_on)

    @property
    def has_own_due_date(self) -> bool:
        return self.due_date != self.campaign.due_on

    @property
    def is_overdue(self) -> bool:
        return not self.is_done and timezone.localdate() > self.due_date

    @property
    def status_label(self) -> str:
        if self.is_done:
            return "Acknowledged"
        if not self.person.is_active:
            return "Left the council"
        if self.left_audience_at:
            return "Moved out of the audience"
        if self.is_overdue:
            return "Overdue"
        if self.opened_at:
            return "Opened"
        return "Not started"


class AcknowledgementQuerySet(models.QuerySet):
    def update(self, **kwargs):
        _refuse_change(None, "bulk update", reason=f"fields {sorted(kwargs)}")

    def delete(self):
        _refuse_change(None, "bulk delete")

    def bulk_update(self, objs, fields, batch_size=None):
        _refuse_change(None, "bulk update", reason=f"fields {sorted(fields)}")


def _refuse_change(ack: Acknowledgement | None, attempt: str, *, reason: str = "") -> None:
    from herald.audit import services as audit

    audit.record(
        actor=None,
        action="acknowledgement.change_refused",
        obj=ack,
        object_type="" if ack else "policies.acknowledgement",
        object_repr="" if ack else "Acknowledgements",
        after={"attempt": attempt},
        reason=reason or "Acknowledgements are permanent and can never be changed or deleted.",
    )
    raise ImmutableRecord("Acknowledgements are permanent: they can never be changed or deleted.")


class Acknowledgement(models.Model):
    """A person's confirmation that they have read and will follow one version. Permanent."""

    class Method(models.TextChoices):
        READ_AND_CONFIRMED = "read_confirmed", "Opened the document and confirmed online"
        READ_QUIZ_AND_CONFIRMED = "read_quiz_confirmed", "Opened the document, passed the quiz and confirmed online"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="policy_acknowledgements")
    version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="acknowledgements")
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="acknowledgements")
    at = models.DateTimeField(default=timezone.now)
    method = models.CharField(max_length=20, choices=Method.choices)
    quiz_attempts = models.PositiveSmallIntegerField(default=0)
    sections = models.JSONField(default=list, blank=True, help_text="Clause ids acknowledged specifically.")
    statement = models.TextField(help_text="The words the person confirmed, exactly as shown.")

    objects = AcknowledgementQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        constraints = [models.UniqueConstraint(fields=["campaign", "person"], name="one_acknowledgement_per_campaign")]

    def __str__(self) -> str:
        return f"{self.person} acknowledged {self.version}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            _refuse_change(self, "save")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse_change(self, "delete")


class Reminder(models.Model):
    """Every message Herald sent about a campaign, to whom and why: the visible log of the cascade."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", "Invitation"
        REMINDER = "reminder", "Reminder"
        FINAL = "final", "Final reminder"
        OVERDUE = "overdue", "Overdue reminder"
        ESCALATION = "escalation", "Escalated to service manager"
        CHASE = "chase", "Chased by hand"

    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="reminders")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    recipient = models.EmailField()

    class Meta:
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.recipient}"


class QuizAttempt(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="attempts")
    at = models.DateTimeField(default=timezone.now)
    correct = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    passed = models.BooleanField()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.correct} of {self.total} ({'passed' if self.passed else 'not passed'})"


class AdviceRequestQuerySet(models.QuerySet):
    def awaiting_answer(self):
        return self.filter(status=AdviceRequest.Status.OPEN)


class AdviceRequest(models.Model):
    """A personal post someone chose to show the communications team, asking whether they may post it."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for an answer"
        ANSWERED = "answered", "Answered"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="advice_requests")
    text = models.TextField()
    image_description = models.TextField(blank=True)
    platform = models.CharField(max_length=12)
    question = models.TextField(blank=True)
    findings = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = AdviceRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(status="open") | ~Q(answer=""), name="answered_request_has_answer")
        ]

    def __str__(self) -> str:
        return f"Advice request {self.pk} from {self.person}"


class ConsultationQuerySet(models.QuerySet):
    def open_on(self, day: dt.date):
        return self.filter(closes_on__gte=day)

    def overlapping(self, start: dt.date, end: dt.date):
        """Consultations that were running at some point between `start` and `end`."""
        return self.filter(opened_at__date__lte=end, closes_on__gte=start)


class Consultation(models.Model):
    """A draft version put to a named group for comment on its clauses until a closing date."""

    class Consultees(models.TextChoices):
        UNION = "union", "The recognised union's representatives"
        EDITORS = "editors", "The social media editors"
        MANAGERS = "managers", "The service managers"
        EVERYONE = "everyone", "Everyone who works for the council"

    version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="consultations")
    consultees = models.CharField(max_length=10, choices=Consultees.choices)
    group_name = models.CharField(
        max_length=120, help_text="How the report names them, for example “Unison” or “the social media editors”."
    )
    representatives = models.ManyToManyField(Person, blank=True, related_name="consultations_represented")
    introduction = models.TextField(blank=True)
    closes_on = models.DateField()
    opened_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-id"]

    def __str__(self) -> str:
        return f"Consultation with {self.group_name} on {self.version}"

    def is_open(self, today: dt.date | None = None) -> bool:
        return (today or timezone.localdate()) <= self.closes_on

    def consulted_people(self):
        people = Person.objects.active()
        if self.consultees == self.Consultees.UNION:
            return people.filter(pk__in=self.representatives.values("pk"))
        if self.consultees == self.Consultees.EDITORS:
            return people.filter(
                Q(is_trained_editor=True) | Q(pk__in=Person.objects.with_role(Role.EDITOR).values("pk"))
            )
        if self.consultees == self.Consultees.MANAGERS:
            return people.filter(pk__in=Person.objects.with_role(Role.SERVICE_MANAGER).values("pk"))
        return people


class ConsultationComment(models.Model):
    """A consultee's comment on one clause (or the whole draft), and the author's answer to it."""

    class Response(models.TextChoices):
        ADOPTED = "adopted", "Adopted"
        NOTED = "noted", "Noted"
        NOT_ADOPTED = "not_adopted", "Not adopted"

    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="comments")
    clause_id = models.CharField(max_length=60, blank=True, help_text="Blank for a comment on the whole draft.")
    clause_title = models.CharField(max_length=200, blank=True)
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="consultation_comments")
    text = models.TextField()
    made_at = models.DateTimeField(default=timezone.now)
    response = models.CharField(max_length=12, choices=Response.choices, blank=True)
    reason = models.TextField(blank=True)
    answered_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["made_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(response="") | ~Q(reason=""), name="consultation_answer_has_reason")
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} on {self.clause_title or 'the whole draft'}"

    @property
    def where(self) -> str:
        return self.clause_title or "The whole draft"
