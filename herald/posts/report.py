"""The posts' figures for the committee report: what was published on which account, what the checks
found, the blocks that were overridden and why, and the pre-election period."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Q
from django.utils import timezone

from herald import checking
from herald.elections.models import Election
from herald.figures import Cell, Chart, Part, Period, Table, plural
from herald.posts.models import Approval, Post, PostFinding

CATEGORY_NAMES = {
    "personal_data": "Personal data",
    "political": "Political content",
    "defamation": "Defamation",
    "offensive": "Offensive content",
    "confidentiality": "Confidentiality",
    "copyright": "Copyright",
    "consent": "Consent for images",
    "safeguarding": "Safeguarding",
    "accessibility": "Accessibility",
    "platform": "Platform rules",
}


def sections(period: Period) -> list[Part]:
    return [posts(period), pre_election(period)]


def _in(period: Period, field: str) -> Q:
    return Q(**{f"{field}__gte": period.start_at, f"{field}__lt": period.end_at})


def posts(period: Period) -> Part:
    title = "Posts on the council's accounts"
    published = Post.objects.filter(_in(period, "published_at"))
    submitted = Post.objects.filter(_in(period, "submitted_at"))
    overridden = Post.objects.filter(_in(period, "override_at")).select_related("account", "override_by")
    total_published, total_submitted = published.count(), submitted.count()
    if not total_published and not total_submitted and not overridden.exists():
        return Part("posts", title, empty_text=f"No posts were submitted or published from {period.words}.")
    by_account = list(
        published.values("account__display_name", "account__platform")
        .annotate(n=Count("pk"))
        .order_by("-n", "account__display_name")
    )
    categories = checking.rule_categories()
    found: Counter[str] = Counter()
    blocks: Counter[str] = Counter()
    for rule, severity, n in (
        PostFinding.objects.filter(post__in=submitted).values_list("rule", "severity").annotate(n=Count("pk"))
    ):
        name = CATEGORY_NAMES.get(categories.get(rule, ""), "Other")
        found[name] += n
        if severity == "block":
            blocks[name] += n
    overrides = list(overridden.order_by("override_at"))
    paragraphs = [
        f"From {period.words}, {plural(total_submitted, 'post')} {'was' if total_submitted == 1 else 'were'} "
        f"submitted for approval and {plural(total_published, 'post')} published on "
        f"{plural(len(by_account), 'account')}. The checks made {plural(sum(found.values()), 'finding')}, "
        f"{sum(blocks.values()):,} of them blocking; {plural(len(overrides), 'block')} "
        f"{'was' if len(overrides) == 1 else 'were'} overridden with a recorded justification."
    ]
    charts = []
    tables = []
    if by_account:
        labels = [f"{row['account__display_name']}" for row in by_account]
        charts.append(Chart("Posts published by account", labels, [row["n"] for row in by_account]))
    if found:
        ordered = sorted(found.items(), key=lambda pair: (-pair[1], pair[0]))
        rows: list[list[Cell]] = [[name, n, blocks[name]] for name, n in ordered]
        table = Table("Findings on posts submitted in the period", ["Category", "Findings", "Blocking"], rows)
        charts.append(
            Chart("Findings by category", [name for name, _ in ordered], [n for _, n in ordered], data_table=table)
        )
    if overrides:
        tables.append(
            Table(
                "Blocks overridden, with their justifications",
                ["Date", "Account", "Rules", "Overridden by", "Justification"],
                [
                    [
                        f"{timezone.localtime(post.override_at):%-d %b %Y}" if post.override_at else "",
                        post.account.display_name,
                        ", ".join(post.override_rules) if post.override_rules else "",
                        post.override_by.full_name if post.override_by else "",
                        post.override_justification,
                    ]
                    for post in overrides
                ],
            )
        )
    return Part("posts", title, paragraphs=paragraphs, charts=charts, tables=tables)


def pre_election(period: Period) -> Part:
    title = "The pre-election period"
    elections = list(
        Election.objects.current()
        .filter(period_starts_on__lte=period.end, period_ends_on__gte=period.start)
        .order_by("period_starts_on")
    )
    if not elections:
        return Part("pre_election", title, empty_text=f"No pre-election period fell between {period.words}.")
    checked = Post.objects.filter(_in(period, "submitted_at"), pre_election=True)
    count = checked.count()
    held = checked.filter(Q(blocking=True) | Q(approvals__decision=Approval.Decision.SENT_BACK)).distinct().count()
    approved = checked.exclude(approved_at=None).count()
    published = checked.exclude(published_at=None).count()
    periods = "; ".join(
        f"{election} ({election.period_starts_on:%-d %b} to {election.period_ends_on:%-d %b %Y})"
        for election in elections
    )
    paragraphs = [
        f"Pre-election periods in the report's period: {periods}.",
        f"{plural(count, 'post')} {'was' if count == 1 else 'were'} checked under the stricter pre-election rules: "
        f"{held} held (blocked or sent back), {approved} approved and {published} published.",
    ]
    chart = Chart(
        "Posts checked in the pre-election period",
        ["Checked", "Held", "Approved", "Published"],
        [count, held, approved, published],
    )
    return Part("pre_election", title, paragraphs=paragraphs, charts=[chart])
