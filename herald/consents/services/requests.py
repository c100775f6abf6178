"""Asking for and giving consent: the channels, age bands and wording a request shows, consent requests,
consent given online or recorded from a signed form, and the receipt."""

from __future__ import annotations

import datetime as dt
import re
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone

from herald.audit import services as audit
from herald.consents import conf
from herald.consents.models import (
    FIXED_CHANNELS,
    SOCIAL_CHANNELS,
    ConsentRecord,
    ConsentRequest,
    Purpose,
    channel_label,
)
from herald.errors import Refused
from herald.notifications import notify
from herald.people.models import Person

WORDING_VERSION = "2026-11 v1"
PUBLIC_ACTOR = "Member of the public (online form)"
URN_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def _snapshot(obj: Model) -> dict:
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
    bands: list[tuple[str, str]] = [(ConsentRecord.AgeBand.ADULT, f"{guardian_under} or over")]
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
    actor: Person | str | None,
    recorded_by: Person | None,
    given_at: dt.datetime,
    witnessed_by: str = "",
    scan: tuple[bytes, str] | None = None,
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
        expires_on=timezone.localdate(given_at) + dt.timedelta(days=retention_days(purposes or request.purposes)),
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
