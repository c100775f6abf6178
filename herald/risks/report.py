"""The risk register's part of the committee report: S.04, the significant risk the policy answers,
with its mitigation, its owner and its live controls as they read now."""

from __future__ import annotations

from herald.figures import Cell, Part, Period, Table
from herald.risks import selectors
from herald.risks.models import Risk

SIGNIFICANT = "S.04"


def sections(period: Period) -> list[Part]:
    return [significant_risks(period)]


def significant_risks(period: Period) -> Part:
    title = "Management of significant (Net Red) risks"
    risk = Risk.objects.filter(reference=SIGNIFICANT).select_related("owner").first()
    if risk is None:
        return Part("significant_risks", title, empty_text=f"The risk register holds no risk {SIGNIFICANT}.")
    evidence = selectors.live_evidence(risk)
    controls = "; ".join(f"{item.measure.label}: {item.reading.text} ({item.threshold_text})" for item in evidence)
    owner = risk.owner.full_name if risk.owner else risk.owner_role or "No owner recorded"
    mitigation = risk.mitigation or "No mitigating actions recorded"
    assessment = risk.latest
    score = f" Current score {assessment.current} ({assessment.current_band['name']})." if assessment else ""
    rows: list[list[Cell]] = [[f"{risk.reference} {risk.title}", mitigation, owner]]
    paragraphs = [f"{risk.reference} {risk.title} is {risk.get_status_display().lower()}.{score}"]
    tables = [Table("Significant risks", ["Risk description", "Mitigating actions", "Owner"], rows)]
    if evidence:
        tables.append(
            Table(
                f"Live controls on {risk.reference}",
                ["Control", "Reading", "Threshold", "State"],
                [
                    [
                        item.measure.label,
                        item.reading.text,
                        item.threshold_text,
                        {"met": "Met", "failing": "Below threshold", "unavailable": "Not yet available"}[item.state],
                    ]
                    for item in evidence
                ],
            )
        )
        paragraphs.append(f"Its live controls, read as the report was made: {controls}.")
    return Part("significant_risks", title, paragraphs=paragraphs, tables=tables)
