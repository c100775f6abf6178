"""The media library and its uses: uploading photos and videos, the people shown in them, and the question
the rest of Herald asks (may this asset be used on this channel on this day?). Other apps tell consents
which media their records use with `set_media_for`; nobody else writes MediaUse."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import filetype
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from PIL import Image, ImageOps, UnidentifiedImageError

from herald.audit import services as audit
from herald.consents import conf, withdrawal
from herald.consents.models import (
    Appearance,
    ConsentRecord,
    ConsentRequest,
    MediaAsset,
    MediaUse,
    TakedownTask,
    channel_label,
)
from herald.consents.services.requests import _same_channel, _snapshot, is_known_channel
from herald.errors import Refused
from herald.people.models import Person
from herald.queue import enqueue_after_commit

if TYPE_CHECKING:
    from herald.social_accounts.models import Account

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
    if timezone.localdate(record.given_at) > on:
        return "missing_consent"
    if not any(_same_channel(channel, c) for c in record.channels):
        return "outside_channels"
    return "valid"


# For a list of assets each shown with asset_usability: their appearances with their records, fetched
# in one query for the whole list rather than one per asset.
MEDIA_LIST_PREFETCH = Prefetch("appearances", queryset=Appearance.objects.select_related("record"))


def asset_usability(asset: MediaAsset, *, channel: str, on: dt.date) -> Usability:
    """May `asset` be used on `channel` on the day `on`? The answer the checks and the post workflow use."""
    if not is_known_channel(channel):
        raise ValueError(f"Unknown channel {channel!r}")
    label = channel_label(channel)
    people: list[PersonShown] = []
    reasons: list[str] = []
    # A list of assets fetches their appearances and records at once (MEDIA_LIST_PREFETCH); one asset asks.
    prefetched = "appearances" in getattr(asset, "_prefetched_objects_cache", {})
    for appearance in asset.appearances.all() if prefetched else asset.appearances.select_related("record"):
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
    if kind == MediaAsset.Kind.PHOTO:
        enqueue_after_commit("herald.consents.tasks.read_text_in_photo", asset.pk)
    return asset


@transaction.atomic
def update_media_details(asset: MediaAsset, details: AssetDetails, *, by: Person) -> MediaAsset:
    if not details.title.strip():
        raise Refused("Enter a title for the photo or video")
    if asset.kind == MediaAsset.Kind.PHOTO and not details.alt_text.strip():
        raise Refused("Enter alt text describing the photo")
    before = _snapshot(asset)
    alt_text_before = asset.alt_text
    for field in ("title", "alt_text", "licence", "photographer"):
        setattr(asset, field, getattr(details, field).strip())
    for field in ("source", "request", "shows_people", "children_appear", "crowd_shot_with_notices"):
        setattr(asset, field, getattr(details, field))
    asset.save()
    audit.record(actor=by, action="media.updated", obj=asset, before=before, after=_snapshot(asset))
    if asset.alt_text != alt_text_before:
        # The alt text is published with the photo: records that use it hear of it (an approved post's
        # approval was for the old words).
        withdrawal.tell_owners_details_changed(asset.uses.all(), by=by)
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
    if record is not None:
        # Imported here: withdrawals builds on this module's use states.
        from herald.consents.services.withdrawals import stop_uses_of_newly_linked

        stop_uses_of_newly_linked(asset, record, by=by)
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
    account: Account | None = None,
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
    account: Account | None = None,
    channel: str = "",
    scheduled_for: dt.datetime | None = None,
    published_url: str = "",
) -> None:
    """These are the media `owner` (a post, say) now uses, at this stage: draft, scheduled or published;
        or stopped, when it will not be published. Its uses of assets it no longer holds stop while still
        unpublished; each asset it holds gets a use in this state (on `account`, or a `channel` such as print),
    so a withdrawal reaches the owner. Each asset must be usable there (record_use checks the channel)."""
    assets = list(assets)
    # Oldest first, so each asset's newest use wins: an asset taken off and put back has an older, stopped use.
    uses = MediaUse.objects.filter(reference=owner.reference).order_by("created_at", "pk")
    live = {use.asset_id: use for use in uses}
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


def open_takedowns_for(owner: withdrawal.UseOwner) -> QuerySet[TakedownTask]:
    return TakedownTask.objects.open().filter(use__reference=owner.reference).select_related("use__asset", "record")


def takedown_pending_for(owner: withdrawal.UseOwner) -> bool:
    """Whether the owner's record is still needed for a takedown (retention must keep it). Only an open
    takedown task holds it: a use that never had one does not (filtering uses on `takedowns__completed_at`
    would match those too, through the outer join)."""
    return open_takedowns_for(owner).exists()


@transaction.atomic
def forget_owner(owner: withdrawal.UseOwner) -> None:
    """The owner's record is being deleted: its uses stay in the library's history, no longer linked to it."""
    MediaUse.objects.filter(reference=owner.reference).update(reference="")
