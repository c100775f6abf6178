"""Every change to consents, media and their uses, and the question the rest of Herald asks:
may this asset be used on this channel on this day? Each change writes the audit trail."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import json
import re
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from PIL import Image, ImageOps, UnidentifiedImageError

from herald.audit import services as audit
from herald.consents import conf, withdrawal
from herald.consents.models import (
    FIXED_CHANNELS,
    SOCIAL_CHANNELS,
    Appearance,
    ConsentRecord,
    ConsentRequest,
    MediaAsset,
    MediaUse,
    PublicAttempt,
    Purpose,
    TakedownTask,
    channel_label,
)
from herald.errors import Refused
from herald.notifications import notify
from herald.people.models import Person

WORDING_VERSION = "2026-11 v1"
PUBLIC_ACTOR = "Member of the public (online form)"
URN_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def _snapshot(obj) -> dict:
    """audit.snapshot without file fields (it trips over an empty one) or the long wording; file names added."""
    files = [f.name for f in obj._meta.concrete_fields if f.get_internal_type() == "FileField"]
    data = audit.snapshot(obj, exclude=(*files, "wording_text"))
    for name in files:
        data[name] = getattr(obj, name).name or ""
    return data


# --- Channels, ages and wording ------------------------------------------------------------


def is_known_channel(channel: str) -> bool:
    if channel.startswith("partners:"):
        return bool(channel.split(":", 1)[1].strip())
    return channel in FIXED_CHANNELS or channel in SOCIAL_CHANNELS


def _same_channel(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def age_band_choices() -> list[tuple[str, str]]:
    """The age questions the forms ask, worded from the configured thresholds."""
    guardian_under = conf.get("HERALD_CONSENT_GUARDIAN_UNDER")
    cosign_from = conf.get("HERALD_CONSENT_COSIGN_FROM")
    bands = [(ConsentRecord.AgeBand.ADULT, f"{guardian_under} or over")]
    if cosign_from < guardian_under:
        bands.append((ConsentRecord.AgeBand.COSIGN, f"{cosign_from} to {guardian_under - 1}"))
        bands.append((ConsentRecord.AgeBand.CHILD, f"Under {cosign_from}"))
    else:
        bands.append((ConsentRecord.AgeBand.CHILD, f"Under {guardian_under}"))
    return bands


def retention_days(purposes: Iterable[str]) -> int:
    by_purpose = conf.get("HERALD_CONSENT_RETENTION_DAYS_BY_PURPOSE")
    default = conf.get("HERALD_CONSENT_RETENTION_DAYS")
    return max((by_purpose.get(p, default) for p in purposes), default=default)


def period_text(days: int) -> str:
    if days % 365 in (0, 1, 2) and days >= 365:
        years = days // 365
        return f"{years} year{'s' if years != 1 else ''}"
    if days >= 28 and days % 30 in (0, 1):
        months = round(days / 30)
        return f"{months} month{'s' if months != 1 else ''}"
    return f"{days} days"


def wording_paragraphs(request: ConsentRequest) -> list[str]:
    """What a person is told before they consent. The same text is stored with their record."""
    council = settings.COUNCIL_NAME
    kept = period_text(retention_days(request.purposes))
    paragraphs = [
        f"{council} would like to take photos and film at {request.event_name} on "
        f"{request.event_date:%-d %B %Y} at {request.location}, and use them where you agree below.",
        f"{council} is the data controller. A photo or film of someone who can be recognised is personal data.",
    ]
    if request.partners:
        paragraphs.append(
            "If you agree, we will also share them with: "
            + ", ".join(request.partners)
            + ". Each will be responsible for how it uses them."
        )
    paragraphs += [
        "You choose each place and each purpose separately. Nothing is ticked for you, and you do not have "
        "to agree to any of them.",
        f"We keep the photos, film and this form for up to {kept} from today, then delete your details.",
        "You can withdraw your consent at any time, as easily as you gave it: use the reference number we "
        "give you on this council's 'withdraw consent' page, or contact the Communications Team. We will "
        "stop any new use at once and review or remove posts already published. Withdrawing does not make "
        "earlier use unlawful, and printed copies already handed out cannot be recalled.",
    ]
    return paragraphs


def wording_for(request: ConsentRequest) -> str:
    return "\n\n".join(wording_paragraphs(request))


# --- Consent requests --------------------------------------------------------------------------


def _clean_partners(partners: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for name in partners:
        name = " ".join(name.split())[:120]
        if name and name.casefold() not in {s.casefold() for s in seen}:
            seen.append(name)
    return seen


@transaction.atomic
def create_consent_request(
    *,
    by: Person,
    event_name: str,
    event_date: dt.date,
    location: str,
    purposes: list[str],
    channels: list[str],
    partners: Iterable[str] = (),
    description: str = "",
    photographer: str = "",
    notices_displayed: bool = False,
) -> ConsentRequest:
    partners = _clean_partners(partners)
    if not purposes:
        raise Refused("Select at least one purpose")
    if not channels and not partners:
        raise Refused("Select at least one place the images may be used")
    unknown = [p for p in purposes if p not in Purpose.values] + [c for c in channels if not is_known_channel(c)]
    if unknown:
        raise Refused(f"Unknown purpose or channel: {', '.join(unknown)}")
    request = ConsentRequest.objects.create(
        event_name=event_name.strip(),
        event_date=event_date,
        location=location.strip(),
        description=description.strip(),
        purposes=list(purposes),
        channels=list(channels),
        partners=partners,
        photographer=photographer.strip(),
        notices_displayed=notices_displayed,
        organiser=by,
    )
    audit.record(
        actor=by, action="consent_request.created", obj=request, after=audit.snapshot(request, exclude=("token",))
    )
    return request


@transaction.atomic
def set_consent_request_open(request: ConsentRequest, *, is_open: bool, by: Person) -> ConsentRequest:
    if request.is_open == is_open:
        return request
    request.is_open = is_open
    request.save(update_fields=["is_open"])
    audit.record(actor=by, action="consent_request.opened" if is_open else "consent_request.closed", obj=request)
    return request


# --- Giving consent ----------------------------------------------------------------------------


def _new_urn() -> str:
    while True:
        raw = "".join(secrets.choice(URN_ALPHABET) for _ in range(8))
        urn = f"{raw[:4]}-{raw[4:]}"
        if not ConsentRecord.objects.filter(urn=urn).exists():
            return urn


def normalise_urn(value: str) -> str:
    raw = re.sub(r"[^0-9A-Za-z]", "", value or "").upper()
    return f"{raw[:4]}-{raw[4:]}" if len(raw) == 8 else raw


def normalise_phone(value: str) -> str:
    digits = re.sub(r"\D", "", value or "")
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    return digits


@dataclass(frozen=True)
class ConsentDetails:
    """What a person (or the staff member writing down a paper form) says."""

    subject_name: str
    age_band: str
    given_by: str
    channels: list[str]
    purposes: list[str]
    name_may_be_published: bool
    email: str = ""
    phone: str = ""
    representative_name: str = ""
    representative_relationship: str = ""
    child_cosigned: bool = False
    child_signature: str = ""
    do_not_publish: bool = False
    do_not_publish_reason: str = ""


def check_consent_details(request: ConsentRequest, details: ConsentDetails) -> dict[str, str]:
    """Every problem with the details, by field name; empty when they may be saved."""
    problems: dict[str, str] = {}
    if not details.subject_name.strip():
        problems["subject_name"] = "Enter the full name of the person in the photos"
    bands = dict(age_band_choices())
    if details.age_band not in bands:
        problems["age_band"] = "Select how old the person in the photos is"
    if details.given_by not in ConsentRecord.GivenBy.values:
        problems["given_by"] = "Select who is giving consent"
    under_age = details.age_band in (ConsentRecord.AgeBand.CHILD, ConsentRecord.AgeBand.COSIGN)
    if under_age and details.given_by == ConsentRecord.GivenBy.SELF:
        guardian_under = conf.get("HERALD_CONSENT_GUARDIAN_UNDER")
        problems["given_by"] = f"A parent or guardian must give consent for someone under {guardian_under}"
    if details.given_by == ConsentRecord.GivenBy.GUARDIAN and details.age_band == ConsentRecord.AgeBand.ADULT:
        problems["given_by"] = "For an adult who cannot decide for themselves, select advocate or carer"
    if details.given_by in (ConsentRecord.GivenBy.GUARDIAN, ConsentRecord.GivenBy.ADVOCATE):
        if not details.representative_name.strip():
            problems["representative_name"] = "Enter your full name"
        if not details.representative_relationship.strip():
            problems["representative_relationship"] = "Enter your relationship to the person in the photos"
    if not details.email.strip() and not normalise_phone(details.phone):
        problems["email"] = "Enter an email address or a phone number, so you can withdraw your consent later"
    if details.phone and not 10 <= len(normalise_phone(details.phone)) <= 13:
        problems["phone"] = "Enter a phone number, like 01455 238141 or 07700 900 982"
    if details.child_cosigned and details.age_band != ConsentRecord.AgeBand.COSIGN:
        problems["child_cosigned"] = "Only a child aged {} or over can co-sign".format(
            conf.get("HERALD_CONSENT_COSIGN_FROM")
        )
    elif details.child_cosigned and not details.child_signature.strip():
        problems["child_signature"] = "Ask the child to type their name to co-sign, or untick the box"
    offered = request.offered_channels
    if not details.do_not_publish:
        if not details.channels:
            problems["channels"] = "Select at least one place where we may use the photos"
        if not details.purposes:
            problems["purposes"] = "Select at least one purpose"
    if any(c not in offered for c in details.channels):
        problems["channels"] = "Select only the places listed"
    if any(p not in request.purposes for p in details.purposes):
        problems["purposes"] = "Select only the purposes listed"
    return problems


def _create_record(
    request: ConsentRequest,
    details: ConsentDetails,
    *,
    method: str,
    actor,
    recorded_by: Person | None,
    given_at: dt.datetime,
    witnessed_by: str = "",
    scan=None,
) -> ConsentRecord:
    problems = check_consent_details(request, details)
    if problems:
        raise Refused("; ".join(problems.values()))
    purposes = [] if details.do_not_publish else list(details.purposes)
    record = ConsentRecord(
        urn=_new_urn(),
        request=request,
        subject_name=details.subject_name.strip(),
        age_band=details.age_band,
        given_by=details.given_by,
        representative_name=details.representative_name.strip(),
        representative_relationship=details.representative_relationship.strip(),
        email=details.email.strip().lower(),
        phone=details.phone.strip(),
        child_cosigned=details.child_cosigned,
        child_signature=details.child_signature.strip() if details.child_cosigned else "",
        channels=[] if details.do_not_publish else list(details.channels),
        purposes=purposes,
        name_may_be_published=details.name_may_be_published and not details.do_not_publish,
        do_not_publish=details.do_not_publish,
        do_not_publish_reason=details.do_not_publish_reason.strip(),
        method=method,
        witnessed_by=witnessed_by.strip(),
        recorded_by=recorded_by,
        wording_version=WORDING_VERSION,
        wording_text=wording_for(request),
        given_at=given_at,
        expires_on=given_at.date() + dt.timedelta(days=retention_days(purposes or request.purposes)),
    )
    if scan is not None:
        record.scan.save(f"{uuid.uuid4().hex}.{scan[1]}", ContentFile(scan[0]), save=False)
    record.save()
    audit.record(
        actor=actor,
        action="consent.given" if not details.do_not_publish else "consent.do_not_publish_recorded",
        obj=record,
        after=_snapshot(record),
    )
    if record.email:
        transaction.on_commit(lambda: _email_receipt(record))
    return record


@transaction.atomic
def give_consent(request: ConsentRequest, details: ConsentDetails) -> ConsentRecord:
    """A person gives consent on the public form."""
    if not request.is_open:
        raise Refused("This consent form is closed")
    return _create_record(
        request,
        details,
        method=ConsentRecord.Method.ONLINE,
        actor=PUBLIC_ACTOR,
        recorded_by=None,
        given_at=timezone.now(),
    )


SCAN_TYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


def check_scan(data: bytes) -> str:
    """The extension for a scanned form, judged by its content; raise if it is not a PDF, JPEG or PNG."""
    if not data:
        raise Refused("The selected file is empty")
    if len(data) > conf.get("HERALD_CONSENT_MAX_SCAN_MB") * 1024 * 1024:
        raise Refused(f"The scan must be smaller than {conf.get('HERALD_CONSENT_MAX_SCAN_MB')}MB")
    kind = filetype.guess(data[:8192])
    if kind is None or kind.mime not in SCAN_TYPES:
        raise Refused("The scan must be a PDF, JPG or PNG file")
    return SCAN_TYPES[kind.mime]


@transaction.atomic
def record_consent(
    request: ConsentRequest,
    details: ConsentDetails,
    *,
    by: Person,
    method: str,
    given_on: dt.date,
    witnessed_by: str = "",
    scan: bytes | None = None,
) -> ConsentRecord:
    """A member of staff records consent given on paper or out loud."""
    if method not in (ConsentRecord.Method.PAPER, ConsentRecord.Method.VERBAL):
        raise Refused("Select whether consent was given on a paper form or verbally")
    if method == ConsentRecord.Method.VERBAL and not witnessed_by.strip():
        raise Refused("Enter the name of the person who witnessed the verbal consent")
    if method == ConsentRecord.Method.PAPER and not scan:
        raise Refused("Upload a scan of the signed form")
    if given_on > timezone.localdate():
        raise Refused("The date consent was given must be today or in the past")
    scan_file = (scan, check_scan(scan)) if scan else None
    given_at = timezone.make_aware(dt.datetime.combine(given_on, dt.time(12, 0)))
    return _create_record(
        request,
        details,
        method=method,
        actor=by,
        recorded_by=by,
        given_at=given_at,
        witnessed_by=witnessed_by,
        scan=scan_file,
    )


def _withdraw_link() -> str:
    return f"{settings.SITE_URL}{reverse('consents:withdraw')}"


def _email_receipt(record: ConsentRecord) -> None:
    notify(
        "consent_receipt",
        to=[record.email],
        context={
            "record": record,
            "channels": ", ".join(channel_label(c) for c in record.channels),
            "withdraw_link": _withdraw_link(),
        },
    )


@transaction.atomic
def mark_do_not_publish(record: ConsentRecord, *, by: Person, reason: str) -> ConsentRecord:
    """Flag a person as never to be published (e.g. a looked-after or adopted child); every check honours it."""
    if not reason.strip():
        raise Refused("Enter the reason this person must not be published")
    before = _snapshot(record)
    record.do_not_publish = True
    record.do_not_publish_reason = reason.strip()
    record.name_may_be_published = False
    record.save(update_fields=["do_not_publish", "do_not_publish_reason", "name_may_be_published"])
    audit.record(
        actor=by,
        action="consent.do_not_publish_flagged",
        obj=record,
        before=before,
        after=_snapshot(record),
        reason=reason,
    )
    _stop_uses_showing(record, by=by, why="'Do not publish' flag")
    return record


# --- Usability -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonShown:
    name: str
    is_child: bool
    consent: str  # valid, expired, withdrawn, missing_consent, outside_channels, do_not_publish
    name_may_be_published: bool
    urn: str = ""


@dataclass(frozen=True)
class Usability:
    status: str
    usable: bool
    reasons: tuple[str, ...]
    people: tuple[PersonShown, ...]
    channel: str
    on: dt.date

    @property
    def children_shown(self) -> bool:
        return any(p.is_child for p in self.people)


# Worst first: the asset's status is that of the person who blocks it most firmly.
SEVERITY = ["do_not_publish", "withdrawn", "missing_consent", "expired", "outside_channels", "valid"]
STATUS_LABELS = {
    "valid": "May be used",
    "no_people": "May be used: nobody can be identified",
    "expired": "Consent expired",
    "withdrawn": "Consent withdrawn",
    "missing_consent": "Consent missing",
    "outside_channels": "Not consented for this channel",
    "do_not_publish": "Do not publish",
}


def _person_state(record: ConsentRecord, channel: str, on: dt.date) -> str:
    if record.do_not_publish:
        return "do_not_publish"
    if record.state == ConsentRecord.State.WITHDRAWN or record.erased_at:
        return "withdrawn"
    if record.state == ConsentRecord.State.EXPIRED or record.expires_on <= on:
        return "expired"
    if record.given_at.date() > on:
        return "missing_consent"
    if not any(_same_channel(channel, c) for c in record.channels):
        return "outside_channels"
    return "valid"


def asset_usability(asset: MediaAsset, *, channel: str, on: dt.date) -> Usability:
    """May `asset` be used on `channel` on the day `on`? The answer the checks and the post workflow use."""
    if not is_known_channel(channel):
        raise ValueError(f"Unknown channel {channel!r}")
    label = channel_label(channel)
    people: list[PersonShown] = []
    reasons: list[str] = []
    for appearance in asset.appearances.select_related("record"):
        record = appearance.record
        if record is None:
            who = appearance.description or "a person"
            people.append(PersonShown(who, appearance.is_child, "missing_consent", False))
            reasons.append(f"There is no consent record for {who}{' (a child)' if appearance.is_child else ''}.")
            continue
        state = _person_state(record, channel, on)
        name = "a person" if record.erased_at else record.subject_name
        people.append(
            PersonShown(name, record.is_child, state, record.name_may_be_published and state == "valid", record.urn)
        )
        reasons.append(
            {
                "do_not_publish": f"{name} must not be published (do not photograph / do not publish).",
                "withdrawn": f"{name} withdrew consent (URN {record.urn}).",
                "missing_consent": f"{name} had not yet given consent on {on:%-d %B %Y}.",
                "expired": f"Consent for {name} expired on {record.expires_on:%-d %B %Y}.",
                "outside_channels": f"{name} did not consent to use on {label}.",
                "valid": f"{name} consented to use on {label} until {record.expires_on:%-d %B %Y}"
                + ("" if record.name_may_be_published else "; do not publish their name")
                + ".",
            }[state]
        )
    if not people:
        if asset.shows_people and not asset.crowd_shot_with_notices:
            reasons.append("The asset shows people but nobody shown has been linked to a consent record.")
            return Usability("missing_consent", False, tuple(reasons), (), channel, on)
        if asset.crowd_shot_with_notices:
            reasons.append(
                "A crowd shot at an event where notices said photos were being taken; avoid close-ups of individuals."
            )
        else:
            reasons.append("Nobody can be identified in it.")
        return Usability("no_people", True, tuple(reasons), (), channel, on)
    status = min((p.consent for p in people), key=SEVERITY.index)
    return Usability(status, status == "valid", tuple(reasons), tuple(people), channel, on)


# --- Media library ---------------------------------------------------------------------------

IMAGE_TYPES = {"image/jpeg": ("JPEG", "jpg"), "image/png": ("PNG", "png"), "image/webp": ("WEBP", "webp")}
VIDEO_TYPES = {"video/mp4": "mp4", "video/quicktime": "mov", "video/webm": "webm"}
THUMBNAIL_SIZE = (480, 480)


@dataclass(frozen=True)
class AssetDetails:
    title: str
    alt_text: str
    source: str
    licence: str = ""
    photographer: str = ""
    request: ConsentRequest | None = None
    shows_people: bool = True
    children_appear: bool = False
    crowd_shot_with_notices: bool = False


def _clean_image(data: bytes, mime: str) -> tuple[bytes, bytes, int, int]:
    """Decode the image, turn it upright, and re-encode it without EXIF (GPS, camera serial) or XMP."""
    pil_format = IMAGE_TYPES[mime][0]
    try:
        with Image.open(io.BytesIO(data)) as probe:
            _check_pixels(probe.width, probe.height)
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
    except Refused:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise Refused("The file is damaged or is not really an image: upload a JPG, PNG or WebP photo")
    if pil_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    elif upright.mode not in ("RGB", "RGBA", "L", "LA"):
        upright = upright.convert("RGBA")
    # A fresh image carries only pixels: no EXIF, XMP, comments or maker notes come across.
    clean = Image.new(upright.mode, upright.size)
    clean.paste(upright)
    out = io.BytesIO()
    save_args = {"quality": 92, "optimize": True} if pil_format == "JPEG" else {}
    icc = upright.info.get("icc_profile")
    if icc:
        save_args["icc_profile"] = icc
    clean.save(out, format=pil_format, **save_args)
    thumb = clean.convert("RGB")
    thumb.thumbnail(THUMBNAIL_SIZE)
    thumb_out = io.BytesIO()
    thumb.save(thumb_out, format="JPEG", quality=80)
    return out.getvalue(), thumb_out.getvalue(), clean.width, clean.height


def _check_pixels(width: int, height: int) -> None:
    limit = conf.get("HERALD_CONSENT_MAX_IMAGE_MEGAPIXELS")
    if width * height > limit * 1_000_000:
        raise Refused(
            f"The photo is {width:,} × {height:,} pixels, which is too large: it must be at most {limit} megapixels. "
            "Resize it (for example to 6,000 pixels on the longest side) and upload it again"
        )


def inspect_upload(data: bytes, filename: str) -> tuple[str, str]:
    """(kind, mime) of an upload judged by its content, never its name; raise Refused if refused."""
    if not data:
        raise Refused("The selected file is empty")
    kind = filetype.guess(data[:8192])
    mime = kind.mime if kind else ""
    if mime in IMAGE_TYPES:
        limit = conf.get("HERALD_CONSENT_MAX_IMAGE_MB")
        if len(data) > limit * 1024 * 1024:
            raise Refused(f"The photo must be smaller than {limit}MB")
        # A small file can hold a huge image (a 230 KB PNG of 7,700 × 7,700 pixels takes 180 MB to
        # decode): judge the size from the header, which Pillow reads without decoding the pixels.
        try:
            with Image.open(io.BytesIO(data)) as probe:
                width, height = probe.size
        except Image.DecompressionBombError:
            raise Refused(
                f"The photo is too large: it must be at most "
                f"{conf.get('HERALD_CONSENT_MAX_IMAGE_MEGAPIXELS')} megapixels"
            ) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise Refused("The file is damaged or is not really an image: upload a JPG, PNG or WebP photo") from None
        _check_pixels(width, height)
        return MediaAsset.Kind.PHOTO, mime
    if mime in VIDEO_TYPES:
        limit = conf.get("HERALD_CONSENT_MAX_VIDEO_MB")
        if len(data) > limit * 1024 * 1024:
            raise Refused(f"The video must be smaller than {limit}MB")
        return MediaAsset.Kind.VIDEO, mime
    raise Refused(
        "The selected file is not a photo or video Herald accepts, whatever its name says: "
        "upload a JPG, PNG or WebP photo, or an MP4, MOV or WebM video"
    )


@transaction.atomic
def upload_media(data: bytes, *, filename: str, details: AssetDetails, by: Person) -> MediaAsset:
    kind, mime = inspect_upload(data, filename)
    if not details.title.strip():
        raise Refused("Enter a title for the photo or video")
    if kind == MediaAsset.Kind.PHOTO and not details.alt_text.strip():
        raise Refused("Enter alt text describing the photo")
    if details.source not in MediaAsset.Source.values:
        raise Refused("Select where the photo or video came from")
    asset = MediaAsset(
        title=details.title.strip(),
        kind=kind,
        original_filename=filename[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        alt_text=details.alt_text.strip(),
        source=details.source,
        licence=details.licence.strip(),
        photographer=details.photographer.strip(),
        request=details.request,
        shows_people=details.shows_people,
        children_appear=details.children_appear,
        crowd_shot_with_notices=details.crowd_shot_with_notices,
        uploaded_by=by,
    )
    name = uuid.uuid4().hex
    if kind == MediaAsset.Kind.PHOTO:
        clean, thumb, asset.width, asset.height = _clean_image(data, mime)
        extension = IMAGE_TYPES[mime][1]
        asset.file.save(f"{name}.{extension}", ContentFile(clean), save=False)
        asset.thumbnail.save(f"{name}.jpg", ContentFile(thumb), save=False)
        asset.content_type = mime
        asset.size_bytes = len(clean)
        asset.metadata_stripped = True
        asset.metadata_note = "Re-encoded on upload: EXIF (including GPS location and camera serial) removed."
    else:
        asset.file.save(f"{name}.{VIDEO_TYPES[mime]}", ContentFile(data), save=False)
        asset.content_type = mime
        asset.size_bytes = len(data)
        asset.metadata_stripped = False
        asset.metadata_note = (
            "Stored as uploaded: Herald cannot remove metadata (which may include location) from video. "
            "Export it without location from the camera or editing software before publishing."
        )
    asset.save()
    audit.record(actor=by, action="media.uploaded", obj=asset, after=_snapshot(asset))
    return asset


@transaction.atomic
def update_media_details(asset: MediaAsset, details: AssetDetails, *, by: Person) -> MediaAsset:
    if not details.title.strip():
        raise Refused("Enter a title for the photo or video")
    if asset.kind == MediaAsset.Kind.PHOTO and not details.alt_text.strip():
        raise Refused("Enter alt text describing the photo")
    before = _snapshot(asset)
    for field in ("title", "alt_text", "licence", "photographer"):
        setattr(asset, field, getattr(details, field).strip())
    for field in ("source", "request", "shows_people", "children_appear", "crowd_shot_with_notices"):
        setattr(asset, field, getattr(details, field))
    asset.save()
    audit.record(actor=by, action="media.updated", obj=asset, before=before, after=_snapshot(asset))
    return asset


@transaction.atomic
def add_appearance(
    asset: MediaAsset,
    *,
    by: Person,
    record: ConsentRecord | None = None,
    description: str = "",
    is_child: bool = False,
) -> Appearance:
    """Record that a person can be identified in the asset, with their consent record if they have one."""
    if record is None and not description.strip():
        raise Refused("Select the person's consent record, or describe the person if they have none")
    if record is not None and asset.appearances.filter(record=record).exists():
        raise Refused(f"{record.display_name} is already linked to this asset")
    appearance = Appearance.objects.create(
        asset=asset,
        record=record,
        description=description.strip(),
        is_child=record.is_child if record else is_child,
        added_by=by,
    )
    changed = []
    if not asset.shows_people:
        asset.shows_people = True
        changed.append("shows_people")
    if appearance.is_child and not asset.children_appear:
        asset.children_appear = True
        changed.append("children_appear")
    if changed:
        asset.save(update_fields=changed)
    audit.record(
        actor=by,
        action="media.person_linked",
        obj=asset,
        after={"record": record.pk if record else None, "description": appearance.description},
    )
    return appearance


@transaction.atomic
def remove_appearance(appearance: Appearance, *, by: Person, reason: str) -> None:
    if not reason.strip():
        raise Refused("Enter why this person is being removed from the asset")
    asset = appearance.asset
    audit.record(
        actor=by,
        action="media.person_unlinked",
        obj=asset,
        reason=reason,
        before={"record": appearance.record_id, "description": appearance.description},
    )
    appearance.delete()


# --- Uses ------------------------------------------------------------------------------------


@transaction.atomic
def record_use(
    asset: MediaAsset,
    *,
    by: Person,
    state: str,
    account=None,
    channel: str = "",
    published_url: str = "",
    scheduled_for: dt.datetime | None = None,
    reference: str = "",
) -> MediaUse:
    """Record that an asset is drafted, scheduled or published somewhere. The posts app calls this."""
    if state not in (MediaUse.State.DRAFT, MediaUse.State.SCHEDULED, MediaUse.State.PUBLISHED):
        raise Refused("A new use must be a draft, scheduled or published")
    channel = account.platform if account is not None else channel
    if not is_known_channel(channel):
        raise Refused("Select the account or channel where the asset is used")
    if state == MediaUse.State.SCHEDULED and scheduled_for is None:
        raise Refused("Enter when the post is scheduled for")
    use = MediaUse.objects.create(
        asset=asset,
        account=account,
        channel=channel,
        state=state,
        published_url=published_url,
        scheduled_for=scheduled_for,
        reference=reference.strip(),
        created_by=by,
    )
    audit.record(actor=by, action="media.use_recorded", obj=use, after=_snapshot(use))
    return use


@transaction.atomic
def set_use_state(use: MediaUse, *, state: str, by: Person, published_url: str = "", reason: str = "") -> MediaUse:
    if state not in MediaUse.State.values:
        raise Refused("Unknown state")
    before = _snapshot(use)
    use.state = state
    if published_url:
        use.published_url = published_url
    if state in (MediaUse.State.STOPPED, MediaUse.State.TAKEN_DOWN):
        use.stopped_at = timezone.now()
        use.stopped_reason = reason[:300]
    use.save()
    audit.record(actor=by, action="media.use_changed", obj=use, before=before, after=_snapshot(use), reason=reason)
    return use


@transaction.atomic
def set_media_for(
    owner: withdrawal.UseOwner,
    assets: Iterable[MediaAsset],
    *,
    by: Person,
    state: str,
    account=None,
    channel: str = "",
    scheduled_for: dt.datetime | None = None,
    published_url: str = "",
) -> None:
    """These are the media `owner` (a post, say) now uses, at this stage: draft, scheduled or published;
        or stopped, when it will not be published. Its uses of assets it no longer holds stop while still
        unpublished; each asset it holds gets a use in this state (on `account`, or a `channel` such as print),
    so a withdrawal reaches the owner. Each asset must be usable there (record_use checks the channel)."""
    assets = list(assets)
    live = {use.asset_id: use for use in MediaUse.objects.filter(reference=owner.reference)}
    wanted = {asset.pk for asset in assets}
    unpublished = (MediaUse.State.DRAFT, MediaUse.State.SCHEDULED)
    for asset_id, use in live.items():
        if asset_id not in wanted and use.state in unpublished:
            set_use_state(use, state=MediaUse.State.STOPPED, by=by, reason=f"Removed from the {owner.kind}")
    if state == MediaUse.State.STOPPED:
        for use in live.values():
            if use.state in unpublished:
                set_use_state(use, state=state, by=by, reason=f"The {owner.kind} will not be published")
        return
    for asset in assets:
        use = live.get(asset.pk)
        if use is None or use.state in (MediaUse.State.STOPPED, MediaUse.State.TAKEN_DOWN):
            record_use(
                asset,
                by=by,
                state=state,
                account=account,
                channel=channel,
                scheduled_for=scheduled_for,
                published_url=published_url,
                reference=owner.reference,
            )
        elif use.state != state:
            set_use_state(use, state=state, by=by, published_url=published_url)


def open_takedowns_for(owner: withdrawal.UseOwner):
    return TakedownTask.objects.open().filter(use__reference=owner.reference).select_related("use__asset", "record")


def takedown_pending_for(owner: withdrawal.UseOwner) -> bool:
    """Whether the owner's record is still needed for a takedown (retention must keep it)."""
    return MediaUse.objects.filter(reference=owner.reference, takedowns__completed_at=None).exists()


@transaction.atomic
def forget_owner(owner: withdrawal.UseOwner) -> None:
    """The owner's record is being deleted: its uses stay in the library's history, no longer linked to it."""
    MediaUse.objects.filter(reference=owner.reference).update(reference="")


def _stop_uses_showing(record: ConsentRecord, *, by, why: str) -> tuple[list[MediaUse], list[TakedownTask]]:
    """Stop drafts and scheduled uses of every asset showing the person; open a takedown task per published use."""
    now = timezone.now()
    hours = conf.get("HERALD_CONSENT_TAKEDOWN_HOURS")
    uses = list(
        MediaUse.objects.live().filter(asset__appearances__record=record).select_related("asset", "account").distinct()
    )
    stopped, tasks = [], []
    for use in uses:
        if use.state in (MediaUse.State.DRAFT, MediaUse.State.SCHEDULED):
            before = _snapshot(use)
            use.state = MediaUse.State.STOPPED
            use.stopped_at = now
            use.stopped_reason = f"{why} for {record.urn}"
            use.save(update_fields=["state", "stopped_at", "stopped_reason"])
            audit.record(
                actor=by,
                action="media.use_stopped",
                obj=use,
                before=before,
                after=_snapshot(use),
                reason=use.stopped_reason,
            )
            stopped.append(use)
        elif not TakedownTask.objects.open().filter(use=use, record=record).exists():
            task = TakedownTask.objects.create(use=use, record=record, due_at=now + dt.timedelta(hours=hours))
            audit.record(actor=by, action="takedown.opened", obj=task, after=_snapshot(task))
            tasks.append(task)
    withdrawal.tell_owners(uses, by=by)
    if tasks:
        transaction.on_commit(lambda: _email_takedowns(tasks))
    return stopped, tasks


def _email_takedowns(tasks: list[TakedownTask]) -> None:
    for task in tasks:
        account = task.use.account
        editors = list(account.active_editors()) if account else []
        if not editors:
            from herald.people.roles import Role

            editors = list(Person.objects.active().with_role(Role.COMMS))
        notify(
            "takedown_due",
            to=editors,
            context={
                "task": task,
                "where": account.display_name if account else channel_label(task.use.channel),
                "link": f"{settings.SITE_URL}{reverse('consents:takedown', args=[task.pk])}",
            },
        )


@dataclass(frozen=True)
class WithdrawalOutcome:
    record: ConsentRecord
    stopped: tuple[MediaUse, ...]
    takedowns: tuple[TakedownTask, ...]


@transaction.atomic
def withdraw_consent(record: ConsentRecord, *, by, reason: str = "", method: str = "") -> WithdrawalOutcome:
    """Withdraw consent at once: every asset showing the person becomes unusable, drafts and scheduled
    uses stop, published uses get a takedown task. `by` is a Person, or PUBLIC_ACTOR for the public form."""
    record = ConsentRecord.objects.select_for_update().get(pk=record.pk)
    if record.state == ConsentRecord.State.WITHDRAWN:
        return WithdrawalOutcome(record, (), ())
    before = _snapshot(record)
    record.state = ConsentRecord.State.WITHDRAWN
    record.withdrawn_at = timezone.now()
    record.withdrawal_method = method or ("Online withdrawal form" if by == PUBLIC_ACTOR else "Recorded by staff")
    record.withdrawal_reason = reason.strip()
    record.save(update_fields=["state", "withdrawn_at", "withdrawal_method", "withdrawal_reason"])
    audit.record(
        actor=by, action="consent.withdrawn", obj=record, before=before, after=_snapshot(record), reason=reason
    )
    stopped, tasks = _stop_uses_showing(record, by=by, why="Consent withdrawn")
    if record.email:
        transaction.on_commit(lambda: _email_withdrawal_confirmed(record, len(stopped), len(tasks)))
    return WithdrawalOutcome(record, tuple(stopped), tuple(tasks))


def _email_withdrawal_confirmed(record: ConsentRecord, stopped: int, published: int) -> None:
    notify(
        "consent_withdrawn",
        to=[record.email],
        context={
            "record": record,
            "stopped": stopped,
            "published": published,
            "takedown_hours": conf.get("HERALD_CONSENT_TAKEDOWN_HOURS"),
        },
    )


def _keyed_hash(value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def allow_attempt(kind: str, key: str, *, limit: int) -> bool:
    """Count this attempt against `key` and say whether it is within `limit` per hour."""
    since = timezone.now() - dt.timedelta(hours=1)
    hashed = _keyed_hash(f"{kind}:{key}")
    recent = PublicAttempt.objects.filter(kind=kind, key=hashed, at__gte=since).count()
    PublicAttempt.objects.create(kind=kind, key=hashed)
    return recent < limit


def _contact_matches(record: ConsentRecord, contact: str) -> bool:
    contact = contact.strip()
    if "@" in contact:
        return bool(record.email) and record.email.casefold() == contact.casefold()
    phone = normalise_phone(contact)
    return bool(phone) and normalise_phone(record.phone) == phone


def withdraw_by_reference(urn: str, contact: str) -> None:
    """The public withdrawal form. Says nothing about whether the URN exists: the owner is told by email."""
    with transaction.atomic():
        record = ConsentRecord.objects.filter(urn=normalise_urn(urn), erased_at=None).first()
        if record is None:
            return
        if _contact_matches(record, contact):
            withdraw_consent(record, by=PUBLIC_ACTOR, reason="Withdrawn by the person online")
            return
        audit.record(
            actor=PUBLIC_ACTOR,
            action="consent.withdrawal_refused",
            obj=record,
            reason="The contact details given did not match",
        )
        if record.email and record.state == ConsentRecord.State.GIVEN:
            notify(
                "withdrawal_attempt_refused",
                to=[record.email],
                context={"record": record, "withdraw_link": _withdraw_link()},
            )


@transaction.atomic
def complete_takedown(task: TakedownTask, *, by: Person, outcome: str, notes: str = "") -> TakedownTask:
    task = TakedownTask.objects.select_for_update().select_related("use").get(pk=task.pk)
    if task.completed_at:
        raise Refused("This task has already been completed")
    if outcome not in TakedownTask.Outcome.values:
        raise Refused("Select what you did with the post")
    if outcome == TakedownTask.Outcome.KEPT and not notes.strip():
        raise Refused("Enter why the post is kept")
    before = _snapshot(task)
    task.completed_at = timezone.now()
    task.completed_by = by
    task.outcome = outcome
    task.notes = notes.strip()
    task.save()
    audit.record(actor=by, action="takedown.completed", obj=task, before=before, after=_snapshot(task), reason=notes)
    if outcome in (TakedownTask.Outcome.REMOVED, TakedownTask.Outcome.EDITED):
        still_open = TakedownTask.objects.open().filter(use=task.use).exists()
        if outcome == TakedownTask.Outcome.REMOVED and not still_open:
            set_use_state(task.use, state=MediaUse.State.TAKEN_DOWN, by=by, reason=f"Takedown task {task.pk}")
    return task


# --- Keeping and deleting ---------------------------------------------------------------------

PERSONAL_FIELDS = (
    "subject_name",
    "representative_name",
    "representative_relationship",
    "email",
    "phone",
    "child_signature",
    "witnessed_by",
    "do_not_publish_reason",
    "withdrawal_reason",
)


@transaction.atomic
def expire_consents(*, today: dt.date | None = None) -> list[ConsentRecord]:
    """Mark records past their retention date as expired and tell the owners of assets that depend on them."""
    today = today or timezone.localdate()
    expired = list(ConsentRecord.objects.due_to_expire(today).select_for_update())
    owners: dict[int, list[str]] = {}
    for record in expired:
        record.state = ConsentRecord.State.EXPIRED
        record.expired_at = timezone.now()
        record.save(update_fields=["state", "expired_at"])
        audit.record(
            actor=None,
            action="consent.expired",
            obj=record,
            after={"expires_on": record.expires_on, "state": record.state},
        )
        for asset in MediaAsset.objects.showing(record).select_related("uploaded_by"):
            owners.setdefault(asset.uploaded_by_id, []).append(f"'{asset.title}' ({record.urn})")
    if owners:
        emails = dict(Person.objects.filter(pk__in=owners, is_active=True).values_list("pk", "email"))

        def tell() -> None:
            for owner, items in owners.items():
                notify(
                    "consent_expired_for_uploads",
                    to=[emails.get(owner)],
                    context={"items": items, "link": f"{settings.SITE_URL}{reverse('consents:media')}"},
                )

        transaction.on_commit(tell)
    return expired


@transaction.atomic
def erase_personal_details(record: ConsentRecord, *, by, reason: str) -> ConsentRecord:
    """Remove everything that identifies the person; keep the URN, dates, choices and state the audit trail needs."""
    if not reason.strip():
        raise Refused("Enter the reason for erasing these details")
    if record.erased_at:
        return record
    record = ConsentRecord.objects.select_for_update().get(pk=record.pk)
    for field in PERSONAL_FIELDS:
        setattr(record, field, "")
    record.subject_name = "Erased"
    if record.scan:
        record.scan.delete(save=False)
    record.scan = ""
    record.erased_at = timezone.now()
    record.save()
    audit.record(
        actor=by,
        action="consent.personal_details_erased",
        obj=record,
        reason=reason,
        after={"urn": record.urn, "state": record.state, "erased_at": record.erased_at},
    )
    return record


def erase_lapsed_records(*, now: dt.datetime | None = None) -> int:
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=conf.get("HERALD_CONSENT_ERASE_AFTER_DAYS"))
    count = 0
    for record in ConsentRecord.objects.due_for_erasure(cutoff):
        erase_personal_details(record, by=None, reason="Retention period and grace period ended")
        count += 1
    PublicAttempt.objects.filter(at__lt=now - dt.timedelta(days=1)).delete()
    return count


def find_subject_records(query: str):
    """Records that may be about one person, by name, email, phone or URN (for a subject access request)."""
    from django.db.models import Q

    query = query.strip()
    if len(query) < 3:
        return ConsentRecord.objects.none()
    condition = (
        Q(subject_name__icontains=query)
        | Q(representative_name__icontains=query)
        | Q(email__iexact=query)
        | Q(urn=normalise_urn(query))
    )
    digits = normalise_phone(query)
    if len(digits) >= 10:
        condition |= Q(phone__contains=digits[-9:])
    return ConsentRecord.objects.filter(condition).select_related("request")


def export_subject_data(records: Iterable[ConsentRecord], *, by: Person, query: str) -> bytes:
    """Everything Herald holds about the person in these records, as JSON, for information governance."""
    records = list(records)
    payload = {
        "produced_by": settings.COUNCIL_NAME,
        "produced_at": timezone.now().isoformat(),
        "search": query,
        "records": [],
    }
    for record in records:
        assets = MediaAsset.objects.showing(record)
        payload["records"].append(
            {
                "consent": _snapshot(record) | {"wording_text": record.wording_text},
                "event": {
                    "name": record.request.event_name,
                    "date": record.request.event_date.isoformat(),
                    "location": record.request.location,
                },
                "channels": [channel_label(c) for c in record.channels],
                "purposes": [Purpose(p).label for p in record.purposes],
                "assets": [
                    {
                        "title": asset.title,
                        "kind": asset.kind,
                        "uploaded_at": asset.uploaded_at.isoformat(),
                        "alt_text": asset.alt_text,
                        "original_filename": asset.original_filename,
                        "uses": [
                            {
                                "where": str(use.account) if use.account_id else channel_label(use.channel),
                                "state": use.state,
                                "published_url": use.published_url,
                                "scheduled_for": use.scheduled_for.isoformat() if use.scheduled_for else None,
                                "reference": use.reference,
                                "recorded_at": use.created_at.isoformat(),
                            }
                            for use in asset.uses.select_related("account")
                        ],
                    }
                    for asset in assets
                ],
                "takedown_tasks": [
                    {
                        "due_at": t.due_at.isoformat(),
                        "completed_at": t.completed_at.isoformat() if t.completed_at else None,
                        "outcome": t.outcome,
                    }
                    for t in record.takedowns.all()
                ],
            }
        )
    audit.record(
        actor=by,
        action="consent.subject_access_export",
        object_type="consents.subject_access",
        object_repr=f"Subject access export: {len(records)} record(s)",
        after={"urns": [r.urn for r in records]},
        reason=f"Search: {query}",
    )
    return json.dumps(payload, indent=2, ensure_ascii=False).encode("utf-8")
