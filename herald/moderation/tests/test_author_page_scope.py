"""An author's page shows someone who works one account only what the author did there: the pattern of
abuse counts the abusive comments on the accounts they work, and the warnings, strikes and blocks are
those given for comments they work (a block, on the author everywhere, shows to all)."""

import pytest
from django.urls import reverse

from herald.moderation.models import AuthorSanction
from herald.moderation.services import cases
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def author_on_two_accounts(editor):
    """One author: one abusive comment on the editor's account, two on an account the editor does not work."""
    ours = AccountFactory(display_name="HBBC Leisure", editors=[editor])
    theirs = AccountFactory(display_name="HBBC Housing")
    first = comment(ours, "You are a useless idiot")
    same = {"author_platform_id": first.author.platform_user_id}
    elsewhere = [comment(theirs, "You are scum", **same), comment(theirs, "Useless idiots the lot of you", **same)]
    return first, elsewhere


def test_someone_working_one_account_sees_only_its_abuse_and_sanctions(
    client, editor, comms_officer, author_on_two_accounts
):
    first, elsewhere = author_on_two_accounts
    author = first.author
    # given comms gave a strike for a comment on the housing account, and blocked the author
    cases.sanction_author(
        author, kind="strike", by=comms_officer, reason="Abuse of housing staff", comment=elsewhere[0]
    )
    cases.sanction_author(author, kind="block", by=comms_officer, reason="Repeated abuse")
    url = reverse("moderation:author", args=[author.pk])
    # when the leisure account's editor opens the author's page
    client.force_login(editor)
    page = client.get(url).content.decode()
    # then one abusive comment is no pattern there, and the housing strike is not listed; the block is
    assert "Pattern of abuse" not in page
    assert "Abuse of housing staff" not in page
    assert "Repeated abuse" in page
    # and they cannot lift the strike they cannot see
    strike = author.sanctions.get(kind="strike")
    assert client.post(reverse("moderation:lift_sanction", args=[strike.pk]), {"reason": "x"}).status_code == 403
    # while comms, who see every account, see all three comments as a pattern, and the strike
    client.force_login(comms_officer)
    page = client.get(url).content.decode()
    assert "Pattern of abuse: 3 abusive comments from this author." in page
    assert "Abuse of housing staff" in page


def test_a_warning_given_on_the_author_page_is_for_the_accounts_its_giver_works(
    client, editor, comms_officer, author_on_two_accounts
):
    first, _ = author_on_two_accounts
    client.force_login(editor)
    client.post(reverse("moderation:author", args=[first.author.pk]), {"kind": "warning", "reason": "Name-calling"})
    warning = AuthorSanction.objects.get(kind="warning")
    assert warning.comment == first
