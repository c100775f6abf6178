""" "Can I post this?": a personal post checked by the engine in the author's own context, presented with
the policy's clauses. The context (role, political restriction, pre-election state, the members'
register) and the engine call come from `herald.checking`. Nothing here is stored."""

from __future__ import annotations

from dataclasses import dataclass, field

from herald import checking
from herald.checks import Context
from herald.people.models import Person
from herald.policies import selectors

VERDICTS = {
    "block": "Do not post this",
    "warn": "Think again before posting",
    "advice": "Worth knowing",
}


@dataclass
class Outcome:
    context: Context
    findings: list[dict] = field(default_factory=list)
    segments: list[tuple[str, int | None]] = field(default_factory=list)

    @property
    def worst(self) -> str | None:
        for severity in ("block", "warn", "advice"):
            if any(f["severity"] == severity for f in self.findings):
                return severity
        return None

    @property
    def verdict(self) -> str:
        return VERDICTS.get(self.worst, "We found nothing in this post that breaks the policy")


def _present(finding, where: str, text: str) -> dict:
    stored = finding.to_dict()
    stored["where"] = where
    return {
        "stored": stored,
        "severity": finding.severity,
        "verdict": VERDICTS[finding.severity],
        "message": finding.message,
        "suggestion": finding.suggestion,
        "law": finding.law,
        "where": where,
        "excerpt": text[finding.start : finding.end] if finding.start is not None and finding.end is not None else "",
        "clause": finding.clause,
        "clause_title": selectors.clause_title(finding.clause),
        "clause_summary": selectors.clause_summary(finding.clause),
        "clause_url": selectors.clause_url(finding.clause),
    }


def _segments(text: str, spans: list[tuple[int, int, int]]) -> list[tuple[str, int | None]]:
    """The post split into plain and marked pieces; overlapping findings keep the first mark."""
    pieces: list[tuple[str, int | None]] = []
    cursor = 0
    for start, end, number in sorted(spans):
        if start < cursor:
            continue
        if start > cursor:
            pieces.append((text[cursor:start], None))
        pieces.append((text[start:end], number))
        cursor = end
    if cursor < len(text):
        pieces.append((text[cursor:], None))
    return pieces


def run_self_check(person: Person, *, text: str, image_description: str = "", platform: str = "facebook") -> Outcome:
    checked = checking.check_personal_post(person, text=text, platform=platform, image_description=image_description)
    outcome = Outcome(context=checked.context)
    for finding in checked.post.findings:
        outcome.findings.append(_present(finding, "post", text))
    if checked.image is not None:
        seen = {(f["stored"]["rule"], f["excerpt"]) for f in outcome.findings}
        for finding in checked.image.findings:
            item = _present(finding, "image", image_description)
            if (finding.rule, item["excerpt"]) not in seen:
                outcome.findings.append(item)
    spans = []
    for number, item in enumerate(outcome.findings, start=1):
        item["number"] = number
        stored = item["stored"]
        if item["where"] == "post" and stored["start"] is not None and stored["end"] is not None:
            spans.append((stored["start"], stored["end"], number))
    outcome.segments = _segments(text, spans)
    return outcome
