"""The risk register: risks scored on a likelihood × impact matrix whose levels, names, bands and
colours are data (a council can use its own), with owners, treatments, actions, reviews, formal
acceptances and live control evidence computed from Herald's own records.

Every score is kept with the criteria it was judged against (`Assessment.criteria`), so changing
the matrix later never changes what an earlier score meant.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from herald.dates import uk_date
from herald.people.models import Person


class Level(models.Model):
    """One step on an axis of the matrix, e.g. likelihood 4 "Likely"."""

    class Axis(models.TextChoices):
        LIKELIHOOD = "likelihood", "Likelihood"
        IMPACT = "impact", "Impact"

    axis = models.CharField(max_length=10, choices=Axis.choices)
    value = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=40)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["axis", "value"]
        constraints = [
            models.UniqueConstraint(fields=["axis", "value"], name="one_level_per_axis_value"),
            models.CheckConstraint(condition=Q(value__gte=1, value__lte=5), name="level_between_1_and_5"),
        ]

    def __str__(self) -> str:
        return f"{self.get_axis_display()} {self.value}: {self.name}"


class Band(models.Model):
    """A range of scores (likelihood × impact) with its name and colour, e.g. 15–25 "Red"."""

    name = models.CharField(max_length=40, unique=True)
    min_score = models.PositiveSmallIntegerField()
    max_score = models.PositiveSmallIntegerField()
    colour = models.CharField(max_length=7, help_text="Fill colour, e.g. #d4351c")
    text_colour = models.CharField(max_length=7, default="#0b0c0c")

    class Meta:
        ordering = ["min_score"]
        constraints = [
            models.CheckConstraint(condition=Q(min_score__lte=models.F("max_score")), name="band_range_in_order"),
            models.CheckConstraint(condition=Q(min_score__gte=1, max_score__lte=25), name="band_within_matrix"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.min_score}–{self.max_score})"


class RiskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Risk.Status.OPEN)

    def owned_by(self, person: Person):
        return self.filter(owner=person)

    def review_due(self, on: dt.date):
        return self.open().filter(next_review_on__lte=on)


class Risk(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    class Treatment(models.TextChoices):
        MITIGATE = "mitigate", "Mitigate"
        ACCEPT = "accept", "Accept"
        AVOID = "avoid", "Avoid"
        TRANSFER = "transfer", "Transfer"

    # Unique whatever its case (`one_risk_per_reference`): "s.05" is risk S.05.
    reference = models.CharField(max_length=20)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="Where the risk was identified")
    owner = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="risks_owned")
    owner_role = models.CharField(max_length=120, blank=True, help_text="The post that owns the risk")
    treatment = models.CharField(max_length=8, choices=Treatment.choices, default=Treatment.MITIGATE)
    mitigation = models.TextField(blank=True)
    status = models.CharField(max_length=6, choices=Status.choices, default=Status.OPEN)
    review_every_days = models.PositiveSmallIntegerField(default=90)
    next_review_on = models.DateField(null=True, blank=True)
    # The review date the owner was last reminded about, so they are reminded once per due date.
    reminded_for = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = RiskQuerySet.as_manager()

    class Meta:
        ordering = ["reference"]
        constraints = [
            models.UniqueConstraint(
                Lower("reference"),
                name="one_risk_per_reference",
                violation_error_message="There is already a risk with this reference",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def latest(self) -> Assessment | None:
        # From `.all()`, so a page that prefetches the assessments asks nothing more per risk.
        return max(self.assessments.all(), key=lambda a: (a.at, a.pk), default=None)

    @property
    def current_acceptance(self) -> Acceptance | None:
        return (
            self.acceptances.filter(expires_on__gte=timezone.localdate(), lapsed_at=None)
            .order_by("-accepted_at")
            .first()
        )


class Assessment(models.Model):
    """One scoring of a risk: inherent (before controls), current (with today's controls) and
    residual (the target once the actions are done), each likelihood × impact, with the matrix's
    criteria as they stood, so the score never changes meaning."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="assessments")
    inherent_likelihood = models.PositiveSmallIntegerField()
    inherent_impact = models.PositiveSmallIntegerField()
    current_likelihood = models.PositiveSmallIntegerField()
    current_impact = models.PositiveSmallIntegerField()
    residual_likelihood = models.PositiveSmallIntegerField()
    residual_impact = models.PositiveSmallIntegerField()
    rationale = models.TextField()
    criteria = models.JSONField(default=dict)
    by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    inherent_likelihood__gte=1,
                    inherent_likelihood__lte=5,
                    inherent_impact__gte=1,
                    inherent_impact__lte=5,
                    current_likelihood__gte=1,
                    current_likelihood__lte=5,
                    current_impact__gte=1,
                    current_impact__lte=5,
                    residual_likelihood__gte=1,
                    residual_likelihood__lte=5,
                    residual_impact__gte=1,
                    residual_impact__lte=5,
                ),
                name="scores_on_the_matrix",
            )
        ]

    def __str__(self) -> str:
        return f"{self.risk.reference} scored {uk_date(self.at)}"

    @property
    def inherent(self) -> int:
        return self.inherent_likelihood * self.inherent_impact

    @property
    def current(self) -> int:
        return self.current_likelihood * self.current_impact

    @property
    def residual(self) -> int:
        return self.residual_likelihood * self.residual_impact

    def band_for(self, score: int) -> dict:
        """The band this score fell in under the criteria frozen with the assessment."""
        for band in self.criteria.get("bands", []):
            if band["min"] <= score <= band["max"]:
                return band
        return {"name": "Unbanded", "colour": "#ffffff", "text": "#0b0c0c", "min": score, "max": score}

    @property
    def current_band(self) -> dict:
        return self.band_for(self.current)

    @property
    def inherent_band(self) -> dict:
        return self.band_for(self.inherent)

    @property
    def residual_band(self) -> dict:
        return self.band_for(self.residual)


class Action(models.Model):
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(max_length=300)
    owner = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="risk_actions")
    due_on = models.DateField()
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["done_at", "due_on", "id"]

    def __str__(self) -> str:
        return f"{self.risk.reference}: {self.description}"

    @property
    def is_overdue(self) -> bool:
        return self.done_at is None and self.due_on < timezone.localdate()


class Review(models.Model):
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="reviews")
    by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    notes = models.TextField()
    next_review_on = models.DateField()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.risk.reference} reviewed {uk_date(self.at)}"


class Acceptance(models.Model):
    """A named approver formally accepts the risk at its current score, until an expiry date."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="acceptances")
    approver = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    accepted_at = models.DateTimeField(default=timezone.now)
    expires_on = models.DateField()
    statement = models.TextField()
    score = models.PositiveSmallIntegerField()
    band = models.CharField(max_length=40)
    # An acceptance holds for the band it was given in: re-scored into a higher band, it lapses at once,
    # keeping the score and band that ended it.
    lapsed_at = models.DateTimeField(null=True, blank=True)
    lapsed_score = models.PositiveSmallIntegerField(null=True, blank=True)
    lapsed_band = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-accepted_at"]

    def __str__(self) -> str:
        return f"{self.risk.reference} accepted by {self.approver} until {uk_date(self.expires_on)}"

    @property
    def is_current(self) -> bool:
        return self.lapsed_at is None and self.expires_on >= timezone.localdate()


class Control(models.Model):
    """A control whose evidence Herald computes from its own records (`herald.risks.controls`), with
    the threshold below which it is failing. The owner is told when it starts failing."""

    class State(models.TextChoices):
        UNCHECKED = "", "Not checked yet"
        MET = "met", "Meets its threshold"
        FAILING = "failing", "Below its threshold"
        UNAVAILABLE = "unavailable", "Not yet available"

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="controls")
    measure = models.CharField(max_length=40)
    threshold = models.FloatField(null=True, blank=True)
    state = models.CharField(max_length=12, choices=State.choices, blank=True, default="")
    value = models.FloatField(null=True, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    failing_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["risk", "id"]
        constraints = [models.UniqueConstraint(fields=["risk", "measure"], name="one_control_per_measure_per_risk")]

    def __str__(self) -> str:
        return f"{self.risk.reference}: {self.measure}"
