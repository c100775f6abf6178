from django.conf import settings
from django.db import models

from herald.plain_text import without_nul


class AuditEventQuerySet(models.QuerySet):
    def for_object(self, obj: models.Model):
        return self.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))

    def visible_to(self, person):
        """Every event, less those on an incident about the reader's own conduct: its contents are
        fingerprinted, but that it exists, when, and who worked it would still tell them of it."""
        from herald.incidents.models import Incident

        about_them = [str(pk) for pk in Incident.objects.concerning(person).values_list("pk", flat=True)]
        return self.exclude(object_type="incidents.incident", object_id__in=about_them)

    def search(self, *, actor: str = "", action: str = "", object_type: str = "", text: str = ""):
        events = self
        # Straight from the query string, not a form field: PostgreSQL cannot compare a NUL byte.
        actor, action, object_type, text = (without_nul(v) for v in (actor, action, object_type, text))
        if actor:
            events = events.filter(actor_label__icontains=actor)
        if action:
            events = events.filter(action=action)
        if object_type:
            events = events.filter(object_type=object_type)
        if text:
            events = events.filter(object_repr__icontains=text)
        return events


class AuditEvent(models.Model):
    """One change made through Herald. Rows are only ever added; each carries the hash of the one before."""

    at = models.DateTimeField(db_index=True)
    # PROTECT, not SET_NULL: the database refuses every UPDATE of an event, and the actor is hashed.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Kept as text too, so the record still reads correctly if the person's details are ever erased.
    actor_label = models.CharField(max_length=200)
    action = models.CharField(max_length=80, db_index=True)
    object_type = models.CharField(max_length=100, blank=True, db_index=True)
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    object_repr = models.CharField(max_length=300, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    reason = models.TextField(blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    # Which audit key signed this event's hash (HMAC-SHA256); blank for the unkeyed SHA-256 events
    # written before keyed hashes began. See docs/decisions/0003-keyed-audit-hashes-and-checkpoints.md.
    key_id = models.CharField(max_length=16, blank=True, default="")

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise PermissionError("Audit events are append-only and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit events are append-only and cannot be deleted.")

    @property
    def description(self) -> str:
        """The action in words, as people read it ("Block overridden", not post.block_overridden)."""
        from herald.audit.words import describe

        return describe(self.action)

    @property
    def record_kind(self) -> str:
        return record_kind(self.object_type)

    @property
    def changes(self) -> list[dict]:
        """What the event changed, field by field, in words: [{"field", "before", "after"}]."""
        from herald.audit.words import changes

        return changes(self.before, self.after)


class AuditHead(models.Model):
    """A single row holding the newest hash. Updating it first serialises writers on every database.

    Unlike the events, this row is updated on every write, so the append-only triggers leave it alone."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    count = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"Audit head after {self.count} events"


def record_kind(object_type: str) -> str:
    """ "Post" for posts.post: the model's own name for what the event is about."""
    from django.apps import apps

    if not object_type:
        return ""
    try:
        name = str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        name = object_type.rsplit(".", 1)[-1].replace("_", " ")
    return name[:1].upper() + name[1:]
