"""Figures an app gives the committee report, as plain data.

Each app that has something to report declares `report_sections` on its HeraldAppConfig: a function
`sections(period: Period) -> list[Part]`. The reports app reads every declaration and lays the parts
out in the report; it never imports an app by name, and no app imports the reports app. A part whose
app has nothing for the period says so in `empty_text`, in words a committee member reads as they are.

Parts are frozen into a signed report as JSON (`Part.as_dict` / `Part.from_dict`), so every value is a
string or a number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from django.utils import timezone

Cell = str | int | float


@dataclass(frozen=True)
class Period:
    """The days a report covers, both ends included."""

    start: dt.date
    end: dt.date

    @property
    def start_at(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.start, dt.time.min))

    @property
    def end_at(self) -> dt.datetime:
        """The first moment after the period (compare with `<`)."""
        return timezone.make_aware(dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min))

    @property
    def words(self) -> str:
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"

    def months(self) -> list[dt.date]:
        """The first day of each calendar month the period touches."""
        first, found = self.start.replace(day=1), []
        while first <= self.end:
            found.append(first)
            first = (first + dt.timedelta(days=32)).replace(day=1)
        return found


@dataclass(frozen=True)
class Table:
    caption: str
    headers: list[str]
    rows: list[list[Cell]]


@dataclass(frozen=True)
class Chart:
    """A bar chart; the report shows its data as a table beside it."""

    title: str
    labels: list[str]
    values: list[float]
    unit: str = ""  # "%" for shares; blank for counts
    # A fuller table of the same figures to show with the chart instead of the plain one.
    data_table: Table | None = None

    def as_table(self) -> Table:
        if self.data_table is not None:
            return self.data_table
        header = "Per cent" if self.unit == "%" else "Number"
        rows: list[list[Cell]] = [
            [label, format_number(value, self.unit)] for label, value in zip(self.labels, self.values, strict=False)
        ]
        return Table(caption=f"{self.title}: the figures", headers=["", header], rows=rows)


@dataclass(frozen=True)
class Part:
    """One part of the report's figures: a few sentences, then charts and tables."""

    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    empty_text: str = ""  # set when the part has nothing for the period; it is then shown alone

    @property
    def is_empty(self) -> bool:
        return bool(self.empty_text)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Part:
        return cls(
            key=data["key"],
            title=data["title"],
            paragraphs=list(data.get("paragraphs", [])),
            charts=[
                Chart(**{**chart, "data_table": Table(**chart["data_table"]) if chart.get("data_table") else None})
                for chart in data.get("charts", [])
            ],
            tables=[Table(**table) for table in data.get("tables", [])],
            empty_text=data.get("empty_text", ""),
        )


def format_number(value: float, unit: str) -> str:
    text = f"{value:,.1f}".removesuffix(".0") if isinstance(value, float) else f"{value:,}"
    return f"{text}{unit}"


def share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"
