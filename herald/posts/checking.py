"""Running the policy-check engine on a post: the official context, the media mapped from the consent
library, the platform's own character count, the text marked up with each finding's span, and the
one-click fixes. Reads only; it never saves."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from herald.checks import AllowedContacts, Context, Draft, Media, PersonShown, check, default_rules
from herald.checks.model import PLATFORMS
from herald.checks.presentation import graphemes, x_weighted_length

# Accounts on platforms the engine has no profile for are checked against Facebook's general rules.
FALLBACK_PLATFORM = "facebook"
# The live check asks for the register, today's pre-election period and clause links on every pause
# in typing; they change a few times a year. Each is kept for at most this long per process, and
# forgotten at once in the process that saves a change (see `connect_cache_signals`).
CACHE_SECONDS = 60
SEVERITY_ORDER = {"block": 0, "warn": 1, "advice": 2}

_cache: dict[str, tuple[float, object]] = {}
_MISSING = object()


def _cached(key: str, build):
    """`build()`, kept for CACHE_SECONDS under `key`. A race between threads only builds twice."""
    now = time.monotonic()
    hit = _cache.get(key, _MISSING)
    if hit is not _MISSING and now - hit[0] < CACHE_SECONDS:
        return hit[1]
    value = build()
    _cache[key] = (now, value)
    return value


def _forget(prefix: str = "") -> None:
    for key in [k for k in list(_cache) if k.startswith(prefix)]:
        _cache.pop(key, None)


def engine_platform(platform: str) -> str:
    return platform if platform in PLATFORMS else FALLBACK_PLATFORM


def _build_register() -> tuple[tuple[str, str, str], ...]:
    from herald.people.models import Person

    # The bare name: the engine adds "Cllr"/"Councillor" forms itself (full_name's "Cllr " prefix made
    # the register miss "Stuart Bray" and "Councillor Stuart Bray").
    return tuple(
        (f"{person.first_name} {person.last_name}".strip(), person.party or "", person.ward or "")
        for person in Person.objects.councillors().active().only("first_name", "last_name", "party", "ward")
    )


def councillor_register() -> tuple[tuple[str, str, str], ...]:
    """(name, party, ward) of every serving councillor, kept for a minute: the live check asks on every
    keystroke and the register changes a few times a year. Saving a person forgets it at once."""
    return _cached("register", _build_register)


def forget_register() -> None:
    """Forget everything the checks keep: the register, the pre-election period and clause links."""
    _forget()


forget_caches = forget_register


def allowed_contacts() -> AllowedContacts:
    configured = getattr(settings, "HERALD_ALLOWED_CONTACTS", None) or {
        "phones": ["01455 238141"],
        "email_domains": ["hinckley-bosworth.gov.uk"],
        "addresses": ["Hinckley Hub, Rugby Road, Hinckley LE10 0FR"],
    }
    return AllowedContacts(**configured)


def pre_election(on: dt.date | None = None) -> dict:
    from herald.elections.selectors import pre_election_context

    return pre_election_context(on or timezone.localdate())


def live_pre_election(on: dt.date | None = None) -> dict:
    """`pre_election()` for the editor's findings panel, kept for a minute (keyed on the day, so it turns
    at midnight). Saving or approving a post always asks afresh (`run_check` without `period`)."""
    day = on or timezone.localdate()
    return _cached(f"period:{day.isoformat()}", lambda: pre_election(day))


def official_context(*, period: dict | None = None) -> Context:
    period = period if period is not None else pre_election()
    return Context(
        account="official",
        role="editor",
        pre_election=period["pre_election"],
        pre_election_wards=tuple(period["wards"] or ()),
        councillors=councillor_register(),
        allowed_contacts=allowed_contacts(),
    )


# --- Media from the consent library ------------------------------------------------------------

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
    and everyone shown with their consent for this channel today."""
    from herald.consents.services import asset_usability, is_known_channel

    on = on or timezone.localdate()
    found = []
    for asset in assets:
        people: tuple = ()
        children = bool(asset.children_appear)
        if is_known_channel(platform):
            usability = asset_usability(asset, channel=platform, on=on)
            people = tuple(
                PersonShown(
                    name=person.name if person.name != "a person" else "",
                    consent=_CONSENT.get(person.consent, "missing"),
                    is_child=person.is_child,
                    guardian_consent=person.is_child and person.consent == "valid",
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
            )
        )
    return tuple(found)


# --- Running a check ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Length:
    count: int
    limit: int
    unit: str

    @property
    def over(self) -> bool:
        return self.count > self.limit

    @property
    def remaining(self) -> int:
        return self.limit - self.count

    @property
    def over_by(self) -> int:
        return self.count - self.limit


def platform_length(text: str, platform: str) -> Length:
    """The length as the platform counts it: X weighs links and wide characters, Bluesky counts graphemes."""
    spec = default_rules().platforms[engine_platform(platform)]
    limit = int(spec["max_length"])
    method = spec.get("count", "chars")
    if method == "x-weighted":
        return Length(x_weighted_length(text, limit)[0], limit, "characters (X counts links as 23 and emoji as 2)")
    if method == "graphemes":
        return Length(len(text) if text.isascii() else graphemes(text), limit, "characters")
    return Length(len(text), limit, "characters")


def run_check(text: str, *, platform: str, kind: str = "post", media: tuple = (), period: dict | None = None) -> dict:
    """Check the text as an official post on this platform. Returns the report as the record keeps it:
    the findings, counts, whether it blocks, and the context it ran in."""
    period = period if period is not None else pre_election()
    report = check(
        Draft(text=text, platform=engine_platform(platform), media=media, kind=kind),
        official_context(period=period),
    )
    data = report.to_dict()
    data["blocking"] = report.blocking
    data["platform"] = platform
    data["pre_election"] = period["pre_election"]
    data["pre_election_wards"] = list(period["wards"] or [])
    data["checked_at"] = timezone.now().isoformat()
    return data


def findings_of(report: dict) -> list[dict]:
    return sorted(
        report.get("findings", []),
        key=lambda f: (SEVERITY_ORDER.get(f["severity"], 3), f["start"] if f["start"] is not None else -1),
    )


# --- Presenting --------------------------------------------------------------------------------


def clause_link(clause_id: str) -> str | None:
    """The policies app's page for a clause, if the app offers one; kept for a minute per clause (each
    finding asks, and publishing a policy version forgets them)."""
    return _cached(f"clause:{clause_id}", lambda: _clause_link(clause_id))


def _clause_link(clause_id: str) -> str | None:
    try:
        from herald.policies.selectors import clause_url
    except (ImportError, AttributeError):
        return None
    try:
        return clause_url(clause_id)
    except Exception:  # a clause the policy does not (yet) hold: show the finding without a link
        return None


def marked_text(text: str, findings: list[dict]) -> SafeString:
    """The text with each finding's span wrapped in <mark>, escaped. Overlapping spans are merged so the
    markup stays well-formed; each mark names the findings it belongs to."""
    spans = sorted(
        (
            (f["start"], f["end"], f["severity"], n)
            for n, f in enumerate(findings, 1)
            if f["start"] is not None and f["end"] is not None and f["end"] > f["start"]
        ),
    )
    merged: list[list] = []
    for start, end, severity, number in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], end)
            last[3].append(number)
            if SEVERITY_ORDER[severity] < SEVERITY_ORDER[last[2]]:
                last[2] = severity
        else:
            merged.append([start, end, severity, [number]])
    out, position = [], 0
    for start, end, severity, numbers in merged:
        out.append(escape(text[position:start]))
        label = ", ".join(str(n) for n in numbers)
        out.append(
            f'<mark class="herald-mark herald-mark--{severity}" data-findings="{label}">{escape(text[start:end])}'
            f'<span class="govuk-visually-hidden"> (finding {label})</span></mark>'
        )
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))


# --- One-click fixes ---------------------------------------------------------------------------

_HASHTAG = re.compile(r"#\w+")


def _camel_case_fix(finding: dict, text: str) -> str | None:
    found = _HASHTAG.search(finding.get("suggestion", ""))
    if not found or finding["start"] is None:
        return None
    original = text[finding["start"] : finding["end"]]
    replacement = found.group(0)
    if original.lower() != replacement.lower():
        return None
    return text[: finding["start"]] + replacement + text[finding["end"] :]


FIXES = {"hashtag-camelcase": _camel_case_fix}


def fix_label(finding: dict, text: str) -> str:
    if finding["rule"] == "hashtag-camelcase":
        found = _HASHTAG.search(finding.get("suggestion", ""))
        return f"Change to {found.group(0)}" if found else ""
    return ""


def has_fix(finding: dict) -> bool:
    return finding["rule"] in FIXES and finding.get("start") is not None


def apply_fix(text: str, report: dict, *, rule: str, start: int) -> str | None:
    """Apply the engine's suggestion for the finding of `rule` at `start` in a fresh report of `text`."""
    fixer = FIXES.get(rule)
    if fixer is None:
        return None
    for finding in report.get("findings", []):
        if finding["rule"] == rule and finding["start"] == start:
            return fixer(finding, text)
    return None


def present(text: str, report: dict) -> dict:
    """What the findings panel shows: numbered findings with clause links and fixes, the marked text."""
    findings = findings_of(report)
    shown = []
    for number, finding in enumerate(findings, 1):
        item = dict(finding)
        item["number"] = number
        item["clause_url"] = clause_link(finding["clause"]) if finding.get("clause") else None
        item["fix_label"] = fix_label(finding, text) if has_fix(finding) else ""
        item["excerpt"] = text[finding["start"] : finding["end"]] if finding["start"] is not None else ""
        shown.append(item)
    counts = {"block": 0, "warn": 0, "advice": 0}
    for finding in findings:
        counts[finding["severity"]] = counts.get(finding["severity"], 0) + 1
    return {
        "findings": shown,
        "counts": counts,
        "blocking": counts["block"] > 0,
        "marked": marked_text(text, findings),
        "pre_election": report.get("pre_election", False),
    }


# --- Forgetting on change ----------------------------------------------------------------------


def _forget_now(prefix: str) -> None:
    # A thread that rebuilds the piece before the saving transaction commits keeps the old rows for
    # up to CACHE_SECONDS, as another process would. (No on_commit callback: other apps count theirs.)
    _forget(prefix)


def _forget_register_on_save(sender, instance=None, update_fields=None, **kwargs) -> None:
    # Signing in saves last_login on every person; that never changes the register.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    _forget_now("register")


def _forget_period(sender, **kwargs) -> None:
    _forget_now("period:")


def _forget_clauses(sender, **kwargs) -> None:
    _forget_now("clause:")


def connect_cache_signals() -> None:
    """Forget a cached piece in this process as soon as what it comes from is saved. Other processes
    (gunicorn workers) see the change within CACHE_SECONDS."""
    from django.db.models.signals import post_delete, post_save

    from herald.elections.models import Election
    from herald.people.models import Person
    from herald.policies.models import PolicyDocument, PolicyVersion

    for signal in (post_save, post_delete):
        signal.connect(_forget_register_on_save, sender=Person, dispatch_uid=f"posts-register-{signal is post_save}")
        signal.connect(_forget_period, sender=Election, dispatch_uid=f"posts-period-{signal is post_save}")
        for model in (PolicyVersion, PolicyDocument):
            signal.connect(
                _forget_clauses, sender=model, dispatch_uid=f"posts-clauses-{model.__name__}-{signal is post_save}"
            )
