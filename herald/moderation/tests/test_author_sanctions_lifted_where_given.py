"""A block shows to everyone who works one of the author's accounts, but only whoever works the account it
was given on (or communications) lifts it: a moderator of one account does not unblock an author for all.
The comment's own page shows its author as the author's page does to the same person: the pattern of abuse
and the warnings and strikes from the accounts they work."""

import pytest
from django.urls import reverse

from herald.moderation.services import cases
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def author_on_two_accounts(editor):
    ours = AccountFactory(display_name="HBBC Leisure", editors=[editor])
    theirs = AccountFactory(display_name="HBBC Housing")
    first = comment(ours, "You are a useless idiot")
    same = {"author_platform_id": first.author.platform_user_id}
    elsewhere = [comment(theirs, "You are scum", **same), comment(theirs, "Useless idiots the lot of you", **same)]
    return first, elsewhere


@pytest.mark.parametrize("given_for", ["housing comment", "no comment"])
def test_a_block_given_elsewhere_shows_but_is_not_lifted_by_another_accounts_editor(
    client, editor, comms_officer, author_on_two_accounts, given_for
):
    first, elsewhere = author_on_two_accounts
    # given comms blocked the author over the housing account (or before sanctions named their comment)
    on = elsewhere[0] if given_for == "housing comment" else None
    block = cases.sanction_author(first.author, kind="block", by=comms_officer, reason="Repeated abuse", comment=on)
    client.force_login(editor)
    # when the leisure account's editor opens the author's page, then the block shows without a way to lift it
    page = client.get(reverse("moderation:author", args=[first.author.pk])).content.decode()
    assert "Repeated abuse" in page
    assert reverse("moderation:lift_sanction", args=[block.pk]) not in page
    # and a lift posted anyway is refused, the block still in force
    answer = client.post(reverse("moderation:lift_sanction", args=[block.pk]), {"reason": "Seems fine to me"})
    assert answer.status_code == 403
    block.refresh_from_db()
    assert block.lifted_at is None
    # while a strike given for the leisure comment is theirs to lift
    strike = cases.sanction_author(first.author, kind="strike", by=comms_officer, reason="Insults", comment=first)
    client.post(reverse("moderation:lift_sanction", args=[strike.pk]), {"reason": "Apologised"})
    strike.refresh_from_db()
    assert strike.lifted_at is not None


def test_the_comment_page_shows_the_author_as_the_viewers_accounts_know_them(
    client, editor, comms_officer, author_on_two_accounts
):
    first, elsewhere = author_on_two_accounts
    cases.sanction_author(
        first.author, kind="strike", by=comms_officer, reason="Abuse of housing staff", comment=elsewhere[0]
    )
    url = reverse("moderation:detail", args=[first.pk])
    # when the leisure editor opens the leisure comment: one abusive comment there, and no housing strike
    client.force_login(editor)
    page = client.get(url).content.decode()
    assert "Pattern of abuse" not in page
    assert "Abuse of housing staff" not in page
    # while comms see the pattern across accounts, and the strike
    client.force_login(comms_officer)
    page = client.get(url).content.decode()
    assert "Pattern of abuse" in page
    assert "Abuse of housing staff" in page
