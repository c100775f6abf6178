"""The policies' figures for the committee report: what changed in the policy, who has acknowledged
it by service area, and the consultation record on its drafts."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Q

from herald.dates import uk_date
from herald.figures import Cell, Chart, Part, Period, Table, plural, share
from herald.people.models import Person
from herald.policies.models import Acknowledgement, Consultation, ConsultationComment, PolicyDocument, PolicyVersion
from herald.policies.rendering import clauses


def sections(period: Period) -> list[Part]:
    return [policy_changes(period), acknowledgements(period), consultation(period)]


def clause_changes(old: PolicyVersion | None, new: PolicyVersion) -> dict[str, list[str]]:
    """Clause titles added, reworded and removed between two versions."""
    before = {clause.id: clause for clause in clauses(old.body)} if old else {}
    after = {clause.id: clause for clause in clauses(new.body)}
    return {
        "added": [after[key].title for key in after if key not in before],
        "reworded": [after[key].title for key in after if key in before and before[key].body != after[key].body],
        "removed": [before[key].title for key in before if key not in after],
    }


def policy_changes(period: Period) -> Part:
    published = (
        PolicyVersion.objects.readable()
        .filter(published_at__gte=period.start_at, published_at__lt=period.end_at)
        .select_related("document")
        .order_by("published_at")
    )
    title = "What changed in the policy"
    if not published:
        return Part(
            "policy_changes", title, empty_text=f"No new version of a policy was published from {period.words}."
        )
    rows: list[list[Cell]] = []
    paragraphs = []
    for version in published:
        previous = (
            PolicyVersion.objects.readable()
            .filter(document=version.document, number__lt=version.number)
            .order_by("-number")
            .first()
        )
        changes = clause_changes(previous, version)
        rows.append(
            [
                version.document.title,
                f"{version.number}",
                uk_date(version.published_at),
                "; ".join(changes["added"]) or "None",
                "; ".join(changes["reworded"]) or "None",
                "; ".join(changes["removed"]) or "None",
            ]
        )
        since = f"version {previous.number}" if previous else "nothing before it"
        summary = f" ({version.change_summary})" if version.change_summary else ""
        paragraphs.append(
            f"Version {version.number} of the {version.document.title} was published on "
            f"{uk_date(version.published_at)}{summary}. Against {since}: "
            f"{plural(len(changes['added']), 'clause')} added, {plural(len(changes['reworded']), 'clause')} reworded "
            f"and {plural(len(changes['removed']), 'clause')} removed."
        )
    table = Table(
        "Policy versions published in the period, clause by clause",
        ["Policy", "Version", "Published", "Clauses added", "Clauses reworded", "Clauses removed"],
        rows,
    )
    return Part("policy_changes", title, paragraphs=paragraphs, tables=[table])


def acknowledgements(period: Period) -> Part:
    """For the employees' policy in force at the period's end: who had acknowledged it, by service area."""
    title = "Acknowledgement of the policy by service area"
    document = PolicyDocument.objects.filter(audience=PolicyDocument.Audience.EMPLOYEES).order_by("id").first()
    version = (
        PolicyVersion.objects.readable()
        .filter(document=document, published_at__lt=period.end_at)
        .order_by("-published_at")
        .first()
        if document
        else None
    )
    if version is None:
        return Part("acknowledgements", title, empty_text="No employees' policy was in force during the period.")
    acknowledged = Acknowledgement.objects.filter(version=version, at__lt=period.end_at).values("person")
    areas = list(
        Person.objects.active()
        .employees()
        .exclude(team=None)
        .values("team__service_area__name")
        .annotate(staff=Count("pk"), done=Count("pk", filter=Q(pk__in=acknowledged)))
        .order_by("team__service_area__name")
    )
    if not areas:
        return Part("acknowledgements", title, empty_text="Herald holds no employees in service areas yet.")
    rows: list[list[Cell]] = []
    total_staff = total_done = 0
    for area in areas:
        rows.append(
            [area["team__service_area__name"], area["staff"], area["done"], f"{share(area['done'], area['staff'])}%"]
        )
        total_staff += area["staff"]
        total_done += area["done"]
    rows.append(["All service areas", total_staff, total_done, f"{share(total_done, total_staff)}%"])
    table = Table("Acknowledgements by service area", ["Service area", "Employees", "Acknowledged", "Share"], rows)
    chart = Chart(
        f"Employees who have acknowledged version {version.number}, by service area",
        [area["team__service_area__name"] for area in areas],
        [share(area["done"], area["staff"]) for area in areas],
        unit="%",
        data_table=table,
    )
    paragraph = (
        f"By {uk_date(period.end)}, {total_done:,} of {total_staff:,} employees ({share(total_done, total_staff)}%) "
        f"had acknowledged version {version.number} of the {version.document.title}."
    )
    return Part("acknowledgements", title, paragraphs=[paragraph], charts=[chart])


def consultation(period: Period) -> Part:
    title = "Consultation on the policy"
    found = (
        Consultation.objects.overlapping(period.start, period.end)
        .select_related("version__document")
        .order_by("opened_at")
    )
    if not found:
        return Part("consultation", title, empty_text=f"No draft policy was put to consultation from {period.words}.")
    paragraphs, tables = [], []
    for item in found:
        comments = list(ConsultationComment.objects.filter(consultation=item).order_by("made_at", "pk"))
        counts = Counter(comment.response for comment in comments)
        answered = f"{counts['adopted']} adopted, {counts['noted']} noted and {counts['not_adopted']} not adopted" + (
            f"; {counts['']} not yet answered" if counts[""] else ""
        )
        paragraphs.append(
            f"{item.group_name} {'was' if item.consultees == Consultation.Consultees.UNION else 'were'} consulted on "
            f"version {item.version.number} of the {item.version.document.title} from {uk_date(item.opened_at)} "
            f"to {uk_date(item.closes_on)}. "
            + (
                f"{plural(len(comments), 'comment')} {'was' if len(comments) == 1 else 'were'} made: {answered}."
                if comments
                else "No comments were made."
            )
        )
        if comments:
            rows: list[list[Cell]] = [
                [comment.where, comment.text, comment.get_response_display() or "Not yet answered", comment.reason]
                for comment in comments
            ]
            tables.append(
                Table(
                    f"Comments from {item.group_name} on version {item.version.number}",
                    ["Clause", "Comment", "Response", "Reason"],
                    rows,
                )
            )
    return Part("consultation", title, paragraphs=paragraphs, tables=tables)
