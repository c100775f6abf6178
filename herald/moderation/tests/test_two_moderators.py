"""Two people working one comment at once: whoever acts second acts on the comment as it is now, not as
it was when their page was drawn."""

import pytest

from herald.errors import Refused
from herald.moderation import services
from herald.moderation.models import Comment, CommentFlag
from testing.factories import AccountFactory, PersonFactory, comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def account(team):
    return AccountFactory(platform="facebook", display_name="Hinckley Leisure Centre", team=team)


@pytest.fixture
def colleague(db):
    return PersonFactory(roles=["comms"])


def test_a_status_set_from_a_page_drawn_before_a_colleague_hid_the_comment_is_refused(
    comms_officer, colleague, account
):
    # given one moderator has the comment's page open (their copy says it is new)
    found = comment(account, "You lot are useless, I know where you live")
    on_my_page = Comment.objects.get(pk=found.pk)
    # when a colleague hides it, keeping the evidence
    services.hide_comment(Comment.objects.get(pk=found.pk), by=colleague, reason="threat")
    # then marking it replied from the old page is refused, and it stays hidden
    with pytest.raises(Refused, match="hidden or deleted"):
        services.set_status(on_my_page, by=comms_officer, status="replied")
    assert Comment.objects.get(pk=found.pk).status == Comment.Status.HIDDEN


def test_assigning_from_a_page_drawn_before_a_colleague_hid_the_comment_leaves_it_hidden(
    comms_officer, colleague, account
):
    found = comment(account, "You lot are useless, I know where you live")
    on_my_page = Comment.objects.get(pk=found.pk)
    services.hide_comment(Comment.objects.get(pk=found.pk), by=colleague, reason="threat")

    services.assign_comment(on_my_page, by=comms_officer, to=comms_officer)

    stored = Comment.objects.get(pk=found.pk)
    assert (stored.status, stored.assignee) == (Comment.Status.HIDDEN, comms_officer)


def test_the_first_reply_time_is_not_moved_by_a_second_moderator_with_an_old_page(comms_officer, colleague, account):
    found = comment(account, "When does the pool open?")
    on_my_page = Comment.objects.get(pk=found.pk)
    services.set_status(Comment.objects.get(pk=found.pk), by=colleague, status="replied")
    first = Comment.objects.get(pk=found.pk).first_handled_at

    services.set_status(on_my_page, by=comms_officer, status="no_action")

    assert Comment.objects.get(pk=found.pk).first_handled_at == first


def test_a_flag_closed_by_a_colleague_cannot_be_closed_again_from_an_old_page(comms_officer, colleague, account):
    found = comment(account, "When does the pool open?")
    flag = services.raise_flag(found, by=colleague, kind=CommentFlag.Kind.COMPLAINT)
    on_my_page = CommentFlag.objects.get(pk=flag.pk)
    services.close_flag(CommentFlag.objects.get(pk=flag.pk), by=colleague, outcome="Logged as complaint 2026/88")

    with pytest.raises(Refused, match="already closed"):
        services.close_flag(on_my_page, by=comms_officer, outcome="Not a complaint")
    assert CommentFlag.objects.get(pk=flag.pk).outcome == "Logged as complaint 2026/88"
