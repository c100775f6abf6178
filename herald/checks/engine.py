"""Runs every rule over a draft and turns raw hits into findings with severity, clause and advice."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from . import abuse_model, offensive_model
from .children import check_children
from .config import Rules, RuleSpec, load_rules
from .legal import GATED as LEGAL_GATED
from .legal import LegalMatchers, check_legal, compile_legal
from .media import check_media
from .model import AllowedContacts, Context, Councillor, Draft, Finding, Report, new_finding, sort_findings
from .offensive import Later, OffensiveMatchers, check_offensive, compile_offensive, emit_abuse
from .offensive.matchers import GATED
from .personal_data import AllowList, check_personal_data
from .political import GATED as POLITICAL_GATED
from .political import PartyThresholds, PoliticalMatchers, Register, check_political, compile_political
from .presentation import HASHTAG, check_accessibility, check_platform
from .textutil import PhraseMatcher, Prefilter

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
    prefilter: Prefilter | None = None


def _compiled(rules: Rules) -> _Compiled:
    compiled = rules.cache.get("compiled")
    if compiled is None:
        compiled = _Compiled(
            compile_political(rules),
            compile_offensive(rules),
            compile_legal(rules),
            tuple(rules.words["public_addresses"]),
        )
        # one prefilter answers, once per text, which of the families' word lists may match it, and which
        # of the offensive rules' families have words of theirs in it (``_collect`` reads it once)
        compiled.prefilter = Prefilter(
            (
                matcher
                for family in (compiled.political, compiled.legal, compiled.offensive)
                for value in vars(family).values()
                for matcher in (value if isinstance(value, tuple) else (value,))
                if isinstance(matcher, PhraseMatcher)
            ),
            # the political rules are one family too: a text holding none of their wake words skips them
            {**compiled.offensive.families, "political": compiled.political.wake},
        )
        family_bits = compiled.prefilter.family_bits
        compiled.offensive.bits.update((name, family_bits[name]) for name in compiled.offensive.families)
        compiled.political.bits["political"] = family_bits["political"]
        for family, gated in (
            (compiled.offensive, GATED),
            (compiled.political, POLITICAL_GATED),
            (compiled.legal, LEGAL_GATED),
        ):
            for name in gated:
                matcher = getattr(family, name)
                if matcher.prefilter is compiled.prefilter:
                    family.bits[name] = matcher.bit
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
    hits: list[_Hit] = []
    _collect(hits, draft, context, rules)
    return Report(findings=_findings(draft.text or "", hits, context, draft.kind, rules))


_Hit = tuple[str, int | None, int | None, dict[str, Any]]


def _collect(
    hits: list[_Hit],
    draft: Draft,
    context: Context,
    rules: Rules,
    defer: Callable[[str, float], None] | None = None,
    wait: Callable[[dict[str, int], Later], None] | None = None,
    defer_party: Callable[[list[str], float, Callable[..., None]], None] | None = None,
) -> None:
    """Add to ``hits`` the raw hits of every rule on ``draft``, in the order the rules found them. With
    ``defer``, the abuse classifier's text is handed to it instead of scored, with ``wait`` the
    profanity model's tokens and the rest of the offensive rules are handed to that, and with
    ``defer_party`` the party model's words (``check_many`` scores them in one batch and puts their hits
    back in their place)."""
    compiled = _compiled(rules)
    text = draft.text or ""

    def emit(rule: str, start: int | None, end: int | None, **fields: Any) -> None:
        hits.append((rule, start, end, fields))

    # which word lists and rule families may find something in the text: worked out once, here, and read
    # by every family (the offensive rules are given it; the others' matchers read the same answer)
    mask = compiled.prefilter.mask(text) if compiled.prefilter is not None else -1
    register = _register(context.councillors)
    check_personal_data(text, _allow_list(context.allowed_contacts, compiled.public_addresses), emit)
    # the party-promotion classifier: official posts and replies in a pre-election period only
    party = context.pre_election and context.account == "official" and draft.kind in ("post", "reply")
    party_thresholds = _party_thresholds(rules.thresholds) if party else None
    check_political(
        text, compiled.political, register, context.pre_election_wards, emit, party_thresholds, mask, defer_party
    )
    people = [(s, e, m.name) for s, e, m in register.find(text)] if context.councillors else []
    before_legal = len(hits)
    check_legal(text, compiled.legal, people, int(rules.thresholds["defamation_window"]), emit, mask)
    # an allegation about a named person is the legal rules' finding; the abuse classifier does not read
    # its words ("Cllr Wright is corrupt"), so it does not warn on it a second time as abuse
    alleged = [
        (s, e) for rule, s, e, _ in hits[before_legal:] if rule == "allegation" and s is not None and e is not None
    ]
    check_offensive(text, compiled.offensive, rules.thresholds, emit, draft.kind, defer, alleged, wait, mask)
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


def _party_thresholds(thresholds: dict[str, float]) -> PartyThresholds:
    return PartyThresholds(
        thresholds["party_model_threshold"],
        thresholds["party_model_short_threshold"],
        int(thresholds["party_model_short_words"]),
    )


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
    if not hits:
        return []
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
            new_finding(
                rule,
                spec.category,
                severity,
                spec.message.format_map(values),
                clause,
                spec.suggestion.format_map(values),
                start,
                end,
                spec.law,
            )
        )
    return sort_findings(findings) if len(findings) > 1 else findings


def _score_party(
    checked: list[tuple[Draft, Context, list[_Hit]]],
    waiting: list[tuple[int, int, list[str], float, Callable[..., None]]],
) -> None:
    """The party model's warnings for the texts ``check_political`` handed over, scored in one batch: each goes
    through the emit it was handed (round fifteen may drop it), which adds it at the end of its draft's hits;
    from there it is moved to where ``check`` emits it."""
    from . import party_model

    loaded = party_model.model()
    assert loaded is not None  # check_political hands texts over only when the model is installed
    scores = loaded.score_many_words([words for _, _, words, _, _ in waiting], [t for _, _, _, t, _ in waiting])
    for (n, position, _, threshold, emit), score in zip(waiting, scores, strict=True):
        if score >= threshold:
            hits = checked[n][2]
            before = len(hits)
            emit("party-model", None, None, detail=f"{score:.2f}")
            if len(hits) > before:
                hits.insert(position, hits.pop())


def _insert_hit(hits: list[_Hit], position: int, rule: str, start: int | None, end: int | None, **fields: Any) -> None:
    hits.insert(position, (rule, start, end, fields))


def _append_hit(hits: list[_Hit], rule: str, start: int | None, end: int | None, **fields: Any) -> None:
    hits.append((rule, start, end, fields))


def _defer_abuse(
    waiting: list[tuple[int, int, str, float]], n: int, position: int, found: list[_Hit], scored: str, threshold: float
) -> None:
    """Draft ``n``'s text for the abuse classifier's batch, its finding to go where ``check`` emits it: after
    the hits ``found`` so far by the end of the offensive rules, which go in at ``position``."""
    waiting.append((n, position + len(found), scored, threshold))


def check_many(
    items: Iterable[Draft | tuple[Draft, Context]], context: Context | None = None, *, rules: Rules | None = None
) -> list[Report]:
    """Check many drafts; each item is a Draft (checked with ``context``) or a (Draft, Context) pair.

    The same reports as ``check`` one by one. The rules run on every draft first; then the profanity
    model scores every text that reached it in one batch (``offensive_model.score_counted``), the end of
    the offensive rules runs on each with its score, and the abuse classifier scores the texts that
    need it in one batch (``abuse_model.score_many_for``). Each finding of those later steps is put
    back among its draft's hits where ``check`` would have emitted it."""
    rules = rules or default_rules()
    checked: list[tuple[Draft, Context, list[_Hit]]] = []
    # (which draft, where the rest of its offensive rules' hits go among its hits, the tokens the
    # profanity model scores, the rest of the offensive rules): at most one a draft, as _collect runs
    # the offensive rules once, so each draft's positions stay right as the later hits go in
    waiting_model: list[tuple[int, int, dict[str, int], Later]] = []
    # (which draft, where the party model's warning goes among its hits, the words it scores, the threshold
    # for their number, the emit the warning goes through): the warning comes before any hit the later steps
    # put back (the political rules run before the offensive ones), so it goes in after them
    waiting_party: list[tuple[int, int, list[str], float, Callable[..., None]]] = []
    # A draft met again in the batch with the same context object (the same comment posted twice, a
    # flood of "Thank you!") runs the rules and classifiers once: its findings are made from a copy of
    # the first one's hits. ``order`` holds, for each item, where its draft was checked.
    first: dict[tuple[int, Draft], int] = {}
    order: list[int] = []
    repeats: set[int] = set()
    for item in items:
        draft, own_context = (item, context) if isinstance(item, Draft) else item
        own_context = own_context or _DEFAULT_CONTEXT
        n = len(checked)
        try:
            n = first.setdefault((id(own_context), draft), n)
        except TypeError:  # a draft that cannot be hashed (a list where the model wants a tuple)
            pass
        order.append(n)
        if n < len(checked):
            repeats.add(n)
            continue
        hits: list[_Hit] = []

        def wait(counted: dict[str, int], later: Later, n: int = n, hits: list[_Hit] = hits) -> None:
            waiting_model.append((n, len(hits), counted, later))

        def defer_party(
            words: list[str], threshold: float, emit: Callable[..., None], n: int = n, hits: list[_Hit] = hits
        ) -> None:
            waiting_party.append((n, len(hits), words, threshold, emit))

        _collect(hits, draft, own_context, rules, None, wait, defer_party)
        checked.append((draft, own_context, hits))
    # (which draft, where its classifier finding goes among its hits, the text to score, its threshold)
    waiting: list[tuple[int, int, str, float]] = []
    if waiting_model:
        scores = offensive_model.score_counted([counted for _, _, counted, _ in waiting_model])
        for (n, position, _, later), score in zip(waiting_model, scores, strict=True):
            found: list[_Hit] = []
            # the classifier's finding, if any, goes after what the rest of the rules found before asking
            defer = partial(_defer_abuse, waiting, n, position, found)
            later(score, partial(_append_hit, found), defer)
            if found:
                checked[n][2][position:position] = found
    if waiting:
        scores = abuse_model.score_many_for([scored for _, _, scored, _ in waiting], [t for _, _, _, t in waiting])
        for (n, position, _, threshold), score in zip(waiting, scores, strict=True):
            hits = checked[n][2]
            emit_abuse(score, threshold, partial(_insert_hit, hits, position))
    if waiting_party:
        _score_party(checked, waiting_party)
    if not repeats:
        return [
            Report(findings=_findings(draft.text or "", hits, own_context, draft.kind, rules))
            for draft, own_context, hits in checked
        ]
    # a repeated draft's findings are made from a copy of its first one's hits (the findings step reads
    # and changes the hits' fields), taken before any findings are made
    repeated = {n: [(r, s, e, dict(f)) for r, s, e, f in checked[n][2]] for n in repeats}
    given = [False] * len(checked)
    reports = []
    for n in order:
        draft, own_context, hits = checked[n]
        if given[n]:
            hits = [(r, s, e, dict(f)) for r, s, e, f in repeated[n]]
        given[n] = True
        reports.append(Report(findings=_findings(draft.text or "", hits, own_context, draft.kind, rules)))
    return reports
