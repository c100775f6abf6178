"""The findings panel of the posts editor: the platform's own character count, the findings in order
with their clause links, the text marked up with each finding's span, and the one-click fixes. The
reports it shows come from `herald.checking.run_check`. Reads only; it never saves."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from herald import checking
from herald.checks import default_rules
from herald.checks.presentation import graphemes, mastodon_length, x_weighted_length

SEVERITY_ORDER = {"block": 0, "warn": 1, "advice": 2}


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
    spec = default_rules().platforms[checking.engine_platform(platform)]
    limit = int(spec["max_length"])
    method = spec.get("count", "chars")
    if method == "x-weighted":
        return Length(x_weighted_length(text, limit)[0], limit, "characters (X counts links as 23 and emoji as 2)")
    if method == "graphemes":
        return Length(len(text) if text.isascii() else graphemes(text), limit, "characters")
    if method == "mastodon":
        return Length(mastodon_length(text, limit)[0], limit, "characters (Mastodon counts links as 23)")
    return Length(len(text), limit, "characters")


def findings_of(report: dict) -> list[dict]:
    return sorted(
        report.get("findings", []),
        key=lambda f: (SEVERITY_ORDER.get(f["severity"], 3), f["start"] if f["start"] is not None else -1),
    )


# --- Presenting --------------------------------------------------------------------------------


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
        item["clause_url"] = checking.clause_link(finding["clause"]) if finding.get("clause") else None
        item["clause_title"] = checking.clause_name(finding["clause"]) if finding.get("clause") else ""
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
