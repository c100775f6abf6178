"""The one door from the Django apps to the policy-check engine (`herald/checks`).

Only this module builds the engine's `Context` (official or personal account, the author's role and
political restriction, today's pre-election period, the members' register, the council's own contact
details) and its view of media from the consent library, and only this module calls the engine. Each
process asks through one entry point and presents the report its own way:

- `run_check` — a draft for an official account (the posts editor, live and on saving);
- `check_personal_post` — "Can I post this?": a person's own post, in their own context;
- `check_incoming_comments` — comments arriving on an official account, many at once (the moderation
  inbox);
- `check_text_in_image` — the words OCR read in a photo in the media library, as the council would
  publish them (consents' background task after an upload).

The register, the live pre-election period and clause links are kept for a minute per process (the live
check asks on every pause in typing) and forgotten at once in the process that saves a change to them.
Reads only; it never saves.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from herald.checks import AllowedContacts, Context, Draft, Media, PersonShown, Report, check, check_many, default_rules
from herald.checks.image_text import ImageTextReport, WordBox, check_image_text
from herald.checks.model import PLATFORMS, Councillor
from herald.checks.personal_use import for_personal_account
from herald.consents import services as consents
from herald.elections import selectors as elections
from herald.elections.models import Election
from herald.people.models import Person
from herald.policies import selectors as policies
from herald.policies.models import PolicyDocument, PolicyVersion

# Accounts on platforms the engine has no profile for are checked against Facebook's general rules.
FALLBACK_PLATFORM = "facebook"
# How long each kept piece (register, live pre-election period, clause link) may be a little stale in
# a process that did not save the change itself (another gunicorn worker, a bulk update).
CACHE_SECONDS = 60

T = TypeVar("T")
_cache: dict[str, tuple[float, Any]] = {}


def _cached(key: str, build: Callable[[], T]) -> T:
    """`build()`, kept for CACHE_SECONDS under `key`. A race between threads only builds twice."""
    now = time.monotonic()
    hit = _cache.get(key)
    if hit is not None and now - hit[0] < CACHE_SECONDS:
        return hit[1]
    value = build()
    _cache[key] = (now, value)
    return value


def forget_caches(prefix: str = "") -> None:
    """Forget what this process keeps (everything, or the pieces whose key starts with `prefix`)."""
    for key in [k for k in list(_cache) if k.startswith(prefix)]:
        _cache.pop(key, None)


# --- The context ---------------------------------------------------------------------------------


def engine_platform(platform: str) -> str:
    return platform if platform in PLATFORMS else FALLBACK_PLATFORM


def _build_register() -> tuple[Councillor, ...]:
    # The bare name: the engine adds "Cllr"/"Councillor" forms itself (full_name's "Cllr " prefix made
    # the register miss "Stuart Bray" and "Councillor Stuart Bray").
    return tuple(
        Councillor(f"{person.first_name} {person.last_name}".strip(), person.party or "", person.ward or "")
        for person in Person.objects.councillors().active().only("first_name", "last_name", "party", "ward")
    )


def councillor_register() -> tuple[Councillor, ...]:
    """(name, party, ward) of every serving councillor, kept for a minute: the live check asks on every
    keystroke and the register changes a few times a year. Saving a person forgets it at once."""
    return _cached("register", _build_register)


def allowed_contacts() -> AllowedContacts:
    """The council's own published phone numbers, email domains and addresses: never personal data."""
    configured = getattr(settings, "HERALD_ALLOWED_CONTACTS", None) or {
        "phones": ["01455 238141"],
        "email_domains": ["hinckley-bosworth.gov.uk"],
        "addresses": ["Hinckley Hub, Rugby Road, Hinckley LE10 0FR"],
    }
    return AllowedContacts(**configured)


def pre_election(on: dt.date | None = None) -> dict:
    """{"pre_election": bool, "wards": list | None} on `on` (default today), asked afresh."""
    return elections.pre_election_context(on or timezone.localdate())


def live_pre_election(on: dt.date | None = None) -> dict:
    """`pre_election()` for the editor's findings panel, kept for a minute (keyed on the day, so it turns
    at midnight). Saving or approving a post always asks afresh."""
    day = on or timezone.localdate()
    return _cached(f"period:{day.isoformat()}", lambda: pre_election(day))


def official_context(*, period: dict | None = None) -> Context:
    """An official council account, in the pre-election `period` (default: today's, asked afresh)."""
    period = period if period is not None else pre_election()
    return Context(
        account="official",
        role="editor",
        pre_election=period["pre_election"],
        pre_election_wards=tuple(period["wards"] or ()),
        councillors=councillor_register(),
        allowed_contacts=allowed_contacts(),
    )


def personal_context(person: Person, *, period: dict | None = None) -> Context:
    """`person`'s own account: their role, whether their post is politically restricted, today's period."""
    period = period if period is not None else pre_election()
    return Context(
        account="personal",
        role="councillor" if person.is_councillor else "employee",
        politically_restricted=person.is_politically_restricted,
        pre_election=bool(period.get("pre_election")),
        pre_election_wards=tuple(period.get("wards") or ()),
        councillors=councillor_register(),
        today=timezone.localdate(),
    )


# --- Media from the consent library --------------------------------------------------------------

_SOURCES = {"own": "own", "commissioned": "council", "stock": "stock", "third_party": "third_party", "resident": "user"}
_CONSENT = {
    "valid": "valid",
    "expired": "expired",
    "withdrawn": "withdrawn",
    "missing_consent": "missing",
    "outside_channels": "other_channel",
    "do_not_publish": "refused",
}


def engine_media(assets: Iterable, *, platform: str, on: dt.date | None = None, captions: bool = False) -> tuple:
    """The engine's view of each library asset on this account's platform: alt text, source and licence,
    everyone shown with their consent for this channel today, and the text read in it (OCR)."""
    on = on or timezone.localdate()
    found = []
    for asset in assets:
        people: tuple = ()
        children = bool(asset.children_appear)
        if consents.is_known_channel(platform):
            usability = consents.asset_usability(asset, channel=platform, on=on)
            people = tuple(
                PersonShown(
                    name=person.name if person.name != "a person" else "",
                    consent=_CONSENT.get(person.consent, "missing"),
                    is_child=person.is_child,
                    # A child's consent is always a guardian's: if one was given at all (even for other
                    # channels, or since expired or withdrawn) the engine says exactly what is missing.
                    guardian_consent=person.is_child and person.consent not in ("missing_consent", "do_not_publish"),
                    do_not_publish=person.consent == "do_not_publish",
                )
                for person in usability.people
            )
            children = children or usability.children_shown
            if usability.status == "missing_consent" and not people:
                people = (PersonShown(name="", consent="missing"),)
        found.append(
            Media(
                kind="video" if asset.kind == "video" else "image",
                alt_text=asset.alt_text or "",
                captions=captions,
                source=_SOURCES.get(asset.source, "unknown"),
                licence=asset.licence or "",
                people=people,
                shows_children=children,
                text=asset.text_in_image or "",
            )
        )
    return tuple(found)


# --- The three entry points ----------------------------------------------------------------------


def run_check(text: str, *, platform: str, kind: str = "post", media: tuple = (), period: dict | None = None) -> dict:
    """`text` as a post (or reply) on an official account on `platform`, in the pre-election `period`
    (default: today's, asked afresh; the live check passes `live_pre_election()`). Returns the report as
    a post's record keeps it: the findings, counts, whether it blocks, and the context it ran in."""
    period = period if period is not None else pre_election()
    report = check(
        Draft(text=text, platform=engine_platform(platform), media=media, kind=kind), official_context(period=period)
    )
    data = report.to_dict()
    data["blocking"] = report.blocking
    data["platform"] = platform
    data["pre_election"] = period["pre_election"]
    data["pre_election_wards"] = list(period["wards"] or [])
    data["checked_at"] = timezone.now().isoformat()
    return data


@dataclass(frozen=True)
class PersonalCheck:
    context: Context
    post: Report
    image: Report | None  # the image's description, checked as words the person shows (no post rules)


def check_personal_post(
    person: Person, *, text: str, platform: str = "facebook", image_description: str = ""
) -> PersonalCheck:
    """`text` as `person` would post it on their own account, with the image they describe (if any)."""
    context = personal_context(person)
    media = (Media(kind="image", alt_text=image_description),) if image_description else ()
    # The engine's findings, then the policy's rules for a person's own account: political findings
    # explained with the personal-use or restricted-posts clause, and advice on running the council down.
    post = for_personal_account(check(Draft(text=text, platform=platform, media=media), context), text, context)
    image = (
        for_personal_account(
            check(Draft(text=image_description, platform=platform, kind="comment"), context),
            image_description,
            context,
        )
        if image_description
        else None
    )
    return PersonalCheck(context=context, post=post, image=image)


@dataclass(frozen=True)
class IncomingCheck:
    context: Context  # the council's context the comments were read in, pre-election state included
    reports: list[Report]  # one per comment, in the order given


def check_incoming_comments(account: Any, texts: Iterable[str], *, period: dict | None = None) -> IncomingCheck:
    """Comments received on the official `account` (a social_accounts Account), in the pre-election
    `period` (default: today's, asked afresh).

    A comment is somebody else's words on the council's page, read in the council's context (the
    register, its own contact details, the period), built once for the whole batch; the engine
    applies its `comment` severities and skips the rules about writing a post."""
    platform = engine_platform(account.platform)
    context = official_context(period=period)
    drafts = [Draft(text=text, platform=platform, kind="comment") for text in texts]
    return IncomingCheck(context=context, reports=check_many(drafts, context))


def check_text_in_image(words: Iterable[WordBox], *, period: dict | None = None) -> ImageTextReport:
    """The words read from a photo (with their boxes), checked as text an official account would
    publish in the pre-election `period` (default: today's, asked afresh). The rules about writing a
    post (length, hashtags, readability) do not apply to a photo."""
    return check_image_text(words, official_context(period=period))


# --- Clause links --------------------------------------------------------------------------------


def rule_categories() -> dict[str, str]:
    """Each rule's category (personal_data, political, …), for figures that group findings."""
    return {rule_id: spec.category for rule_id, spec in default_rules().rules.items()}


def clause_link(clause_id: str) -> str | None:
    """The policies app's page for a finding's clause, if it has one; kept for a minute per clause (each
    finding asks, and publishing a policy version forgets them)."""
    return _cached(f"clause:{clause_id}", lambda: _clause_link(clause_id))


def clause_name(clause_id: str) -> str:
    """The clause's title as the policy gives it ("Personal data and data protection"), for people;
    kept for a minute per clause like its link."""
    return _cached(f"clause-name:{clause_id}", lambda: policies.clause_title(clause_id))


def _clause_link(clause_id: str) -> str | None:
    try:
        return policies.clause_url(clause_id)
    except Exception:  # a clause the policy does not (yet) hold: show the finding without a link
        return None


# --- Forgetting on change ------------------------------------------------------------------------


def _forget_register_on_save(
    sender: type[Model], instance: Model | None = None, update_fields: Iterable[str] | None = None, **kwargs: Any
) -> None:
    # Signing in saves last_login on every person; that never changes the register.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    # A thread that rebuilds the piece before the saving transaction commits keeps the old rows for
    # up to CACHE_SECONDS, as another process would. (No on_commit callback: other apps count theirs.)
    forget_caches("register")


def _forget_period(sender: type[Model], **kwargs: Any) -> None:
    forget_caches("period:")


def _forget_clauses(sender: type[Model], **kwargs: Any) -> None:
    forget_caches("clause:")
    forget_caches("clause-name:")


def connect_cache_signals() -> None:
    """Forget a kept piece in this process as soon as what it comes from is saved. Other processes
    (gunicorn workers) see the change within CACHE_SECONDS."""
    for signal in (post_save, post_delete):
        saved = signal is post_save
        signal.connect(_forget_register_on_save, sender=Person, dispatch_uid=f"checking-register-{saved}")
        signal.connect(_forget_period, sender=Election, dispatch_uid=f"checking-period-{saved}")
        for model in (PolicyVersion, PolicyDocument):
            signal.connect(_forget_clauses, sender=model, dispatch_uid=f"checking-clauses-{model.__name__}-{saved}")
