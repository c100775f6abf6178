"""The register of the council's official social media accounts.

This core (platform, names, owning team, status and named editors) is what other apps rely on:
consents (takedown tasks go to an account's editors) and posts (an editor writes for the accounts
they edit). Keep these names stable.
"""

from django.db import models
from django.db.models import Q

from herald.people.models import Person, Team


class Platform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    X = "x", "X (formerly Twitter)"
    INSTAGRAM = "instagram", "Instagram"
    LINKEDIN = "linkedin", "LinkedIn"
    YOUTUBE = "youtube", "YouTube"
    TIKTOK = "tiktok", "TikTok"
    NEXTDOOR = "nextdoor", "Nextdoor"
    BLUESKY = "bluesky", "Bluesky"
    THREADS = "threads", "Threads"
    WHATSAPP = "whatsapp", "WhatsApp channel"
    OTHER = "other", "Other"


class AccountQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Account.Status.ACTIVE)

    def listed_publicly(self):
        return self.filter(status__in=[Account.Status.ACTIVE, Account.Status.DORMANT])

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


class AccountEditor(models.Model):
    """A person named as an editor of an account, from `added_at` until `removed_at`."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="editor_links")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="editor_links")
    added_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["account", "person"], condition=Q(removed_at=None), name="one_current_editor_link"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} edits {self.account}"
