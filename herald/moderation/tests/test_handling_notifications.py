"""Every message handling sends, through the real services: who gets it, its subject and its words."""

import pytest

from herald.moderation import services
from herald.moderation.models import ModerationRule
from herald.moderation.services import replies
from testing.factories import AccountFactory, CouncillorFactory, comment


@pytest.fixture
def account(db):
    return AccountFactory()


def test_reply_to_approve_goes_to_comms_not_the_writer(
    account, editor, comms_officer, mailoutbox, django_capture_on_commit_callbacks
):
    replies.set_reply_approval(account, requires=True, by=comms_officer)
    question = comment(account, "When is the library open?")
    with django_capture_on_commit_callbacks(execute=True):
        services.write_reply(question, by=editor, text="From 9am to 5pm.", seen_latest=0)
    [message] = [m for m in mailoutbox if m.subject.startswith("Reply to approve")]
    assert message.to == [comms_officer.email]
    assert "From 9am to 5pm." in message.body and "When is the library open?" in message.body


def test_rule_alert(account, comms_officer, editor, mailoutbox, django_capture_on_commit_callbacks):
    services.save_rule(ModerationRule(name="Library", keywords=["library"]), by=comms_officer, alert=[editor])
    with django_capture_on_commit_callbacks(execute=True):
        comment(account, "The library roof leaks")
    [message] = mailoutbox
    assert message.to == [editor.email]
    assert message.subject == f'A comment on {account} matched the rule "Library"'
    assert "The library roof leaks" in message.body


def test_abuse_case_to_the_monitoring_officer_and_the_councillor(
    account, monitoring_officer, mailoutbox, django_capture_on_commit_callbacks
):
    bray = CouncillorFactory(first_name="Stuart", last_name="Bray")
    with django_capture_on_commit_callbacks(execute=True):
        comment(account, "Stuart Bray is a disgrace and a moron")
    # (the monitoring officer is also told of the "abuse or threat" incident the case opens)
    to_team = next(m for m in mailoutbox if m.to == [monitoring_officer.email] and "abuse case" in m.subject)
    to_councillor = next(m for m in mailoutbox if m.to == [bray.email])
    assert to_team.subject == f"New councillor-abuse case: {bray.full_name}"
    assert "Stuart Bray is a disgrace and a moron" in to_team.body
    assert to_councillor.subject == "A comment aimed at you on the council's social media"
    assert "monitoring officer's team has opened a case" in to_councillor.body
    # The councillor is not sent the abusive words themselves.
    assert "moron" not in to_councillor.body
