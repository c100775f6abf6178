"""A post for the author's own account, read with the policy's rules for personal use.

The engine's rules are written first for council accounts. On a personal account two things differ:

- a political finding is explained with the rule for the author's own account — the restricted-posts
  clause for someone whose post is politically restricted, the personal-use clause for everyone else
  (most staff may support a party on their own account);
- a post that runs the council down is advised on, citing the personal-use clause ("do not bring the
  council into disrepute"), and never blocked: lawful criticism is free speech.

The words and explanations are data (``personal_use.toml``, or the council's copy named by
``HERALD_PERSONAL_USE_RULES``). This runs after ``check`` on personal posts only, so the official
hot path is untouched. Pure Python, like the rest of the engine.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .config import RuleSpec
from .engine import resolve_severity
from .model import CATEGORIES, Context, Finding, Report, sort_findings

DEFAULT_PATH = Path(__file__).with_name("personal_use.toml")
ENV_VAR = "HERALD_PERSONAL_USE_RULES"
RULE = "council-disrepute"
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


@dataclass(frozen=True)
class PersonalUseRules:
    disrepute: RuleSpec
    subjects: re.Pattern[str]
    put_downs: re.Pattern[str]
    political: dict[str, dict[str, str]]  # "restricted" / "personal" -> {"clause", "suggestion"}


def _phrases(words: list[str]) -> re.Pattern[str]:
    ordered = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    return re.compile(
        r"(?i)(?<![\w])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + r")(?![\w])"
    )


def parse_personal_use(source: str, path: str = "<personal use>") -> PersonalUseRules:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: {exc}") from exc
    if data.get("version") != 1:
        raise ValueError(f"{path}: version must be 1")
    try:
        table = data["disrepute"]
        spec = RuleSpec(
            id=RULE,
            category=table["category"],
            clause=table["clause"],
            law=table.get("law", ""),
            severity=dict(table["severity"]),
            message=table["message"],
            suggestion=table["suggestion"],
        )
        subjects, put_downs = list(table["subjects"]), list(table["put_downs"])
        political = {
            key: {"clause": data["political"][key]["clause"], "suggestion": data["political"][key]["suggestion"]}
            for key in ("restricted", "personal")
        }
    except (KeyError, TypeError) as exc:
        raise ValueError(f"{path}: missing or malformed setting {exc}") from exc
    if spec.category not in CATEGORIES:
        raise ValueError(f"{path}: disrepute category must be one of {', '.join(CATEGORIES)}")
    if not subjects or not put_downs:
        raise ValueError(f"{path}: disrepute needs subjects and put_downs")
    return PersonalUseRules(spec, _phrases(subjects), _phrases(put_downs), political)


@lru_cache(maxsize=1)
def default_personal_use() -> PersonalUseRules:
    path = Path(os.environ.get(ENV_VAR) or DEFAULT_PATH)
    return parse_personal_use(path.read_text(encoding="utf-8"), str(path))


def _disrepute(text: str, context: Context, rules: PersonalUseRules) -> list[Finding]:
    severity = resolve_severity(rules.disrepute, context, "post", False)
    if severity == "off" or not text:
        return []
    found = []
    for sentence in _SENTENCE.finditer(text):
        if not rules.subjects.search(sentence.group()):
            continue
        put_down = rules.put_downs.search(sentence.group())
        if put_down is None:
            continue
        start, end = sentence.start() + put_down.start(), sentence.start() + put_down.end()
        spec = rules.disrepute
        found.append(
            Finding(
                rule=RULE,
                category=spec.category,
                severity=severity,
                message=spec.message.replace("{match}", text[start:end]),
                clause=spec.clause,
                suggestion=spec.suggestion,
                start=start,
                end=end,
                law=spec.law,
            )
        )
    return found


def for_personal_account(
    report: Report, text: str, context: Context, *, rules: PersonalUseRules | None = None
) -> Report:
    """``report`` (the engine's, for ``text`` on ``context``'s personal account) with political findings
    explained by the personal-account rule and advice on posts that run the council down."""
    if context.account != "personal":
        return report
    rules = rules or default_personal_use()
    findings = []
    explanation = rules.political["restricted" if context.politically_restricted else "personal"]
    for finding in report.findings:
        if finding.category == "political" and context.role != "councillor":
            finding = replace(finding, clause=explanation["clause"], suggestion=explanation["suggestion"])
        findings.append(finding)
    findings.extend(_disrepute(text, context, rules))
    return Report(findings=sort_findings(findings))
