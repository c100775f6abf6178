"""Factories for the consents app's tests."""

import datetime as dt
import io

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from herald.consents import services
from herald.consents.models import Appearance, ConsentRecord, ConsentRequest, MediaAsset
from herald.consents.services import requests
from herald.social_accounts.models import Account, AccountEditor, Platform
from testing.factories import PersonFactory, TeamFactory


def jpeg_bytes(size=(32, 24), colour=(200, 30, 30), exif=None) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="JPEG", **({"exif": exif} if exif is not None else {}))
    return out.getvalue()


class ConsentRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentRequest

    event_name = factory.Sequence(lambda n: f"Bosworth Medieval Festival day {n}")
    event_date = dt.date(2026, 8, 15)
    location = "Bosworth Battlefield Heritage Centre"
    purposes = ["promotion", "news"]
    channels = ["website", "facebook", "instagram", "x", "print"]
    partners = ["Leicestershire County Council"]
    organiser = factory.SubFactory(PersonFactory)


class ConsentRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentRecord

    urn = factory.LazyFunction(requests._new_urn)
    request = factory.SubFactory(ConsentRequestFactory)
    subject_name = factory.Faker("name", locale="en_GB")
    age_band = ConsentRecord.AgeBand.ADULT
    given_by = ConsentRecord.GivenBy.SELF
    email = factory.Sequence(lambda n: f"resident{n}@example.org")
    channels = ["website", "facebook", "instagram"]
    purposes = ["promotion"]
    name_may_be_published = True
    method = ConsentRecord.Method.ONLINE
    wording_version = services.WORDING_VERSION
    wording_text = "What the person was told."
    given_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=30))
    expires_on = factory.LazyAttribute(lambda o: o.given_at.date() + dt.timedelta(days=1826))


class MediaAssetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MediaAsset

    title = factory.Sequence(lambda n: f"Festival photo {n}")
    kind = MediaAsset.Kind.PHOTO
    file = factory.LazyFunction(lambda: ContentFile(jpeg_bytes(), name="photo.jpg"))
    content_type = "image/jpeg"
    original_filename = "photo.jpg"
    size_bytes = 1000
    sha256 = "0" * 64
    metadata_stripped = True
    alt_text = "Children in costume at the festival"
    source = MediaAsset.Source.OWN
    uploaded_by = factory.SubFactory(PersonFactory)


def photo_showing(*records, by=None, **fields) -> MediaAsset:
    asset = MediaAssetFactory(**({"uploaded_by": by} if by else {}), **fields)
    for record in records:
        Appearance.objects.create(asset=asset, record=record, is_child=record.is_child, added_by=asset.uploaded_by)
    return asset


def account_edited_by(*editors, platform=Platform.FACEBOOK, name="Hinckley & Bosworth Borough Council") -> Account:
    account = Account.objects.create(
        platform=platform,
        display_name=name,
        handle=f"hbbc-{platform}-{Account.objects.count()}",
        team=editors[0].team if editors and editors[0].team else TeamFactory(),
        status=Account.Status.ACTIVE,
    )
    for person in editors:
        AccountEditor.objects.create(account=account, person=person)
    return account
