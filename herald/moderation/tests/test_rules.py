import pytest
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.moderation import services
from herald.moderation.models import (
    Comment,
    CommentTag,
    HouseRules,
    ModerationRule,
    ModerationTeam,
    PlatformAction,
    RuleAction,
)
from herald.moderation.services import rules
from testing.factories import AccountFactory, comment

ABUSE = "You are a useless idiot and I will hurt you"


@pytest.fixture
def account(db):
    return AccountFactory()


def rule(by, alert=(), **fields):
    return services.save_rule(ModerationRule(**fields), by=by, alert=alert)


def test_a_rule_tags_assigns_and_sets_priority_when_all_its_conditions_hold(account, comms_officer):
    team = ModerationTeam.objects.create(name="Waste team")
    rule(
        comms_officer,
        name="Bins",
        keywords=["bin", "tip"],
        platform="facebook",
        tag="waste",
        assign_team=team,
        set_priority=3,
    )

    bins = comment(account, "My bin was not collected again")
    other = comment(account, "Lovely park, thank you")
    on_x = comment(AccountFactory(platform="x"), "My bin was not collected", platform="x")

    bins.refresh_from_db()
    assert [t.tag for t in bins.tags.all()] == ["waste"]
    assert bins.team == team and bins.priority == 3
    assert not other.tags.exists() and not on_x.tags.exists()
    assert AuditEvent.objects.filter(action="moderation.rule_acted", object_id=str(bins.pk)).count() == 3


@pytest.mark.parametrize(
    ("fields", "text", "hit"),
    [
        ({"categories": ["offensive"]}, ABUSE, True),
        ({"categories": ["offensive"]}, "Thanks for the help", False),
        ({"min_severity": "block"}, ABUSE, True),
        ({"min_severity": "block"}, "What time is it open?", False),
        ({"check_rules": ["threat"]}, ABUSE, True),
        ({"has_link": True}, "Cheap deals at www.bargains.example.com", True),
        ({"has_link": True}, "No links here", False),
        ({"has_link": False}, "No links here", True),
        ({"language": "cy"}, "Diolch yn fawr iawn am y gwasanaeth, mae hyn yn wych", True),
        ({"language": "cy"}, "Thank you for the service, this is great", False),
        ({"pre_election": True}, "Hello", False),
        ({"pre_election": False}, "Hello", True),
        ({"keywords": ["tip"]}, "The multiple tips", False),
    ],
)
def test_each_condition_is_asked(account, comms_officer, fields, text, hit):
    rule(comms_officer, name="R", tag="matched", **fields)
    found = comment(account, text)
    assert found.tags.filter(tag="matched").exists() is hit


def test_author_and_account_conditions(account, comms_officer):
    first = comment(account, "First")
    rule(comms_officer, name="This author here", tag="watched", author=first.author, account=account)
    again = comment(account, "Again", author_platform_id=first.author.platform_user_id)
    elsewhere = comment(AccountFactory(), "Elsewhere", author_platform_id=first.author.platform_user_id)
    assert again.tags.filter(tag="watched").exists()
    assert not elsewhere.tags.exists()


def test_a_hiding_rule_only_proposes_until_an_administrator_allows_it(account, comms_officer, system_admin):
    hider = rule(comms_officer, name="Threats", check_rules=["threat"], hide=True, hide_reason="threat")

    first = comment(account, ABUSE)
    first.refresh_from_db()
    assert first.status == Comment.Status.NEW
    assert first.tags.filter(tag=rules.PROPOSED_HIDE_TAG).exists()

    with pytest.raises(Refused, match="system administrator"):
        services.allow_automatic_hiding(hider, by=comms_officer, allow=True)
    services.allow_automatic_hiding(hider, by=system_admin, allow=True)

    second = comment(account, ABUSE + " soon")
    second.refresh_from_db()
    assert second.status == Comment.Status.HIDDEN
    kept = second.evidence.get()
    assert kept.rule_name == "Threats" and kept.reason == "threat" and kept.taken_by is None


def test_a_rule_proposes_hiding_while_the_platform_is_still_answering_for_that_comment(
    account, comms_officer, system_admin
):
    # given a comment the platform has been asked to show again and has not yet answered for
    waiting = comment(account, ABUSE)
    PlatformAction.objects.create(comment=waiting, action=PlatformAction.Action.UNHIDE, sending_since=timezone.now())
    other = comment(account, ABUSE + " tonight")
    hider = rule(comms_officer, name="Threats", check_rules=["threat"], hide=True, hide_reason="threat")
    services.allow_automatic_hiding(hider, by=system_admin, allow=True)

    # when the rules run over both (as when their text changes on the platform)
    rules.run_rules([waiting, other])

    # then the waiting one is proposed for hiding, not hidden, and the other is still hidden
    waiting.refresh_from_db()
    other.refresh_from_db()
    assert waiting.status == Comment.Status.NEW and not waiting.evidence.exists()
    assert waiting.tags.filter(tag=rules.PROPOSED_HIDE_TAG).exists()
    assert RuleAction.objects.filter(comment=waiting, kind=RuleAction.Kind.PROPOSE_HIDE).exists()
    assert other.status == Comment.Status.HIDDEN


def test_changing_a_hiding_rule_withdraws_the_permission_to_hide(account, comms_officer, system_admin):
    hider = rule(comms_officer, name="Threats", check_rules=["threat"], hide=True, hide_reason="threat")
    services.allow_automatic_hiding(hider, by=system_admin, allow=True)

    hider.keywords = ["anything"]
    services.save_rule(hider, by=comms_officer)

    hider.refresh_from_db()
    assert not hider.may_hide


def test_every_automatic_action_can_be_undone(account, comms_officer, system_admin):
    team = ModerationTeam.objects.create(name="Safety")
    hider = rule(
        comms_officer,
        name="Threats",
        check_rules=["threat"],
        tag="threat",
        assign_team=team,
        set_priority=4,
        hide=True,
        hide_reason="threat",
    )
    services.allow_automatic_hiding(hider, by=system_admin, allow=True)
    found = comment(account, ABUSE)

    for action in RuleAction.objects.filter(comment=found):
        services.reverse_rule_action(action, by=comms_officer)

    found.refresh_from_db()
    assert found.status == Comment.Status.NEW
    assert found.team is None
    assert not CommentTag.objects.filter(comment=found).exists()
    assert found.evidence.count() == 1  # the evidence stays
    assert not RuleAction.objects.filter(comment=found, reversed_at=None).exists()


def test_a_rule_can_alert_someone(account, comms_officer, editor, mailoutbox, django_capture_on_commit_callbacks):
    rule(comms_officer, alert=[editor], name="Mentions of the leader", keywords=["leader"])
    with django_capture_on_commit_callbacks(execute=True):
        found = comment(account, "Where is the leader of the council?")
    message = mailoutbox[-1]
    assert message.to == [editor.email]
    assert message.subject == f'A comment on {account} matched the rule "Mentions of the leader"'
    assert "Where is the leader of the council?" in message.body
    alert = RuleAction.objects.get(comment=found, kind="alert")
    with pytest.raises(Refused, match="cannot be undone"):
        services.reverse_rule_action(alert, by=comms_officer)


def test_a_rule_needs_a_condition_and_an_action(comms_officer):
    with pytest.raises(Refused, match="at least one condition"):
        services.save_rule(ModerationRule(name="Everything", tag="x"), by=comms_officer)
    with pytest.raises(Refused, match="at least one action"):
        services.save_rule(ModerationRule(name="Nothing", keywords=["x"]), by=comms_officer)


def test_house_rules_are_drafted_published_and_kept_as_history(comms_officer):
    first = services.save_house_rules_draft(body="# Our rules\nBe kind.", change_summary="First", by=comms_officer)
    services.publish_house_rules(first, by=comms_officer)
    second = services.save_house_rules_draft(
        body="# Our rules\nBe kind. No spam.", change_summary="Spam", by=comms_officer
    )

    assert rules.published_house_rules() == first
    services.publish_house_rules(second, by=comms_officer)

    first.refresh_from_db()
    assert first.status == HouseRules.Status.SUPERSEDED
    assert rules.published_house_rules() == second
    second.refresh_from_db()
    assert second.number == 2 and second.published_at <= timezone.now()


def test_a_rule_given_the_name_of_another_is_refused_with_a_reason_and_the_first_is_unchanged(comms_officer):
    rule(comms_officer, name="Bins", keywords=["bin"], tag="waste")
    with pytest.raises(Refused, match="already a rule called") as refused:
        rule(comms_officer, name="Bins", keywords=["tip"], tag="tip")
    assert "name" in refused.value.message_dict
    parks = rule(comms_officer, name="Parks", keywords=["park"], tag="parks")
    parks.name = "Bins"
    with pytest.raises(Refused, match="already a rule called"):
        services.save_rule(parks, by=comms_officer)
    assert ModerationRule.objects.get(name="Bins").keywords == ["bin"]
