"""Read-only questions about policies. Other apps rely on `clause_url` and `clause_summary`: the
check engine's findings name a clause id, and the post editor links each finding to its words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from herald.people.models import Person
from herald.policies.models import Assignment, AssignmentQuerySet, Campaign, PolicyDocument, PolicyVersion, past_due
from herald.policies.rendering import REQUIRED_CLAUSES, Clause, clauses

# Used only when a clause cannot be found in any published version (it never should be: saving
# a draft that drops a required clause is refused).
FALLBACK_SUMMARIES = {
    "scope": "The policy covers everyone who works for the council, on every platform, official or personal.",
    "official-accounts": "Only open a council account after the permissions process; only named, trained editors post.",
    "personal-use": "On your own accounts, speak for yourself and never bring the council into disrepute.",
    "personal-data": "Never publish personal information about anyone that you hold because of your job.",
    "political-neutrality": "Council publicity must never appear designed to affect support for a political party.",
    "politically-restricted": "Politically restricted post holders stay neutral online, even in a private capacity.",
    "pre-election": "Before an election, post nothing that could affect how people vote.",
    "defamation": "Do not make allegations about named people or comment on live court cases.",
    "offensive-content": "Never post anything offensive, abusive, discriminatory or threatening.",
    "confidentiality": "Do not post confidential or exempt council information.",
    "copyright": "Only use images, music and text the council owns or has a licence for.",
    "consent-images": "Get recorded consent before publishing a photo or video of anyone identifiable.",
    "safeguarding": "Never publish anything that could put a child or vulnerable adult at risk.",
    "images-at-work": "Images recorded at work need permissions and must not breach confidentiality.",
    "accessibility": "Make every post accessible: alt text, captions, plain English.",
    "platform-rules": "Follow each platform's terms, limits and advertising rules.",
    "breaches": "Breaking the policy can lead to disciplinary action; report problems quickly.",
    "member-conduct": "The Members' Code of Conduct applies whenever you post as a councillor.",
    "member-personal-data": "Never post a constituent's casework or personal details without permission.",
    "member-pre-election": "Never use council resources for campaigning.",
    "member-defamation": "Avoid allegations and predetermination; do not comment on live court cases.",
    "member-abuse": "Record online abuse, report it, and involve the police if you feel threatened.",
    "member-confidentiality": "Do not post anything from confidential papers or exempt meetings.",
}


def published_versions() -> list[PolicyVersion]:
    return list(PolicyVersion.objects.published().select_related("document"))


def find_clause(clause_id: str) -> tuple[PolicyVersion, Clause] | None:
    for version in published_versions():
        for clause in clauses(version.body):
            if clause.id == clause_id:
                return version, clause
    return None


def clause_url(clause_id: str) -> str | None:
    """Where a clause can be read, e.g. /policies/employee-policy/clauses/personal-data/; None if unknown."""
    found = find_clause(clause_id)
    if found:
        slug: str | None = found[0].document.slug
    else:
        slug = next((s for s, ids in REQUIRED_CLAUSES.items() if clause_id in ids), None)
        if slug is None:
            return None
    return reverse("policies:clause", kwargs={"slug": slug, "clause_id": clause_id})


def clause_summary(clause_id: str) -> str:
    """A plain-English one-liner for a clause, from its "In short" line in the published text."""
    found = find_clause(clause_id)
    if found and found[1].summary:
        return found[1].summary
    return FALLBACK_SUMMARIES.get(clause_id, "")


def clause_title(clause_id: str) -> str:
    found = find_clause(clause_id)
    return found[1].title if found else clause_id.replace("-", " ").capitalize()


def documents() -> list[PolicyDocument]:
    return list(PolicyDocument.objects.all())


def my_assignments(person: Person) -> AssignmentQuerySet:
    """Campaigns the person is asked to complete, open ones first."""
    return (
        Assignment.objects.filter(person=person, campaign__status=Campaign.Status.OPEN)
        .filter(Q(left_audience_at=None) | Q(acknowledgement__isnull=False))
        .select_related("campaign__version__document", "acknowledgement")
        .order_by("acknowledgement", "campaign__due_on")
    )


BAR_LEFT = 250
BAR_WIDTH = 400


@dataclass
class AreaProgress:
    name: str
    total: int = 0
    done: int = 0
    overdue: int = 0
    outstanding_people: list = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def outstanding(self) -> int:
        return self.total - self.done

    # Widths of the three parts of this area's bar in the chart, which is BAR_WIDTH wide.
    @property
    def done_px(self) -> int:
        return round(BAR_WIDTH * self.done / self.total) if self.total else 0

    @property
    def overdue_px(self) -> int:
        return round(BAR_WIDTH * self.overdue / self.total) if self.total else 0

    @property
    def rest_px(self) -> int:
        return max(BAR_WIDTH - self.done_px - self.overdue_px, 0) if self.total else 0

    @property
    def overdue_x(self) -> int:
        return BAR_LEFT + self.done_px

    @property
    def rest_x(self) -> int:
        return BAR_LEFT + self.done_px + self.overdue_px


def progress_by_area(assignments: AssignmentQuerySet) -> list[AreaProgress]:
    """Counts per service area (councillors and people without a team grouped by name)."""
    today = timezone.localdate()
    rows = (
        assignments.counted()
        .values("person__team__service_area__name", "person__kind")
        .annotate(
            total=Count("id"),
            done=Count("id", filter=~Q(acknowledgement=None)),
            overdue=Count("id", filter=Q(acknowledgement=None) & past_due(today)),
        )
    )
    areas: dict[str, AreaProgress] = {}
    for row in rows:
        if row["person__kind"] == Person.Kind.COUNCILLOR:
            name = "Councillors"
        else:
            name = row["person__team__service_area__name"] or "No service area recorded"
        area = areas.setdefault(name, AreaProgress(name))
        area.total += row["total"]
        area.done += row["done"]
        area.overdue += row["overdue"]
    return sorted(areas.values(), key=lambda a: a.name)


def campaign_totals(assignments: AssignmentQuerySet) -> AreaProgress:
    total = AreaProgress("All")
    for area in progress_by_area(assignments):
        total.total += area.total
        total.done += area.done
        total.overdue += area.overdue
    return total


def manager_campaigns(manager: Person) -> list[tuple[Campaign, AreaProgress]]:
    """Open campaigns that include people the manager is service manager for, with their figures."""
    result = []
    for campaign in Campaign.objects.open().select_related("version__document"):
        mine = campaign.assignments.for_manager(manager)
        if mine.exists():
            result.append((campaign, campaign_totals(mine)))
    return result


def next_due_date(campaign: Campaign, manager: Person) -> dt.date:
    """The soonest due date among the manager's people still to acknowledge (late joiners have their own,
    later, dates), or the campaign's when nobody is outstanding."""
    outstanding = list(campaign.assignments.for_manager(manager).outstanding())
    return min((a.due_date for a in outstanding), default=campaign.due_on)


def open_campaigns_for(document: PolicyDocument) -> QuerySet[Campaign]:
    """The open acknowledgement campaigns for any version of a document."""
    return Campaign.objects.open().filter(version__document=document)
