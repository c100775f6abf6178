"""Bar charts as SVG drawn on the server: no JavaScript, no fonts to fetch, the same in the page and the
PDF. Each chart is shown beside a table of its figures, so the chart itself carries a short title."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from herald.figures import Chart, format_number

WIDTH = 640
LABEL_WIDTH = 230
VALUE_WIDTH = 70
BAR_HEIGHT = 22
GAP = 8
BLUE = "#1d70b8"
TEXT = "#0b0c0c"


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(chart: Chart, chart_id: str) -> SafeString:
    values = [float(value) for value in chart.values]
    top = 100.0 if chart.unit == "%" else max(values + [1.0])
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = GAP + len(values) * (BAR_HEIGHT + GAP)
    rows = []
    for index, (label, value) in enumerate(zip(chart.labels, values, strict=False)):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = 0 if top == 0 else max(0.0, room * value / top)
        rows.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT * 0.7:.1f}" text-anchor="end" font-size="13" '
            f'fill="{TEXT}">{escape(_short(label))}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" fill="{BLUE}"/>'
            f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + BAR_HEIGHT * 0.7:.1f}" font-size="13" '
            f'fill="{TEXT}">{escape(format_number(chart.values[index], chart.unit))}</text>'
        )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="herald-chart" role="img" aria-labelledby="{chart_id}-title" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" font-family="Liberation Sans, Arial, sans-serif">'
        f'<title id="{chart_id}-title">{escape(chart.title)}</title>'
        f'<line x1="{LABEL_WIDTH}" y1="0" x2="{LABEL_WIDTH}" y2="{height}" stroke="{TEXT}" stroke-width="1"/>'
        + "".join(rows)
        + "</svg>"
    )
    return mark_safe(svg)  # noqa: S308 - every text in it is escaped above
