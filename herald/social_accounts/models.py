"""The register of the council's official social media accounts.

This core (platform, names, owning team, status and named editors) is what other apps rely on:
consents (takedown tasks go to an account's editors) and posts (an editor writes for the accounts
they edit). Keep these names stable.

Around it: the business case and approval of a new account (AccountRequest), the tasks the
communications team must do when an editor leaves (SecurityTask) and editors' monthly reports.
Herald never holds a password: the register only records *that* credentials are in the council's
password manager.
"""

import datetime as dt

from django.db import models
from django.db.models import Count, Q

from herald.people.models import Person, Team
from herald.plain_text import without_nul


class Platform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    X = "x", "X (formerly Twitter)"
    INSTAGRAM = "instagram", "Instagram"
    LINKEDIN = "linkedin", "LinkedIn"
    YOUTUBE = "youtube", "YouTube"
    TIKTOK = "tiktok", "TikTok"
    NEXTDOOR = "nextdoor", "Nextdoor"
    BLUESKY = "bluesky", "Bluesky"
    MASTODON = "mastodon", "Mastodon"
    THREADS = "threads", "Threads"
    WHATSAPP = "whatsapp", "WhatsApp channel"
    OTHER = "other", "Other"


class AccountQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Account.Status.ACTIVE)

    def listed_publicly(self):
        # A closing account stays listed until it is closed, so residents can check its final post is genuine.
        return self.filter(status__in=[Account.Status.ACTIVE, Account.Status.DORMANT, Account.Status.CLOSING])

    def in_register(self):
        """Accounts the council runs or is setting up: everything but closed ones."""
        return self.exclude(status=Account.Status.CLOSED)

    def with_editor_count(self):
        return self.annotate(
            editor_count=Count(
                "editor_links",
                filter=Q(editor_links__removed_at=None, editor_links__person__is_active=True),
                distinct=True,
            )
        )

    def short_of_editors(self):
        """Live accounts with fewer than the two editors the policy requires."""
        return (
            self.filter(status__in=[Account.Status.ACTIVE, Account.Status.DORMANT])
            .with_editor_count()
            .filter(editor_count__lt=MIN_EDITORS)
        )

    def dormancy_candidates(self):
        return self.filter(status=Account.Status.ACTIVE).exclude(dormancy_flagged_on=None)

    def quiet_or_due_for_review(self, *, today: dt.date, quiet_days: int):
        """Active accounts with no activity for `quiet_days`, or past their review date, not yet flagged."""
        cutoff = today - dt.timedelta(days=quiet_days)
        return self.filter(status=Account.Status.ACTIVE, dormancy_flagged_on=None).filter(
            Q(last_activity_on__lt=cutoff)
            | Q(last_activity_on=None, activated_on__lt=cutoff)
            | Q(last_activity_on=None, activated_on=None, created_at__date__lt=cutoff)
            | Q(next_review_on__lt=today)
        )

    def missing_report_for(self, month: dt.date):
        """Active accounts that were live during `month` (first day) and have no report for it."""
        month_end = _month_end(month)
        return (
            self.filter(status=Account.Status.ACTIVE)
            .filter(Q(activated_on__lte=month_end) | Q(activated_on=None, created_at__date__lte=month_end))
            .exclude(monthly_reports__month=month)
        )

    def search(self, term: str):
        term = without_nul(term).strip().lstrip("@")
        if not term:
            return self
        return self.filter(
            Q(display_name__icontains=term)
            | Q(handle__icontains=term)
            | Q(team__name__icontains=term)
            | Q(purpose__icontains=term)
            | Q(editor_links__person__last_name__icontains=term, editor_links__removed_at=None)
        ).distinct()

    def edited_by(self, person: Person):
        return self.filter(editor_links__person=person, editor_links__removed_at=None).distinct()


class Account(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        ACTIVE = "active", "Active"
        DORMANT = "dormant", "Dormant"
        CLOSING = "closing", "Closing"
        CLOSED = "closed", "Closed"

    platform = models.CharField(max_length=12, choices=Platform.choices)
    display_name = models.CharField(max_length=120)
    handle = models.CharField(max_length=120, blank=True)
    profile_url = models.URLField(blank=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="social_accounts")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    editors = models.ManyToManyField(Person, through="AccountEditor", related_name="edited_accounts")
    created_at = models.DateTimeField(auto_now_add=True)

    service_manager = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="managed_social_accounts"
    )
    purpose = models.TextField(blank=True)
    comms_co_admin = models.BooleanField("Communications team is co-admin", default=False)
    two_factor_enabled = models.BooleanField("Two-factor sign-in is on", default=False)
    credentials_in_password_manager = models.BooleanField(
        "Credentials are held in the council's password manager", default=False
    )
    monitoring_hours = models.CharField(max_length=200, blank=True)
    out_of_hours_cover = models.TextField(blank=True)
    emergency_plan_url = models.URLField("Emergency plan entry", blank=True)
    closure_plan = models.TextField(blank=True)
    # A condition of approval the communications team may set: editors only booked on training may not
    # write posts for this account until HR records them as trained.
    training_before_posting = models.BooleanField(
        "Editors must finish social media training before they write posts", default=False
    )
    activated_on = models.DateField(null=True, blank=True)
    last_activity_on = models.DateField(null=True, blank=True)
    next_review_on = models.DateField(null=True, blank=True)
    # Set by the dormancy task; cleared when the communications team decides.
    dormancy_flagged_on = models.DateField(null=True, blank=True)
    dormancy_reason = models.CharField(max_length=300, blank=True)
    closing_reason = models.TextField(blank=True)
    final_post_on = models.DateField(null=True, blank=True)
    final_post_url = models.URLField(blank=True)
    handover_notes = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    # The moment it was closed: a post published on the platform before then may still be recorded.
    closed_at = models.DateTimeField(null=True, blank=True)
    # The month (first day) whose overdue report editors were last reminded about, so they are reminded once.
    report_reminder_month = models.DateField(null=True, blank=True)

    objects = AccountQuerySet.as_manager()

    class Meta:
        ordering = ["platform", "display_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "handle"], condition=~Q(handle=""), name="account_handle_unique_per_platform"
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.get_platform_display()})"

    def active_editors(self):
        return Person.objects.filter(
            editor_links__account=self, editor_links__removed_at=None, is_active=True
        ).distinct()

    def current_editor_links(self):
        return self.editor_links.filter(removed_at=None).select_related("person")

    @property
    def is_secured(self) -> bool:
        return self.two_factor_enabled and self.comms_co_admin and self.credentials_in_password_manager

    @property
    def is_listed_publicly(self) -> bool:
        return self.status in (self.Status.ACTIVE, self.Status.DORMANT, self.Status.CLOSING)


class AccountEditor(models.Model):
    """A person named as an editor of an account, from `added_at` until `removed_at`."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="editor_links")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="editor_links")
    added_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    training_booked_on = models.DateField(
        null=True, blank=True, help_text="For an editor not yet trained: the date of their social media training."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["account", "person"], condition=Q(removed_at=None), name="one_current_editor_link"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} edits {self.account}"


MIN_EDITORS = 2


def _month_end(month: dt.date) -> dt.date:
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


class AccountRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=AccountRequest.OPEN_STATUSES)

    def awaiting_endorsement_by(self, person: Person):
        return self.filter(status=AccountRequest.Status.SUBMITTED, service_manager=person)

    def awaiting_review(self):
        return self.filter(status=AccountRequest.Status.ENDORSED)

    def awaiting_security_setup(self):
        return self.filter(status=AccountRequest.Status.APPROVED)

    def visible_to(self, person: Person):
        from herald.people.roles import Role

        if person.has_role(Role.COMMS, Role.ADMIN):
            return self
        rule = Q(requested_by=person) | Q(service_manager=person) | Q(nominations__person=person)
        if person.has_role(Role.ICT):
            rule |= Q(status__in=[AccountRequest.Status.APPROVED, AccountRequest.Status.SET_UP])
        return self.filter(rule).distinct()


class AccountRequest(models.Model):
    """The business case for a new official account, and where it has got to in the approval steps."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Waiting for the service manager"
        ENDORSED = "endorsed", "Waiting for the communications team"
        APPROVED = "approved", "Waiting for ICT security set-up"
        SET_UP = "set_up", "Account active"
        RETURNED = "returned", "Sent back for changes"
        REFUSED = "refused", "Refused"
        WITHDRAWN = "withdrawn", "Withdrawn"

    OPEN_STATUSES = (Status.SUBMITTED, Status.ENDORSED, Status.APPROVED, Status.RETURNED)

    requested_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="account_requests")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="account_requests")
    service_manager = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="account_requests_to_endorse")
    platform = models.CharField(max_length=12, choices=Platform.choices)
    proposed_name = models.CharField(max_length=120)
    proposed_handle = models.CharField(max_length=120, blank=True)
    purpose = models.TextField("Purpose and objectives")
    audience = models.TextField()
    why_not_corporate = models.TextField("Why the corporate accounts cannot reach this audience")
    content_plan = models.TextField()
    posting_frequency = models.CharField(max_length=200)
    monitoring_hours = models.CharField(max_length=200)
    out_of_hours_cover = models.TextField()
    resources = models.TextField()
    closure_plan = models.TextField("How the account will be closed if it stops being used")
    emergency_plan_url = models.URLField("Emergency plan entry", blank=True)
    editors = models.ManyToManyField(Person, through="RequestedEditor", related_name="+")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    submitted_at = models.DateTimeField()
    endorsed_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    endorsed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    conditions = models.TextField(blank=True)
    # The latest comments from whoever sent it back, or the reasons it was refused.
    decision_comments = models.TextField(blank=True)
    decided_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    set_up_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    set_up_at = models.DateTimeField(null=True, blank=True)
    account = models.OneToOneField(Account, null=True, blank=True, on_delete=models.PROTECT, related_name="request")

    objects = AccountRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-id"]

    def __str__(self) -> str:
        return f"Request for {self.proposed_name} ({self.get_platform_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def nominated(self):
        return self.nominations.select_related("person").order_by("id")

    def approvers(self) -> set[int]:
        """Everyone who has already approved a step: nobody approves two steps of one request."""
        return {pk for pk in (self.endorsed_by_id, self.reviewed_by_id, self.set_up_by_id) if pk}


class RequestedEditor(models.Model):
    request = models.ForeignKey(AccountRequest, on_delete=models.CASCADE, related_name="nominations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    training_booked_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "person"], name="one_nomination_per_person")]

    def __str__(self) -> str:
        return f"{self.person} for {self.request}"


class SecurityTaskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(completed_at=None)


class SecurityTask(models.Model):
    """Something the communications team must do to keep an account secure, e.g. after an editor leaves."""

    class Kind(models.TextChoices):
        LEAVER = "leaver", "Rotate credentials and remove a leaver's platform access"
        CLOSURE = "closure", "Remove access and archive the closed account"
        COMPROMISE = "compromise", "Rotate every credential after the account was compromised"

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="security_tasks")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    notes = models.TextField(blank=True)

    objects = SecurityTaskQuerySet.as_manager()

    class Meta:
        ordering = ["completed_at", "-created_at"]

    def __str__(self) -> str:
        who = f" ({self.person})" if self.person_id else ""
        return f"{self.get_kind_display()}{who}: {self.account}"


class MonthlyReport(models.Model):
    """An editor's short report on one account for one calendar month."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="monthly_reports")
    month = models.DateField(help_text="The first day of the month reported on.")
    posts = models.PositiveIntegerField()
    reach = models.PositiveIntegerField()
    notable_issues = models.TextField(blank=True)
    submitted_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-month", "account"]
        constraints = [models.UniqueConstraint(fields=["account", "month"], name="one_report_per_account_month")]

    def __str__(self) -> str:
        return f"{self.account} report for {self.month:%B %Y}"
