"""Read-only questions about the register: the heat map's cells and each risk's live evidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from herald.risks import controls
from herald.risks.models import Band, Control, Level, Risk


def bands() -> list[Band]:
    return list(Band.objects.all())


def band_for(score: int, known: list[Band] | None = None) -> Band | None:
    for band in known if known is not None else bands():
        if band.min_score <= score <= band.max_score:
            return band
    return None


def level_names(axis: str) -> dict[int, str]:
    return {level.value: level.name for level in Level.objects.filter(axis=axis)}


@dataclass
class Cell:
    likelihood: int
    impact: int
    score: int
    colour: str
    text_colour: str
    band: str
    risks: list[Risk]

    @property
    def x(self) -> int:
        return 60 + (self.likelihood - 1) * 80

    @property
    def y(self) -> int:
        return 10 + (5 - self.impact) * 60


def heat_map(risks: Iterable[Risk], *, which: str = "current") -> list[list[Cell]]:
    """Rows from impact 5 down to 1, each with likelihood 1 to 5, and the open risks whose latest
    `which` score (inherent, current or residual) falls in that cell."""
    known = bands()
    placed: dict[tuple[int, int], list[Risk]] = {}
    for risk in risks:
        latest = risk.latest
        if latest is None:
            continue
        key = (getattr(latest, f"{which}_likelihood"), getattr(latest, f"{which}_impact"))
        placed.setdefault(key, []).append(risk)
    rows = []
    for impact in range(5, 0, -1):
        row = []
        for likelihood in range(1, 6):
            score = likelihood * impact
            band = band_for(score, known)
            row.append(
                Cell(
                    likelihood=likelihood,
                    impact=impact,
                    score=score,
                    colour=band.colour if band else "#ffffff",
                    text_colour=band.text_colour if band else "#0b0c0c",
                    band=band.name if band else "",
                    risks=placed.get((likelihood, impact), []),
                )
            )
        rows.append(row)
    return rows


@dataclass
class Evidence:
    control: Control
    measure: controls.Measure
    reading: controls.Reading

    @property
    def threshold_text(self) -> str:
        return self.measure.threshold_text(self.control.threshold)

    @property
    def state(self) -> str:
        if not self.reading.available:
            return "unavailable"
        # An available reading has a value (`Reading.available`).
        value = cast(float, self.reading.value)
        if self.control.threshold is None or self.measure.meets(value, self.control.threshold):
            return "met"
        return "failing"


def live_evidence(risk: Risk) -> list[Evidence]:
    """Each control's evidence computed now, from Herald's own records."""
    found = []
    cache: dict[str, controls.Reading] = {}
    for control in risk.controls.all():
        measure = controls.MEASURES.get(control.measure)
        if measure is None:
            continue
        reading = cache.setdefault(control.measure, controls.read(control.measure))
        found.append(Evidence(control, measure, reading))
    return found
