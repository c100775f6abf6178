import datetime as dt

import pytest
from django.utils import timezone

from herald.policies import services as policies
from herald.policies.models import Acknowledgement, PolicyDocument
from herald.policies.tests.factories import CampaignFactory
from herald.posts.models import Post, PostFinding
from herald.posts.tests.factories import PostFactory
from herald.reports import services
from herald.social_accounts.tests.factories import AccountFactory
from testing.factories import PersonFactory, incident


@pytest.fixture
def period():
    today = timezone.localdate()
    return today - dt.timedelta(days=90), today


@pytest.fixture
def activity(db, team, comms_officer, dpo, employee, editor):
    """A quarter's work: acknowledgements, two accounts with published posts and findings, an
    overridden block, and two incidents. Every date is inside the last 90 days."""
    policies.install_default_documents()
    version = PolicyDocument.objects.get(slug="employee-policy").published_version
    campaign = CampaignFactory(version=version)
    Acknowledgement.objects.create(
        person=employee, version=version, campaign=campaign, method="read", statement="I will follow it."
    )
    PersonFactory(team=team)  # an employee in the same area who has not acknowledged
    leisure = AccountFactory(display_name="HBBC Leisure", team=team)
    culture = AccountFactory(display_name="HBBC Culture", team=team)
    now = timezone.now()
    posts = []
    for account, count in ((leisure, 3), (culture, 1)):
        for _ in range(count):
            posts.append(
                PostFactory(
                    account=account,
                    author=editor,
                    status=Post.Status.PUBLISHED,
                    submitted_at=now - dt.timedelta(days=5),
                    published_at=now - dt.timedelta(days=4),
                    published_by=editor,
                    published_url=f"https://www.facebook.com/{account.handle}/posts/{len(posts) + 1}",
                )
            )
    PostFinding.objects.create(post=posts[0], rule="phone-number", severity="block")
    PostFinding.objects.create(post=posts[1], rule="email-address", severity="warn")
    Post.objects.filter(pk=posts[0].pk).update(
        override_at=now - dt.timedelta(days=4),
        override_by=comms_officer,
        override_justification="The number is the leisure centre's public booking line.",
        override_rules=["phone-number"],
    )
    incident("personal_data_breach", by=dpo, summary="Spreadsheet attached to a post", aware_at=now)
    incident("other", by=comms_officer, summary="Fake account using the logo")
    return {"leisure": leisure, "culture": culture, "posts": posts}


@pytest.fixture
def report(db, comms_officer, monitoring_officer, period):
    return services.start_report(
        title="Social Media Policy and Guidelines: annual review",
        committee="Ethical Governance and Personnel Committee",
        meeting_date=timezone.localdate() + dt.timedelta(days=20),
        report_of="Director Corporate Services",
        period_start=period[0],
        period_end=period[1],
        officer=monitoring_officer,
        by=comms_officer,
    )
