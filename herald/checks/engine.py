"""Runs every rule over a draft and turns raw hits into findings with severity, clause and advice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .children import check_children
from .config import Rules, RuleSpec, load_rules
from .legal import LegalMatchers, check_legal, compile_legal
from .media import check_media
from .model import AllowedContacts, Context, Councillor, Draft, Finding, Report, sort_findings
from .offensive import OffensiveMatchers, check_offensive, compile_offensive
from .personal_data import AllowList, check_personal_data
from .political import PoliticalMatchers, Register, check_political, compile_political
from .presentation import HASHTAG, check_accessibility, check_platform

_DEFAULT_CONTEXT = Context()


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """Herald's rules file, or the council's own named by HERALD_CHECK_RULES (read once per process)."""
    return load_rules()


@dataclass
class _Compiled:
    political: PoliticalMatchers
    offensive: OffensiveMatchers
    legal: LegalMatchers
    public_addresses: tuple[str, ...]


def _compiled(rules: Rules) -> _Compiled:
    compiled = rules.cache.get("compiled")
    if compiled is None:
        compiled = _Compiled(
            compile_political(rules),
            compile_offensive(rules),
            compile_legal(rules),
            tuple(rules.words["public_addresses"]),
        )
        rules.cache["compiled"] = compiled
    return compiled


@lru_cache(maxsize=64)
def _register_by_contents(councillors: tuple[Councillor, ...]) -> Register:
    return Register(councillors)


@lru_cache(maxsize=64)
def _allow_list_by_contents(contacts: AllowedContacts, public: tuple[str, ...] = ()) -> AllowList:
    return AllowList(contacts, public)


# The last register and allow-list seen, by identity: hashing a register of a few dozen frozen
# dataclasses for the cache key costs ~5 µs per check, and a caller that keeps its Context (or its
# register tuple) between keystrokes passes the very same object. Each is one tuple replaced in one
# assignment, so threads sharing it see a consistent pair.
_LAST_REGISTER: tuple[object, Register | None] = (object(), None)
_LAST_ALLOW: tuple[object, object, AllowList | None] = (object(), object(), None)


def _register(councillors: tuple[Councillor, ...]) -> Register:
    """One automaton per members' register (keyed on its contents), built on first use."""
    global _LAST_REGISTER
    last = _LAST_REGISTER
    if last[0] is councillors and last[1] is not None:
        return last[1]
    register = _register_by_contents(councillors)
    _LAST_REGISTER = (councillors, register)
    return register


def _allow_list(contacts: AllowedContacts, public: tuple[str, ...] = ()) -> AllowList:
    global _LAST_ALLOW
    last = _LAST_ALLOW
    if last[0] is contacts and last[1] is public and last[2] is not None:
        return last[2]
    allow = _allow_list_by_contents(contacts, public)
    _LAST_ALLOW = (contacts, public, allow)
    return allow


def resolve_severity(spec: RuleSpec, context: Context, kind: str, pre_election: bool) -> str:
    """The severity of ``spec`` in this context ("off" when the rule does not apply)."""
    levels = spec.severity
    if kind == "comment":
        keys: tuple[str, ...] = ("comment", "official", "default")
    elif context.account == "official":
        keys = ("official_pre_election", "official", "default") if pre_election else ("official", "default")
    else:
        keys = (
            ("personal_restricted",) * context.politically_restricted
            + ("personal_councillor",) * (context.role == "councillor")
            + ("personal", "default")
        )
    for key in keys:
        if key in levels:
            return levels[key]
    return "off"


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _excerpt(text: str, start: int | None, end: int | None) -> str:
    if start is None or end is None:
        return ""
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= 60 else piece[:57] + "..."


def check(draft: Draft, context: Context | None = None, *, rules: Rules | None = None) -> Report:
    """Check one draft; see the package docstring."""
    context = context or _DEFAULT_CONTEXT
    rules = rules or default_rules()
    compiled = _compiled(rules)
    text = draft.text or ""
    hits: list[tuple[str, int | None, int | None, dict[str, Any]]] = []

    def emit(rule: str, start: int | None, end: int | None, **fields: Any) -> None:
        hits.append((rule, start, end, fields))

    register = _register(context.councillors)
    check_personal_data(text, _allow_list(context.allowed_contacts, compiled.public_addresses), emit)
    check_political(text, compiled.political, register, context.pre_election_wards, emit)
    people = [(s, e, m.name) for s, e, m in register.find(text)] if context.councillors else []
    check_legal(text, compiled.legal, people, int(rules.thresholds["defamation_window"]), emit)
    check_offensive(text, compiled.offensive, rules.thresholds, emit, draft.kind)
    if draft.media:
        check_media(text, draft.media, emit)
        if draft.kind != "image":
            _check_media_text(draft, context, rules, emit)
    check_children(text, draft.media, emit)
    if draft.kind not in ("comment", "image"):
        hashtags = list(HASHTAG.finditer(text)) if "#" in text else []
        check_accessibility(text, rules.thresholds, emit, hashtags)
        spec = rules.platforms.get(draft.platform)
        if spec is None:
            raise ValueError(f"unknown platform {draft.platform!r}")
        check_platform(text, draft.platform, spec, draft.media, len(hashtags), emit)
    return Report(findings=_findings(text, hits, context, draft.kind, rules))


def _check_media_text(draft: Draft, context: Context, rules: Rules, emit: Any) -> None:
    """Text read in the post's images that must not be published (a confidential marking, a phone
    number on a whiteboard) blocks the post too; warnings and advice about it stay on the media page."""
    for index, item in enumerate(draft.media):
        if not item.text.strip():
            continue
        report = check(Draft(text=item.text, platform=draft.platform, kind="image"), context, rules=rules)
        for found in report.findings:
            if found.severity == "block":
                emit("media-text", None, None, detail=f"{index + 1} ({item.kind}): {found.message}")


def _findings(
    text: str, hits: list[tuple[str, int | None, int | None, dict[str, Any]]], context: Context, kind: str, rules: Rules
) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[tuple[str, int | None, int | None, str]] = set()
    councillor = context.role == "councillor"
    for rule, start, end, fields in hits:
        key = (rule, start, end, str(fields.get("detail", "")))
        if key in seen:
            continue
        seen.add(key)
        spec = rules.rules[rule]
        in_period = context.pre_election and fields.pop("pre_election", None) is not False
        severity = resolve_severity(spec, context, kind, in_period)
        if severity == "off":
            continue
        values = _Blank(fields, match=_excerpt(text, start, end))
        clause = rules.member_clauses.get(spec.clause, spec.clause) if councillor else spec.clause
        findings.append(
            Finding(
                rule=rule,
                category=spec.category,
                severity=severity,
                message=spec.message.format_map(values),
                clause=clause,
                suggestion=spec.suggestion.format_map(values),
                start=start,
                end=end,
                law=spec.law,
            )
        )
    return sort_findings(findings)


def check_many(
    items: Iterable[Draft | tuple[Draft, Context]], context: Context | None = None, *, rules: Rules | None = None
) -> list[Report]:
    """Check many drafts; each item is a Draft (checked with ``context``) or a (Draft, Context) pair."""
    reports = []
    for item in items:
        if isinstance(item, Draft):
            reports.append(check(item, context, rules=rules))
        else:
            draft, own_context = item
            reports.append(check(draft, own_context, rules=rules))
    return reports
