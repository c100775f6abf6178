from django import template

from herald.charts import bar_chart
from herald.figures import Chart

register = template.Library()


@register.simple_tag
def chart_svg(chart: Chart, key: str, index: int):
    """The chart as inline SVG, with an id made of `key` and `index` for its accessible title."""
    return bar_chart(chart, f"{key}-chart-{index}")
