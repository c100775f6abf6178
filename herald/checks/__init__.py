"""Herald's policy-check engine: what in a post, reply or comment breaks the social media policy.

Pure Python; it imports nothing from Django and needs no database or network.

Quick start::

    from herald.checks import check, Draft, Media, Context

    report = check(
        Draft(text="Vote Labour on Thursday!", platform="x", media=[Media(kind="image", alt_text="")]),
        Context(account="official", role="editor", pre_election=True,
                councillors=[("Stuart Bray", "Liberal Democrat", "Burbage")],
                allowed_contacts={"phones": ["01455 238141"], "email_domains": ["hinckley-bosworth.gov.uk"]}),
    )
    report.blocking            # True: something must change before publishing
    report.counts              # {"block": 2, "warn": 0, "advice": 0}
    for f in report.findings:  # most serious first, then in reading order
        f.rule, f.category, f.severity, f.start, f.end, f.message, f.clause, f.law, f.suggestion

API
    ``check(draft, context=None, *, rules=None) -> Report``
        One draft. ``context`` defaults to an official account outside any pre-election period.
    ``check_many(items, context=None, *, rules=None) -> list[Report]``
        Many drafts; each item is a ``Draft`` (checked with ``context``) or a ``(Draft, Context)`` pair.
    ``load_rules(path=None) -> Rules``
        A council's own rules file (default: ``$HERALD_CHECK_RULES``, else the bundled ``rules.toml``).
        Raises ``RulesError`` naming the file and line of any mistake.
    ``Draft(text, platform="facebook", media=(), kind="post")``
        ``kind`` is "post", "reply" or "comment" (an incoming comment in the moderation inbox:
        accessibility and platform limits are skipped and the ``comment`` severities apply).
    ``Media(kind="image", alt_text="", captions=False, source="own", licence="", people=(), shows_children=False)``
    ``PersonShown(name="", consent="missing", is_child=False, guardian_consent=False, do_not_publish=False)``
        ``consent`` is "valid" (for this channel), "missing", "refused", "withdrawn", "expired" or "other_channel".
    ``Context(account="official", role="editor", politically_restricted=False, pre_election=False,
              pre_election_wards=(), councillors=(), allowed_contacts=AllowedContacts(), today=None)``
        ``councillors`` takes ``Councillor(name, party, ward)`` or plain tuples. Derived structures (the
        Aho-Corasick automaton of names, the allow-list) are cached per register contents, so building a
        Context per keystroke is cheap.
    ``Report.findings`` (list), ``.blocking``, ``.blocks``, ``.warnings``, ``.advice``, ``.counts``, ``.to_dict()``
    ``Finding.to_dict()``; ``start``/``end`` are Python string indices (code points) into ``draft.text``,
    or None for findings about the whole post or its media.

Live checking as you type: call ``check`` on each change (it is typically well under a millisecond;
see docs/checks.md); the first call loads the profanity model (about a second) — call
``warm_up()`` at process start to pay that early.

CLI: ``python -m herald.checks "text" --platform x --official --pre-election`` or
``python -m herald.checks --jsonl < in.jsonl > out.jsonl``; see docs/checks.md.
"""

from .config import Rules, RulesError, load_rules
from .engine import check, check_many, default_rules, resolve_severity
from .model import AllowedContacts, Context, Councillor, Draft, Finding, Media, PersonShown, Report


def warm_up() -> None:
    """Load the rules, the profanity model, the hyphenation and word-segmentation data now rather than on first use."""
    from . import offensive_model
    from .presentation import _hyphenator, _twitter_text, camel_case

    default_rules()
    offensive_model.load()
    camel_case("warmupwords", 6)
    _twitter_text()
    _hyphenator()  # pyphen's en_GB dictionary (~0.2 s), otherwise loaded by the first long post
    check(Draft(text="Warm up #warmup 🙂"))


__all__ = [
    "AllowedContacts",
    "Context",
    "Councillor",
    "Draft",
    "Finding",
    "Media",
    "PersonShown",
    "Report",
    "Rules",
    "RulesError",
    "check",
    "check_many",
    "default_rules",
    "load_rules",
    "resolve_severity",
    "warm_up",
]
