"""The one door to the check engine (`herald.checking`): comments arriving on an official account are
read in the council's own context, built from the real records, as the moderation inbox will ask."""

import datetime as dt

import pytest
from django.utils import timezone

from herald import checking
from herald.elections.tests.factories import ElectionFactory
from herald.factories import CouncillorFactory
from herald.social_accounts.models import Platform
from herald.social_accounts.tests.factories import AccountFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_caches():
    checking.forget_caches()
    yield
    checking.forget_caches()


@pytest.fixture
def x_account(db):
    return AccountFactory(platform=Platform.X, display_name="HBBC on X", handle="hbbc")


def in_period(**kwargs):
    today = timezone.localdate()
    return ElectionFactory(
        poll_date=today + dt.timedelta(days=20), notice_published_on=today - dt.timedelta(days=5), **kwargs
    )


def rules(report) -> dict[str, str]:
    return {finding.rule: finding.severity for finding in report.findings}


def test_comments_are_checked_in_one_batch_against_the_members_register_and_the_councils_own_contacts(x_account):
    # given a serving councillor
    CouncillorFactory(first_name="Stuart", last_name="Bray", ward="Burbage", party="Liberal Democrat")
    # when comments arrive on the council's X account
    comments = [
        "Stuart Bray is corrupt and everyone knows it",
        "Ring them on 01455 238141, they sorted mine",
        "Call me on 07911 123456 about the fence",
        "I know where you live, watch your back",
        "Lovely photos of the park",
    ]
    checked = checking.check_incoming_comments(x_account, comments)
    # then each gets its own report, in order
    allegation, council_number, own_number, threat, kind_words = checked.reports
    assert rules(allegation) == {"allegation": "block", "councillor-named": "advice"}  # the register knows him
    assert "phone-number" not in rules(council_number)  # the council's published number
    assert rules(own_number).get("phone-number") == "block"
    assert rules(threat).get("threat") == "block"
    assert kind_words.findings == []


def test_a_comment_is_not_held_to_the_rules_for_writing_a_post(x_account):
    long_shouting = "WHY ARE THE BINS LATE AGAIN " * 20 + "#recyclingweek"
    (report,) = checking.check_incoming_comments(x_account, [long_shouting]).reports
    assert len(long_shouting) > 280
    assert not {"length", "all-caps", "hashtag-camelcase"} & set(rules(report))


def test_comments_are_read_in_the_pre_election_period_in_force(x_account):
    assert checking.check_incoming_comments(x_account, ["Hello"]).context.pre_election is False
    in_period(wards=["Burbage"])
    context = checking.check_incoming_comments(x_account, ["Hello"]).context
    assert context.pre_election is True and context.pre_election_wards == ("Burbage",)
    assert context.account == "official"


def test_a_councillor_added_while_comments_are_coming_in_is_recognised_at_once(x_account):
    comment = ["Stuart Bray opened the new play area, well done"]
    assert checking.check_incoming_comments(x_account, comment).reports[0].findings == []
    CouncillorFactory(first_name="Stuart", last_name="Bray", ward="Burbage", party="Liberal Democrat")
    assert rules(checking.check_incoming_comments(x_account, comment).reports[0]) == {"councillor-named": "advice"}
