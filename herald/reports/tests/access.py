import datetime as dt

from django.utils import timezone

from herald.people.roles import ALL_ROLES, Role
from herald.reports import services
from herald.reports.models import CommitteeReport
from testing.access_cases import Case

WRITERS = frozenset({Role.COMMS, Role.ADMIN})
OWNERS = frozenset({Role.SERVICE_MANAGER, Role.COMMS, Role.ADMIN})
# The named officer here is the monitoring officer; the other roles are told the report does not exist.
READERS = {Role.COMMS, Role.ADMIN, Role.MONITORING_OFFICER}
NOT_THEIRS = {role: 404 for role in ALL_ROLES - READERS}


def cases(cast, make):
    comms, officer = cast[Role.COMMS], cast[Role.MONITORING_OFFICER]
    today = timezone.localdate()
    heading = {
        "title": "Social media annual review",
        "committee": "Ethical Governance and Personnel Committee",
        "meeting_date": today,
        "report_of": "Director Corporate Services",
        "period_start": today - dt.timedelta(days=365),
        "period_end": today - dt.timedelta(days=1),
        "officer": officer,
    }
    draft = services.start_report(**heading, by=comms)
    signed = services.start_report(**heading, by=comms)
    # Signed by hand so the downloads serve stored files: printing a PDF for every role is the
    # output tests' job, not the matrix's.
    CommitteeReport.objects.filter(pk=signed.pk).update(
        status=CommitteeReport.Status.SIGNED, signed_by=officer, signed_at=timezone.now(), pdf=b"%PDF-1.7", docx=b"PK"
    )
    kwargs = {"pk": draft.pk}
    return {
        "reports:index": Case(ALL_ROLES, per_role=True),
        "reports:start": Case(WRITERS),
        "reports:detail": Case(ALL_ROLES, kwargs=kwargs, status_for=NOT_THEIRS),
        "reports:edit": Case(WRITERS, kwargs=kwargs),
        "reports:send": Case(WRITERS, kwargs=kwargs, ok_status=405),
        "reports:sign": Case(ALL_ROLES, kwargs=kwargs, status_for=NOT_THEIRS),
        "reports:pdf": Case(ALL_ROLES, kwargs={"pk": signed.pk}, status_for=NOT_THEIRS),
        "reports:docx": Case(ALL_ROLES, kwargs={"pk": signed.pk}, status_for=NOT_THEIRS),
        "reports:monthly_latest": Case(OWNERS, ok_status=302),
        "reports:monthly": Case(OWNERS, kwargs={"year": today.year, "month": today.month}),
    }
