"""Demo data: a festival with consents (an adult, a child with a guardian who co-signed, an advocate,
a 'do not publish' child), photos linked to them, and a withdrawal whose published post is awaiting
takedown. Running it again finds the festival and changes nothing."""

from __future__ import annotations

import datetime as dt
import io

from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from herald.consents import services
from herald.consents.models import ConsentRequest
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


@transaction.atomic
def seed(rng) -> str:
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
