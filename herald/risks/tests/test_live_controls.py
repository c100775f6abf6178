"""The live controls computed from Herald's own records: policy acknowledgements, monthly account
reports, overridden blocks and open consent takedowns (the others are in test_scoring_and_controls)."""

import datetime as dt

import pytest
from django.utils import timezone

from herald.consents.models import MediaUse, TakedownTask
from herald.consents.tests.factories import ConsentRecordFactory, account_edited_by, photo_showing
from herald.policies import services as policies
from herald.policies.models import Acknowledgement, PolicyDocument
from herald.policies.tests.factories import CampaignFactory
from herald.posts.models import Post
from herald.posts.tests.factories import PostFactory
from herald.risks import controls
from herald.social_accounts.models import MonthlyReport
from herald.social_accounts.tests.factories import AccountFactory
from testing.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_the_share_of_staff_who_acknowledged_the_current_policy_is_computed(team, employee):
    policies.install_default_documents()
    version = PolicyDocument.objects.get(slug="employee-policy").published_version
    others = [PersonFactory(team=team) for _ in range(3)]
    campaign = CampaignFactory(version=version)
    for person in (employee, others[0]):
        Acknowledgement.objects.create(
            person=person, version=version, campaign=campaign, method="read", statement="I will follow it."
        )
    staff = employee.__class__.objects.active().employees().count()
    reading = controls.read("policy_acknowledged")
    assert reading.value == round(100 * 2 / staff, 1)
    assert f"2 of {staff} staff" in reading.text and f"version {version.number}" in reading.text
    # a leaver no longer counts among the staff
    others[1].is_active = False
    others[1].save()
    assert controls.read("policy_acknowledged").value == round(100 * 2 / (staff - 1), 1)


@pytest.mark.time_machine(dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC))
def test_accounts_without_last_months_report_are_counted(comms_officer):
    october = dt.date(2026, 10, 1)
    reported = AccountFactory(activated_on=dt.date(2026, 1, 5))
    AccountFactory(activated_on=dt.date(2026, 1, 5))
    AccountFactory(activated_on=dt.date(2026, 11, 2))  # went live this month: nothing was due
    MonthlyReport.objects.create(account=reported, month=october, posts=4, reach=900, submitted_by=comms_officer)
    reading = controls.read("accounts_without_report")
    assert reading.value == 1
    assert "October 2026" in reading.text


def test_posts_published_with_an_overridden_block_in_twelve_months_are_counted(editor, comms_officer):
    now = timezone.now()

    def published(days_ago: int, overridden: bool) -> Post:
        post = PostFactory(
            author=editor,
            status=Post.Status.PUBLISHED,
            published_at=now - dt.timedelta(days=days_ago),
            published_by=editor,
            published_url=f"https://www.facebook.com/hbbc/posts/{days_ago}",
        )
        if overridden:
            Post.objects.filter(pk=post.pk).update(
                override_at=post.published_at, override_by=comms_officer, override_justification="Public number"
            )
        return post

    published(10, True)
    published(200, True)
    published(400, True)  # more than a year ago
    published(5, False)
    reading = controls.read("overridden_blocks")
    assert reading.value == 2
    assert controls.MEASURES["overridden_blocks"].meets(reading.value, 5)
    assert not controls.MEASURES["overridden_blocks"].meets(reading.value, 1)


def test_open_takedowns_after_consent_withdrawals_are_counted_with_those_overdue(editor, comms_officer):
    record = ConsentRecordFactory()
    asset = photo_showing(record, by=editor)
    now = timezone.now()
    tasks = []
    for due in (now - dt.timedelta(hours=2), now + dt.timedelta(hours=40), now - dt.timedelta(days=3)):
        account = account_edited_by(editor, name=f"Account due {due:%H%M%S%f}")
        use = MediaUse.objects.create(
            asset=asset, account=account, channel=account.platform, state="published", created_by=editor
        )
        tasks.append(TakedownTask.objects.create(use=use, record=record, due_at=due))
    done = tasks[2]
    done.completed_at, done.completed_by, done.outcome = now, comms_officer, TakedownTask.Outcome.REMOVED
    done.save()
    reading = controls.read("open_takedowns")
    assert reading.value == 2
    assert dict(reading.detail) == {"Overdue": 1}
    assert not controls.MEASURES["open_takedowns"].meets(reading.value, 0)
