"""Demo data: a festival with consents (an adult, a child with a guardian who co-signed, an advocate,
a 'do not publish' child), photos linked to them, and a withdrawal whose published post is awaiting
takedown; and the subject access register with a request of each kind (open, waiting for proof of identity,
extended, answered, overdue). Running it again finds them and changes nothing."""

from __future__ import annotations

import datetime as dt
import io

from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from herald.consents import services
from herald.consents.models import ConsentRequest, SubjectAccessRequest
from herald.people.models import Person
from herald.social_accounts.models import Account, Platform

EVENT = "Bosworth Medieval Festival"
DOMAIN = "hinckley-bosworth.example"


def _picture(rng, colour) -> bytes:
    image = Image.new("RGB", (960, 640), colour)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(0, 900), rng.randrange(200, 600)
        draw.ellipse((x, y - 120, x + 60, y - 60), fill=(230, 200, 170))
        draw.rectangle((x, y - 60, x + 60, y + 40), fill=tuple(rng.randrange(40, 220) for _ in range(3)))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return out.getvalue()


def _person(**values) -> services.ConsentDetails:
    base = dict(
        age_band="adult",
        given_by="self",
        channels=["website", "facebook", "instagram", "print"],
        purposes=["promotion", "tourism"],
        name_may_be_published=False,
    )
    return services.ConsentDetails(**(base | values))


# (name, contact, how it came, days ago it was received, what they asked for)
SUBJECT_ACCESS_REQUESTS = [
    (
        "Priya Sharma",
        "priya.sharma@example.org",
        "email",
        5,
        "Everything the council holds about her planning objection",
    ),
    (
        "Gareth Evans",
        "12 Station Road, Hinckley LE10 1AA",
        "letter",
        9,
        "Messages sent to him by the council's accounts",
    ),
    (
        "Janet Holloway",
        "janet.holloway@example.org",
        "web_form",
        20,
        "All comments of hers the council hid or reported",
    ),
    ("Daniel Okafor", "daniel.okafor@example.org", "email", 45, "Photos of him used on the council's Facebook page"),
    ("Sam Whitfield", "07700 900789", "phone", 40, "Records of his complaints made on social media"),
]


def _subject_access_requests(dpo: Person) -> str:
    """One request of each kind, dated back from today. Found again by the requesters' names."""
    names = [name for name, *_ in SUBJECT_ACCESS_REQUESTS]
    if SubjectAccessRequest.objects.filter(requester_name__in=names).exists():
        return "subject access requests already loaded"
    today = timezone.localdate()
    made = {}
    for name, contact, channel, days_ago, asked_for in SUBJECT_ACCESS_REQUESTS:
        made[name] = services.record_subject_access_request(
            services.RequestDetails(
                requester_name=name,
                requester_contact=contact,
                received_by=channel,
                received_on=today - dt.timedelta(days=days_ago),
                details=asked_for,
            ),
            by=dpo,
        )
    # Priya Sharma's stays open; Sam Whitfield's, received 40 days ago, is overdue.
    services.pause_subject_access_request(
        made["Gareth Evans"], by=dpo, paused_for="identity", paused_on=today - dt.timedelta(days=8)
    )
    services.extend_subject_access_request(
        made["Janet Holloway"],
        by=dpo,
        months=2,
        reason="Her comments are spread over four accounts and three years of the moderation inbox",
        on=today - dt.timedelta(days=10),
    )
    services.answer_subject_access_request(made["Daniel Okafor"], by=dpo, on=today - dt.timedelta(days=20))
    return "5 subject access requests (open, waiting for identity, extended, answered, overdue)"


@transaction.atomic
def seed(rng) -> str:
    dpo = Person.objects.filter(email=f"dpo@{DOMAIN}").first()
    requests = _subject_access_requests(dpo) if dpo is not None else "no DPO to record subject access requests"
    return f"{_festival(rng)}; {requests}"


def _festival(rng) -> str:
    organiser = Person.objects.filter(email=f"editor@{DOMAIN}").first()
    comms = Person.objects.filter(email=f"comms@{DOMAIN}").first()
    if organiser is None or comms is None:
        return "skipped: the demo people are not loaded"
    if ConsentRequest.objects.filter(event_name=EVENT, organiser=organiser).exists():
        return "already loaded"
    event_date = timezone.localdate() - dt.timedelta(days=60)
    festival = services.create_consent_request(
        by=organiser,
        event_name=EVENT,
        event_date=event_date,
        location="Bosworth Battlefield Heritage Centre",
        purposes=["promotion", "tourism"],
        channels=["website", "print", "facebook", "instagram", "x"],
        partners=["Leicestershire County Council"],
        photographer="Council communications team",
        notices_displayed=True,
        description="Re-enactments, craft stalls and the children's archery tent.",
    )
    people = [
        services.give_consent(
            festival, _person(subject_name="Asha Patel", email="asha.patel@example.org", name_may_be_published=True)
        ),
        services.give_consent(
            festival,
            _person(
                subject_name="Leo Clarke",
                age_band="cosign",
                given_by="guardian",
                representative_name="Jo Clarke",
                representative_relationship="Mother",
                email="jo.clarke@example.org",
                child_cosigned=True,
                child_signature="Leo Clarke",
                channels=["website", "facebook"],
            ),
        ),
        services.give_consent(
            festival,
            _person(
                subject_name="Martin Hale",
                given_by="advocate",
                representative_name="Ruth Ames",
                representative_relationship="Independent advocate",
                phone="07700 900123",
                channels=["website"],
            ),
        ),
        services.record_consent(
            festival,
            _person(
                subject_name="Child in the archery tent",
                age_band="child",
                given_by="guardian",
                representative_name="Foster carer",
                representative_relationship="Foster carer",
                phone="07700 900456",
                channels=[],
                purposes=[],
                do_not_publish=True,
                do_not_publish_reason="Looked-after child",
            ),
            by=organiser,
            method="verbal",
            given_on=event_date,
            witnessed_by="Council photographer",
        ),
        services.give_consent(festival, _person(subject_name="Tom Baker", email="tom.baker@example.org")),
    ]
    asha, leo, martin, _, tom = people
    stalls = services.upload_media(
        _picture(rng, (90, 140, 90)),
        filename="festival-stalls.jpg",
        by=organiser,
        details=services.AssetDetails(
            title="Craft stalls at the festival",
            source="own",
            alt_text="Visitors browsing craft stalls on the battlefield field",
            request=festival,
            photographer="Council communications team",
        ),
    )
    for record in (asha, leo):
        services.add_appearance(stalls, by=organiser, record=record)
    archery = services.upload_media(
        _picture(rng, (120, 110, 160)),
        filename="archery.jpg",
        by=organiser,
        details=services.AssetDetails(
            title="Archery with Tom",
            source="own",
            request=festival,
            alt_text="A man in medieval costume drawing a longbow",
        ),
    )
    services.add_appearance(archery, by=organiser, record=tom)
    services.add_appearance(archery, by=organiser, record=martin)

    account = (
        Account.objects.active().edited_by(organiser).filter(platform=Platform.FACEBOOK).first()
        or Account.objects.active().filter(platform=Platform.FACEBOOK).first()
        or Account.objects.active().first()
    )
    if account is None:
        services.withdraw_consent(tom, by=comms, reason="Emailed the Communications Team", method="Email")
        return "festival with 5 consents and 2 photos; one consent withdrawn (no accounts to publish on)"
    services.record_use(
        archery,
        by=organiser,
        state="published",
        account=account,
        published_url="https://www.facebook.com/hinckleybosworth/posts/demo-archery",
        reference="Festival round-up post",
    )
    services.record_use(
        archery,
        by=organiser,
        state="scheduled",
        account=account,
        scheduled_for=timezone.now() + dt.timedelta(days=3),
        reference="Next year's festival teaser",
    )
    services.record_use(
        stalls,
        by=organiser,
        state="published",
        account=account,
        published_url="https://www.facebook.com/hinckleybosworth/posts/demo-stalls",
    )
    outcome = services.withdraw_consent(tom, by=comms, reason="Emailed the Communications Team", method="Email")
    return (
        f"festival with 5 consents and 2 photos; one consent withdrawn, {len(outcome.stopped)} scheduled post "
        f"stopped and {len(outcome.takedowns)} takedown task open on {account.display_name}"
    )
