"""Each person chooses how Herald emails them: each message at once, or one email a day.

A person who chose the daily digest has their messages kept (herald.notifications' DigestChannel) except
urgent ones, which still go at once. Every hour a task sends the digest to each person who has messages
waiting from before the day's digest time (HERALD_DIGEST_HOUR, 7 in the morning, UK time) and has not had
one since. So a digest goes once a day, at that time, the first one included: messages kept after the
day's digest time wait for the next morning's.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.models import DigestItem, NotificationPreference
from herald.notifications import notify
from herald.people.models import Person


def delivery_for(person: Person) -> str:
    found = NotificationPreference.objects.filter(person=person).values_list("delivery", flat=True).first()
    return found or NotificationPreference.Delivery.NOW


def choose_delivery(person: Person, *, delivery: str, by: Person) -> NotificationPreference:
    """Record how this person wants Herald's emails; choosing "at once" sends what was waiting now."""
    if delivery not in NotificationPreference.Delivery.values:
        raise ValueError(f"Unknown delivery {delivery!r}")
    with transaction.atomic():
        preference, _ = NotificationPreference.objects.get_or_create(person=person)
        before = preference.delivery
        preference.delivery = delivery
        preference.save()
        if before != delivery or _:
            audit.record(
                actor=by,
                action="notifications.delivery_chosen",
                obj=person,
                before={"delivery": before},
                after={"delivery": delivery},
            )
        if delivery == NotificationPreference.Delivery.NOW:
            send_digest(person)
    return preference


def digest_time(now: dt.datetime) -> dt.datetime:
    """Today's digest time in the council's time zone; before it, yesterday's."""
    local = timezone.localtime(now)
    today = local.replace(hour=settings.HERALD_DIGEST_HOUR, minute=0, second=0, microsecond=0)
    return today if local >= today else today - dt.timedelta(days=1)


def next_digest_at(now: dt.datetime) -> dt.datetime:
    """When the next digest goes: the next digest time after now (what is waiting now is in it)."""
    return digest_time(now) + dt.timedelta(days=1)


def send_digest(person: Person) -> int:
    """Email the person everything waiting for them, in one message, and forget it. Returns how many."""
    with transaction.atomic():
        items = list(DigestItem.objects.select_for_update().filter(person=person).order_by("at", "pk"))
        if not items:
            return 0
        notify("daily_digest", to=[person], context={"items": items, "count": len(items)})
        DigestItem.objects.filter(pk__in=[item.pk for item in items]).delete()
        NotificationPreference.objects.filter(person=person).update(last_digest_at=timezone.now())
    return len(items)


def send_daily_digests(*, now: dt.datetime | None = None) -> int:
    """Send each due digest: people with messages waiting from before the latest digest time who have
    not had one since. Returns how many people were sent one.

    It is the age of the messages that makes a digest due, not the age of the last digest: someone who
    never had one (or had none for days) and is kept a message at 10:00 gets it in the next morning's
    digest, not at the next hourly run and then again at 7:00."""
    since = digest_time(now or timezone.now())
    due = (
        Person.objects.filter(digest_items__at__lt=since)
        .exclude(notification_preference__last_digest_at__gte=since)
        .distinct()
    )
    sent = 0
    for person in due:
        # Someone who left is told nothing; their waiting messages go with them.
        if not person.is_active:
            DigestItem.objects.filter(person=person).delete()
            continue
        sent += 1 if send_digest(person) else 0
    return sent
