"""Consent for photos and videos of people: requests (one per event or shoot), the consent records
people give, the media library, where each asset has been used, and takedown tasks after a
withdrawal. The rules live in services.py; these are the rows and the named reads."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone

from herald.consents.withdrawal import Why
from herald.people.models import Person
from herald.people.roles import Role
from herald.social_accounts.models import Platform

# Who may open the media library, and so learn who is in each photo and the state of their consent.
MEDIA_LIBRARY_ROLES = (Role.COMMS, Role.EDITOR, Role.INFO_GOV)


class Purpose(models.TextChoices):
    NEWS = "news", "News releases and press coverage"
    PROMOTION = "promotion", "Promoting council services, events and campaigns"
    TOURISM = "tourism", "Promoting the borough to visitors"
    PUBLICATIONS = "publications", "Council reports, leaflets and magazines"
    RECRUITMENT = "recruitment", "Recruiting staff and volunteers"


FIXED_CHANNELS = {
    "website": "The council's website",
    "print": "Printed leaflets, posters and magazines",
    "press": "Newspapers, TV and radio (given to the press)",
}
SOCIAL_CHANNELS = {value: label for value, label in Platform.choices if value != Platform.OTHER}


def channel_label(channel: str) -> str:
    if channel.startswith("partners:"):
        return f"Shared with {channel.split(':', 1)[1]}"
    if channel in SOCIAL_CHANNELS:
        return SOCIAL_CHANNELS[channel]
    return FIXED_CHANNELS.get(channel, channel)


def _random_token() -> str:
    return uuid.uuid4().hex


# Letters and digits nobody misreads on a printed poster (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
SHORT_CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
SHORT_CODE_LENGTH = 8


def new_short_code() -> str:
    """The poster's "or type" code: 8 characters from 25 (about 150 billion codes), easy to copy from a
    wall; with the public form's rate limit it cannot be found by guessing."""
    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(SHORT_CODE_LENGTH))


def normalise_short_code(typed: str) -> str:
    """What a person typed from the poster, in the code's own form: any case, spaces and dashes ignored."""
    return "".join(c for c in typed.upper() if c.isalnum())


class ConsentRequestQuerySet(models.QuerySet):
    def visible_to(self, person: Person):
        from herald.people.roles import Role

        if person.has_role(Role.COMMS, Role.INFO_GOV):
            return self
        return self.filter(organiser=person)


class ConsentRequest(models.Model):
    """A request for consent for one event or shoot: what will be photographed, where the images may go."""

    event_name = models.CharField(max_length=200)
    event_date = models.DateField()
    location = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    purposes = models.JSONField(default=list)
    channels = models.JSONField(default=list)
    partners = models.JSONField(default=list)
    photographer = models.CharField(max_length=200, blank=True)
    notices_displayed = models.BooleanField(default=False)
    organiser = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="consent_requests")
    token = models.CharField(max_length=32, unique=True, default=_random_token, editable=False)
    short_code = models.CharField(max_length=SHORT_CODE_LENGTH, unique=True, default=new_short_code, editable=False)
    is_open = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ConsentRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-event_date", "-pk"]

    def __str__(self) -> str:
        return f"{self.event_name} ({self.event_date:%-d %B %Y})"

    @property
    def short_code_display(self) -> str:
        """The code as printed: two groups of four, which people copy more reliably than eight in a row."""
        return f"{self.short_code[:4]}-{self.short_code[4:]}"

    @property
    def offered_channels(self) -> list[str]:
        return list(self.channels) + [f"partners:{name}" for name in self.partners]


class ConsentRecordQuerySet(models.QuerySet):
    def current(self):
        return self.filter(state=ConsentRecord.State.GIVEN)

    def visible_to(self, person: Person):
        from herald.people.roles import Role

        if person.has_role(Role.COMMS, Role.INFO_GOV):
            return self
        return self.filter(Q(request__organiser=person) | Q(recorded_by=person))

    def due_to_expire(self, today):
        return self.filter(state=ConsentRecord.State.GIVEN, expires_on__lte=today)

    def due_for_erasure(self, cutoff):
        """Expired or withdrawn records whose grace period has passed and still hold personal details."""
        return self.filter(erased_at=None).filter(
            Q(state=ConsentRecord.State.EXPIRED, expired_at__lt=cutoff)
            | Q(state=ConsentRecord.State.WITHDRAWN, withdrawn_at__lt=cutoff)
        )


class ConsentRecord(models.Model):
    """One person's consent (or a 'do not publish' instruction), with what they were told and how they said yes."""

    class State(models.TextChoices):
        GIVEN = "given", "Given"
        WITHDRAWN = "withdrawn", "Withdrawn"
        EXPIRED = "expired", "Expired"

    class GivenBy(models.TextChoices):
        SELF = "self", "The person themselves"
        GUARDIAN = "guardian", "A parent or guardian"
        ADVOCATE = "advocate", "An advocate or carer"

    class AgeBand(models.TextChoices):
        ADULT = "adult", "Adult"
        COSIGN = "cosign", "Child old enough to co-sign"
        CHILD = "child", "Child"

    class Method(models.TextChoices):
        ONLINE = "online", "Online form"
        PAPER = "paper", "Signed paper form"
        VERBAL = "verbal", "Verbal, witnessed"

    urn = models.CharField("URN", max_length=16, unique=True)
    request = models.ForeignKey(ConsentRequest, on_delete=models.PROTECT, related_name="records")
    subject_name = models.CharField(max_length=200)
    age_band = models.CharField(max_length=8, choices=AgeBand.choices)
    given_by = models.CharField(max_length=10, choices=GivenBy.choices)
    representative_name = models.CharField(max_length=200, blank=True)
    representative_relationship = models.CharField(max_length=100, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    child_cosigned = models.BooleanField(default=False)
    child_signature = models.CharField(max_length=200, blank=True)
    channels = models.JSONField(default=list)
    purposes = models.JSONField(default=list)
    name_may_be_published = models.BooleanField(default=False)
    do_not_publish = models.BooleanField(default=False)
    do_not_publish_reason = models.CharField(max_length=300, blank=True)
    method = models.CharField(max_length=8, choices=Method.choices)
    witnessed_by = models.CharField(max_length=200, blank=True)
    scan = models.FileField(upload_to="consents/scans/", blank=True)
    recorded_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="consents_recorded"
    )
    wording_version = models.CharField(max_length=40)
    wording_text = models.TextField()
    given_at = models.DateTimeField()
    expires_on = models.DateField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.GIVEN)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawal_method = models.CharField(max_length=100, blank=True)
    withdrawal_reason = models.TextField(blank=True)
    expired_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-given_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state="withdrawn", withdrawn_at__isnull=False) | ~Q(state="withdrawn"),
                name="withdrawn_consent_has_a_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.urn} – {self.display_name}"

    @property
    def display_name(self) -> str:
        return "Details erased" if self.erased_at else self.subject_name

    @property
    def is_child(self) -> bool:
        return self.age_band != self.AgeBand.ADULT

    def is_current_on(self, day) -> bool:
        return self.state == self.State.GIVEN and self.expires_on > day and not self.erased_at

    @property
    def why_unusable(self) -> Why | None:
        """Why media showing this person may no longer be used, if they may not: a withdrawal first (what
        they asked), then a "do not publish" flag, then erased details."""
        if self.state == self.State.WITHDRAWN:
            return Why.WITHDRAWN
        if self.do_not_publish:
            return Why.DO_NOT_PUBLISH
        if self.erased_at:
            return Why.ERASED
        return None


class MediaAssetQuerySet(models.QuerySet):
    def showing(self, record: ConsentRecord):
        return self.filter(appearances__record=record).distinct()

    def visible_to(self, person: Person):
        """The assets this person may see: the whole library for its readers, nothing for anyone else."""
        return self if person.is_authenticated and person.has_role(*MEDIA_LIBRARY_ROLES) else self.none()


class MediaAsset(models.Model):
    class Kind(models.TextChoices):
        PHOTO = "photo", "Photo"
        VIDEO = "video", "Video"

    class Source(models.TextChoices):
        OWN = "own", "Taken by council staff"
        COMMISSIONED = "commissioned", "Commissioned photographer or film-maker"
        STOCK = "stock", "Stock library"
        THIRD_PARTY = "third_party", "Third party (partner or press)"
        RESIDENT = "resident", "Supplied by a resident"

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=5, choices=Kind.choices)
    file = models.FileField(upload_to="consents/media/")
    thumbnail = models.FileField(upload_to="consents/thumbnails/", blank=True)
    content_type = models.CharField(max_length=60)
    original_filename = models.CharField(max_length=255)
    size_bytes = models.PositiveBigIntegerField()
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64)
    metadata_stripped = models.BooleanField(default=False)
    metadata_note = models.CharField(max_length=300, blank=True)
    alt_text = models.TextField(blank=True)
    source = models.CharField(max_length=12, choices=Source.choices)
    licence = models.CharField(max_length=200, blank=True)
    photographer = models.CharField(max_length=200, blank=True)
    request = models.ForeignKey(ConsentRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="assets")
    shows_people = models.BooleanField(default=True)
    children_appear = models.BooleanField(default=False)
    crowd_shot_with_notices = models.BooleanField(default=False)
    uploaded_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="media_uploaded")
    uploaded_at = models.DateTimeField(default=timezone.now)
    # Text read from the photo by OCR after upload (a screen, whiteboard, letter or name badge) and the
    # policy check's findings on it, each with the image regions it came from.
    text_read_at = models.DateTimeField(null=True, blank=True)
    text_in_image = models.TextField(blank=True)
    text_findings = models.JSONField(default=list, blank=True)
    text_read_error = models.CharField(max_length=300, blank=True)

    objects = MediaAssetQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def text_blocks(self) -> bool:
        """Text in the photo has a finding that blocks its publication."""
        return any(f.get("severity") == "block" for f in self.text_findings)

    @property
    def text_findings_shown(self) -> list[dict]:
        """Each finding on the text in the photo with where it is, in words ("top left") for the list
        and as rectangles for the outline drawn over the photo."""
        shown = []
        for finding in self.text_findings:
            regions = finding.get("regions") or []
            where = []
            for region in regions:
                if self.width and self.height:
                    x = (region["left"] + region["width"] / 2) / self.width
                    y = (region["top"] + region["height"] / 2) / self.height
                    row = "top" if y < 1 / 3 else "middle" if y < 2 / 3 else "bottom"
                    column = "left" if x < 1 / 3 else "centre" if x < 2 / 3 else "right"
                    where.append("middle" if (row, column) == ("middle", "centre") else f"{row} {column}")
            shown.append({**finding, "where": ", ".join(dict.fromkeys(where)) or "the whole photo"})
        return shown


class Appearance(models.Model):
    """A person who can be identified in an asset, linked to their consent record when there is one."""

    asset = models.ForeignKey(MediaAsset, on_delete=models.CASCADE, related_name="appearances")
    record = models.ForeignKey(
        ConsentRecord, null=True, blank=True, on_delete=models.PROTECT, related_name="appearances"
    )
    description = models.CharField(max_length=200, blank=True)
    is_child = models.BooleanField(default=False)
    added_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["asset", "record"], name="one_appearance_per_record_per_asset"),
        ]

    def __str__(self) -> str:
        return self.record.display_name if self.record else (self.description or "A person without a consent record")


class MediaUseQuerySet(models.QuerySet):
    def live(self):
        return self.filter(state__in=[MediaUse.State.DRAFT, MediaUse.State.SCHEDULED, MediaUse.State.PUBLISHED])


class MediaUse(models.Model):
    """Where an asset has been (or is about to be) used. The posts app records its uses here."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"
        STOPPED = "stopped", "Stopped"
        TAKEN_DOWN = "taken_down", "Taken down"

    asset = models.ForeignKey(MediaAsset, on_delete=models.PROTECT, related_name="uses")
    account = models.ForeignKey(
        "social_accounts.Account", null=True, blank=True, on_delete=models.PROTECT, related_name="media_uses"
    )
    channel = models.CharField(max_length=120)
    state = models.CharField(max_length=10, choices=State.choices)
    published_url = models.URLField(blank=True)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    reference = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="media_uses")
    created_at = models.DateTimeField(default=timezone.now)
    stopped_at = models.DateTimeField(null=True, blank=True)
    stopped_reason = models.CharField(max_length=300, blank=True)

    objects = MediaUseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        where = self.account.display_name if self.account_id else channel_label(self.channel)
        return f"{self.asset} on {where} ({self.get_state_display().lower()})"


class TakedownTaskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(completed_at=None)

    def for_editor(self, person: Person):
        return self.filter(
            use__account__editor_links__person=person, use__account__editor_links__removed_at=None
        ).distinct()

    def visible_to(self, person: Person):
        from herald.people.roles import Role

        if person.has_role(Role.COMMS):
            return self
        return self.for_editor(person)


class TakedownTask(models.Model):
    """After a withdrawal: take down or review one published use, by a deadline."""

    class Outcome(models.TextChoices):
        REMOVED = "removed", "Post deleted or the image removed"
        EDITED = "edited", "Post edited: the person can no longer be identified"
        KEPT = "kept", "Kept after review (reason recorded)"

    use = models.ForeignKey(MediaUse, on_delete=models.PROTECT, related_name="takedowns")
    record = models.ForeignKey(ConsentRecord, on_delete=models.PROTECT, related_name="takedowns")
    due_at = models.DateTimeField()
    created_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=8, choices=Outcome.choices, blank=True)
    notes = models.TextField(blank=True)

    objects = TakedownTaskQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["use", "record"], condition=Q(completed_at=None), name="one_open_takedown_per_use_and_record"
            )
        ]

    def __str__(self) -> str:
        return f"Take down or review: {self.use}"

    @property
    def is_open(self) -> bool:
        return self.completed_at is None

    def is_overdue(self, now=None) -> bool:
        return self.is_open and (now or timezone.now()) > self.due_at

    @property
    def why(self) -> Why:
        """Why the published use must be taken down or reviewed, as the record stands now."""
        return self.record.why_unusable or Why.WITHDRAWN

    @property
    def why_sentence(self) -> str:
        """The takedown email's opening words, completed by the asset's title."""
        return {
            Why.WITHDRAWN: "Consent has been withdrawn by someone shown in",
            Why.DO_NOT_PUBLISH: "Someone shown is now marked 'do not publish', in",
            Why.ERASED: "The personal details of someone shown have been erased, in",
        }[self.why]


class PublicAttempt(models.Model):
    """A submission of a public form, kept briefly to slow down abuse. Holds only keyed hashes."""

    kind = models.CharField(max_length=20)
    key = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"{self.kind} at {self.at:%Y-%m-%d %H:%M}"


class SubjectAccessRequestQuerySet(models.QuerySet):
    def still_open(self):
        """Requests not yet answered or refused: open, paused awaiting identity or clarification, extended."""
        return self.exclude(status__in=[SubjectAccessRequest.Status.ANSWERED, SubjectAccessRequest.Status.REFUSED])


class SubjectAccessRequest(models.Model):
    """One subject access request in the register Information Governance keeps: who asked, how and when,
    the identity check, the statutory due date (herald/consents/sar_clock.py), any pause or extension,
    and the answer with the export sent."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        PAUSED = "paused", "Paused: awaiting identity or clarification"
        EXTENDED = "extended", "Extended"
        ANSWERED = "answered", "Answered"
        REFUSED = "refused", "Refused"

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        LETTER = "letter", "Letter"
        PHONE = "phone", "Phone call"
        IN_PERSON = "in_person", "In person"
        WEB_FORM = "web_form", "The council's website form"
        SOCIAL_MEDIA = "social_media", "Social media message"

    class PausedFor(models.TextChoices):
        IDENTITY = "identity", "Proof of identity"
        CLARIFICATION = "clarification", "Clarification of what they want"

    requester_name = models.CharField(max_length=200)
    requester_contact = models.CharField(max_length=254, blank=True)
    received_by = models.CharField("How it was received", max_length=12, choices=Channel.choices)
    received_on = models.DateField()
    details = models.TextField("What they asked for", blank=True)
    identity_checked_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    paused_on = models.DateField(null=True, blank=True)
    paused_for = models.CharField(max_length=13, choices=PausedFor.choices, blank=True)
    # The proof of identity arrived: the month runs from this day.
    restarted_on = models.DateField(null=True, blank=True)
    # What the council asked for (identity or clarification) last arrived: a later pause cannot start before it.
    resumed_on = models.DateField(null=True, blank=True)
    # Days the clock stood still waiting for clarification since the month began (sar_clock.py): the due
    # date moves later by as many days; the days already used still count.
    clock_stopped_days = models.PositiveIntegerField(default=0)
    extension_months = models.PositiveSmallIntegerField(default=0)
    extended_on = models.DateField(null=True, blank=True)
    extension_reason = models.TextField(blank=True)
    answered_on = models.DateField(null=True, blank=True)
    refusal_reason = models.TextField(blank=True)
    export = models.FileField(upload_to="consents/subject_access/", blank=True)
    export_made_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = SubjectAccessRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(extension_months__lte=2), name="sar_extended_at_most_two_months"),
            models.CheckConstraint(
                condition=~Q(status__in=["answered", "refused"]) | Q(answered_on__isnull=False),
                name="sar_closed_has_an_answer_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.requester_name}"

    @property
    def reference(self) -> str:
        return f"SAR-{self.pk:04d}" if self.pk else "SAR"

    @property
    def is_open(self) -> bool:
        return self.status not in (self.Status.ANSWERED, self.Status.REFUSED)

    @property
    def last_event_on(self) -> dt.date:
        """The latest day recorded on the request: received, identity checked, paused or resumed."""
        recorded = [self.identity_checked_on, self.paused_on, self.resumed_on, self.restarted_on]
        return max([self.received_on, *(day for day in recorded if day is not None)])
