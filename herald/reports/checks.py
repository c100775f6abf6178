"""Django system checks for the reports: a Word template the settings name must be there at start-up,
not found missing when an officer first downloads a report."""

from __future__ import annotations

from django.core import checks


@checks.register()
def report_template_exists(app_configs, **kwargs) -> list[checks.CheckMessage]:
    from herald.reports import output

    problem = output.template_problem()
    if not problem:
        return []
    return [
        checks.Error(
            problem,
            hint="Set HERALD_REPORT_TEMPLATE to the full path of the council's .docx template, or leave it "
            "empty for Herald's own.",
            id="herald.reports.E001",
        )
    ]
