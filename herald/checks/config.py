"""Loading and validating the rules data file (``rules.toml`` or a council's own copy)."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import CATEGORIES, PLATFORMS

DEFAULT_RULES_PATH = Path(__file__).with_name("rules.toml")
ENV_VAR = "HERALD_CHECK_RULES"

SEVERITY_VALUES = ("block", "warn", "advice", "off")
SEVERITY_KEYS = (
    "default",
    "official",
    "official_pre_election",
    "personal",
    "personal_restricted",
    "personal_councillor",
    "comment",
)
COUNT_METHODS = ("chars", "graphemes", "x-weighted", "mastodon")

# Every rule the engine implements; the data file must configure each exactly once.
RULE_IDS = (
    "phone-number", "organisation-phone-number", "email-address", "postcode", "postal-address",
    "street-address", "national-id", "ni-number", "nhs-number", "bank-details", "card-number", "iban", "date-of-birth",
    "party-name", "call-to-vote", "campaign-language", "councillor-named", "member-position",
    "political-share", "party-model", "councillor-in-minutes", "councillor-record", "attack-on-council",
    "party-programme", "allegation", "live-case",
    "profanity", "mild-profanity", "slur", "threat", "hate", "harassment", "offensive-model", "abuse-model",
    "confidential-marking", "exempt-report", "internal-reference",
    "media-licence", "media-consent", "child-guardian-consent", "child-named", "child-identified",
    "child-identified-without-consent", "do-not-publish", "ceremonial-role", "election-result", "media-text",
    "alt-text", "alt-text-quality", "captions", "hashtag-camelcase", "hashtag-count",
    "hashtag-position", "emoji-count", "emoji-repeat", "long-sentence", "link-count", "all-caps",
    "fancy-text", "readability",
    "length", "platform-hashtags", "media-required", "media-count",
)  # fmt: skip

# Added after rules files were first handed out: a council's own copy that predates them takes them
# from the bundled file instead of failing to load.
ADDED_RULES = (
    "street-address", "national-id", "abuse-model", "child-identified", "child-identified-without-consent",
    "ceremonial-role", "election-result", "media-text", "party-model", "councillor-in-minutes", "councillor-record",
    "attack-on-council", "party-programme",
)  # fmt: skip
ADDED_THRESHOLDS = (
    "abuse_model_comment_threshold", "abuse_model_post_threshold", "party_model_threshold",
    "party_model_short_threshold", "party_model_short_words",
)  # fmt: skip
ADDED_WORD_LISTS = (
    "group_attacks", "harmless_contexts", "public_addresses", "civic_roles", "classifier_idioms", "candidate_guidance", "campaign_terms_first_person",
)  # fmt: skip


def _bundled_data() -> dict[str, Any]:
    global _BUNDLED
    if _BUNDLED is None:
        _BUNDLED = tomllib.loads(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))
    return _BUNDLED


_BUNDLED: dict[str, Any] | None = None

THRESHOLDS = {
    "max_hashtags": int,
    "max_emojis": int,
    "max_sentence_words": int,
    "max_links": int,
    "all_caps_run_words": int,
    "readability_min_words": int,
    "readability_min_score": (int, float),
    "offensive_model_threshold": (int, float),
    "ambiguous_word_threshold": (int, float),
    "abuse_model_comment_threshold": (int, float),
    "abuse_model_post_threshold": (int, float),
    "party_model_threshold": (int, float),
    "party_model_short_threshold": (int, float),
    "party_model_short_words": int,
    "defamation_window": int,
    "hashtag_min_segment_length": int,
}
WORD_LISTS = (
    "parties", "party_names_cased", "party_cased_not_before", "campaign_terms", "election_admin",
    "position_verbs", "allegations", "live_case", "allegation_safe_names", "profanity_strong",
    "profanity_mild", "ambiguous", "slurs", "protected_groups", "dehumanising", "condemnation",
    "insults", "confidential_markings", "confidential_service_words", "exempt_markers",
    "internal_reference_words", "group_attacks", "harmless_contexts", "public_addresses",
    "civic_roles", "classifier_idioms", "candidate_guidance", "campaign_terms_first_person",
)  # fmt: skip


class RulesError(ValueError):
    """The rules file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class RuleSpec:
    id: str
    category: str
    clause: str
    law: str
    severity: dict[str, str]
    message: str
    suggestion: str


@dataclass(frozen=True, eq=False)
class Rules:
    """A validated rules file. Compare by identity; the engine caches compiled matchers per instance."""

    path: str
    rules: dict[str, RuleSpec]
    thresholds: dict[str, float]
    platforms: dict[str, dict[str, Any]]
    words: dict[str, tuple[str, ...]]
    member_clauses: dict[str, str]
    cache: dict[str, Any] = field(default_factory=dict, repr=False)


def load_rules(path: str | os.PathLike[str] | None = None) -> Rules:
    """Load and validate a rules file (default: the one named by HERALD_CHECK_RULES, else Herald's own)."""
    if path is None:
        path = os.environ.get(ENV_VAR) or DEFAULT_RULES_PATH
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(f"{path}: cannot read rules file: {exc.strerror or exc}") from exc
    return parse_rules(source, str(path))


def parse_rules(source: str, path: str = "<rules>") -> Rules:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{path}: {exc}") from exc
    return _Validator(source, path).validate(data)


_HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]\s*(?:#.*)?$")


class _Validator:
    def __init__(self, source: str, path: str) -> None:
        self.lines = source.splitlines()
        self.path = path

    def line_of(self, table: str | None, key: str | None = None) -> int:
        """1-based line of ``key`` inside ``[table]`` (or of the header itself); 0 if not found."""
        current: str | None = None
        header_line = 0
        key_re = re.compile(r"^\s*(?:\"?)" + re.escape(key) + r"(?:\"?)\s*=") if key else None
        for number, line in enumerate(self.lines, start=1):
            match = _HEADER.match(line)
            if match:
                current = re.sub(r"\s+", "", match.group(1)).replace('"', "")
                if current == table:
                    header_line = number
                    if key_re is None:
                        return number
                continue
            if key_re and current == table and key_re.match(line):
                return number
            # Top-level keys and inline tables in the parent (e.g. rules = {...}) are rare; fall back.
            if key_re and table is None and current is None and key_re.match(line):
                return number
        return header_line

    def fail(self, message: str, table: str | None, key: str | None = None) -> RulesError:
        line = self.line_of(table, key)
        where = f"{self.path}:{line}" if line else self.path
        return RulesError(f"{where}: {message}")

    def validate(self, data: dict[str, Any]) -> Rules:
        if data.get("version") != 1:
            raise self.fail("version must be 1", None, "version")
        for name in data:
            if name not in ("version", "member_clauses", "thresholds", "platforms", "words", "rules"):
                raise self.fail(
                    f"unknown section or key {name!r}", name if isinstance(data[name], dict) else None, name
                )
        for section, added in (("rules", ADDED_RULES), ("words", ADDED_WORD_LISTS)):
            table = data.get(section)
            if isinstance(table, dict) and any(name not in table for name in added):
                bundled = _bundled_data()[section]
                data[section] = {**{name: bundled[name] for name in added if name not in table}, **table}
        thresholds = data.get("thresholds")
        if isinstance(thresholds, dict) and any(name not in thresholds for name in ADDED_THRESHOLDS):
            bundled = _bundled_data()["thresholds"]
            data["thresholds"] = {**{n: bundled[n] for n in ADDED_THRESHOLDS if n not in thresholds}, **thresholds}
        return Rules(
            path=self.path,
            rules=self.rules(data.get("rules", {})),
            thresholds=self.thresholds(data.get("thresholds", {})),
            platforms=self.platforms(data.get("platforms", {})),
            words=self.words(data.get("words", {})),
            member_clauses=self.member_clauses(data.get("member_clauses", {})),
        )

    def member_clauses(self, table: dict[str, Any]) -> dict[str, str]:
        for key, value in table.items():
            if not isinstance(value, str) or not value:
                raise self.fail(f"member clause for {key!r} must be a clause id", "member_clauses", key)
        return dict(table)

    def thresholds(self, table: dict[str, Any]) -> dict[str, float]:
        for key, value in table.items():
            if key not in THRESHOLDS:
                raise self.fail(f"unknown threshold {key!r}", "thresholds", key)
            if isinstance(value, bool) or not isinstance(value, THRESHOLDS[key]) or value < 0:
                raise self.fail(f"threshold {key!r} must be a non-negative number", "thresholds", key)
        missing = set(THRESHOLDS) - set(table)
        if missing:
            raise self.fail(f"missing thresholds: {', '.join(sorted(missing))}", "thresholds")
        return dict(table)

    def platforms(self, table: dict[str, Any]) -> dict[str, dict[str, Any]]:
        for name, spec in table.items():
            where = f"platforms.{name}"
            if name not in PLATFORMS:
                raise self.fail(f"unknown platform {name!r} (known: {', '.join(PLATFORMS)})", where)
            for key, value in spec.items():
                if key in ("max_length", "max_hashtags", "max_media"):
                    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                        raise self.fail(f"{key} must be a positive whole number", where, key)
                elif key == "count":
                    if value not in COUNT_METHODS:
                        raise self.fail(f"count must be one of {', '.join(COUNT_METHODS)}", where, key)
                elif key == "media_required":
                    if value not in (True, False, "video"):
                        raise self.fail('media_required must be true, false or "video"', where, key)
                else:
                    raise self.fail(f"unknown platform setting {key!r}", where, key)
            if "max_length" not in spec:
                raise self.fail("max_length is required", where)
        missing = set(PLATFORMS) - set(table)
        if missing:
            raise self.fail(f"missing platforms: {', '.join(sorted(missing))}", "platforms")
        return {name: dict(spec) for name, spec in table.items()}

    def words(self, table: dict[str, Any]) -> dict[str, tuple[str, ...]]:
        for key, value in table.items():
            if key not in WORD_LISTS:
                raise self.fail(f"unknown word list {key!r}", "words", key)
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise self.fail(f"word list {key!r} must be a list of non-empty strings", "words", key)
        missing = set(WORD_LISTS) - set(table)
        if missing:
            raise self.fail(f"missing word lists: {', '.join(sorted(missing))}", "words")
        return {key: tuple(v.strip() for v in value) for key, value in table.items()}

    def rules(self, table: dict[str, Any]) -> dict[str, RuleSpec]:
        specs: dict[str, RuleSpec] = {}
        for rule_id, spec in table.items():
            where = f"rules.{rule_id}"
            if rule_id not in RULE_IDS:
                raise self.fail(f"unknown rule {rule_id!r}", where)
            if not isinstance(spec, dict):
                raise self.fail(f"rule {rule_id!r} must be a table", "rules", rule_id)
            for key in spec:
                if key not in ("category", "clause", "law", "severity", "message", "suggestion"):
                    raise self.fail(f"unknown setting {key!r} in rule {rule_id!r}", where, key)
            if spec.get("category") not in CATEGORIES:
                raise self.fail(f"category must be one of {', '.join(CATEGORIES)}", where, "category")
            for key in ("clause", "message", "suggestion"):
                if not isinstance(spec.get(key), str) or not spec[key].strip():
                    raise self.fail(f"{key} is required and must be text", where, key)
            if not isinstance(spec.get("law", ""), str):
                raise self.fail("law must be text", where, "law")
            severity = spec.get("severity")
            if not isinstance(severity, dict):
                raise self.fail('severity must be a table, e.g. { official = "block" }', where, "severity")
            for key, value in severity.items():
                if key not in SEVERITY_KEYS:
                    raise self.fail(
                        f"unknown severity key {key!r} (known: {', '.join(SEVERITY_KEYS)})", where, "severity"
                    )
                if value not in SEVERITY_VALUES:
                    raise self.fail(
                        f"unknown severity {value!r} for {key!r} (use {', '.join(SEVERITY_VALUES)})", where, "severity"
                    )
            specs[rule_id] = RuleSpec(
                id=rule_id,
                category=spec["category"],
                clause=spec["clause"],
                law=spec.get("law", ""),
                severity=dict(severity),
                message=spec["message"],
                suggestion=spec["suggestion"],
            )
        missing = [r for r in RULE_IDS if r not in specs]
        if missing:
            raise self.fail(f"missing rules: {', '.join(missing)}", "rules")
        return specs
