"""Facebook tells Herald when a comment it delivered is edited or removed by its author: the `feed`
field's comment changes with `verb` "edited" (the new `message`) and "remove", in Meta's documented
format, signed with X-Hub-Signature-256 and posted to Herald's real webhook address. (Instagram's
`comments` field reports new comments only: it sends no edits or removals.)"""

import copy
import datetime as dt
import json

import pytest

from herald.audit.models import AuditEvent
from herald.connectors.models import CommentOrigin, RawEvent
from herald.connectors.tests.test_webhooks import accounts, facebook_comment, post, read_queued, signed_meta
from herald.moderation.models import Comment, CommentEdit, CommentFlag, Reply
from herald.moderation.services import cases, evidence, replies
from herald.moderation.services.classification import classify_comments

pytestmark = pytest.mark.django_db
__all__ = ["accounts"]  # the fixture, shared with the webhook tests

QUESTION = "When is the green bin collection in Burbage?"
THREAT = "When is the green bin collection? I know where the bin man lives."
ID = "104958372615_998877_1122"


def fb_signed(body):
    return signed_meta(body, "fb-app-secret")


def _changed(verb: str, *, message: str | None = None, time: int = 1767609600) -> dict:
    """The same comment, as Meta reports a change to it: the entry's time is when it changed."""
    delivery = copy.deepcopy(facebook_comment(ID, QUESTION))
    entry = delivery["entry"][0]
    entry["time"] = time
    entry["changes"] = [entry["changes"][0]]
    value = entry["changes"][0]["value"]
    value["verb"] = verb
    if message is None:
        value.pop("message")
    else:
        value["message"] = message
    return delivery


@pytest.fixture
def received(client, accounts):
    assert post(client, "facebook", facebook_comment(ID, QUESTION), fb_signed).status_code == 200
    read_queued()
    return Comment.objects.get(platform_id=ID)


def test_an_edit_replaces_the_text_keeps_the_old_one_and_is_checked_again(client, received, comms_officer):
    assert received.text == QUESTION and not received.flags.exists()
    # when its author edits it to say something threatening
    assert post(client, "facebook", _changed("edited", message=THREAT), fb_signed).status_code == 200
    read_queued()
    # then the comment reads as it does now, and the earlier text is kept
    received.refresh_from_db()
    assert received.text == THREAT and received.edited_at is not None
    assert [e.previous_text for e in CommentEdit.objects.filter(comment=received)] == [QUESTION]
    # and it was checked again: the threat is flagged
    assert received.flags.filter(kind=CommentFlag.Kind.THREAT).exists()
    event = AuditEvent.objects.for_object(received).get(action="moderation.comment_edited_on_platform")
    assert event.actor is None and "earlier text is kept" in event.reason
    # and a moderator sees both on the comment's page, dated the UK's way
    client.force_login(comms_officer)
    page = client.get(f"/inbox/comments/{received.pk}/").content.decode()
    assert "Edited by its author on Facebook" in page and QUESTION in page
    assert "Until 5 January 2026 at 10:40am it read:" in page


def test_the_same_edit_delivered_twice_is_recorded_once(client, received):
    for _ in range(2):
        body = json.dumps(_changed("edited", message=THREAT)).encode() + b" " * _
        post(client, "facebook", body, fb_signed)
    read_queued()
    assert CommentEdit.objects.filter(comment=received).count() == 1


def test_a_removal_by_its_author_drops_the_text_and_withdraws_waiting_replies(client, received, comms_officer):
    # given a reply waiting for approval
    replies.set_reply_approval(received.account, requires=True, by=comms_officer)
    reply = replies.write_reply(received, by=comms_officer, text="Tuesdays, every fortnight.", seen_latest=0)
    assert reply.status == Reply.Status.AWAITING_APPROVAL
    # when its author removes it on Facebook
    assert post(client, "facebook", _changed("remove"), fb_signed).status_code == 200
    read_queued()
    # then it is marked removed on the platform, and nothing needing it, its text is no longer kept
    received.refresh_from_db()
    assert received.removed_by_author_at is not None and received.status == Comment.Status.DELETED
    assert received.text_dropped and QUESTION not in received.text
    origin = CommentOrigin.objects.get(comment=received)
    assert "message" not in origin.raw and QUESTION not in origin.raw_event.body
    # and the waiting reply is withdrawn, with the reason
    reply.refresh_from_db()
    assert reply.status == Reply.Status.WITHDRAWN and "its author removed the comment" in reply.withdrawn_reason
    client.force_login(comms_officer)
    page = client.get(f"/inbox/comments/{received.pk}/").content.decode()
    assert "Its author removed this comment from Facebook on 5 January 2026" in page
    assert "Herald no longer keeps its text" in page


def test_a_flagged_comment_removed_by_its_author_is_kept_as_evidence(client, accounts, comms_officer):
    assert post(client, "facebook", facebook_comment(ID, THREAT), fb_signed).status_code == 200
    read_queued()
    threat = Comment.objects.get(platform_id=ID)
    classify_comments([threat.pk])  # as the task queue does once the delivery is read
    assert threat.flags.filter(kind=CommentFlag.Kind.THREAT).exists()
    post(client, "facebook", _changed("remove"), fb_signed)
    read_queued()
    threat.refresh_from_db()
    assert threat.removed_by_author_at is not None and threat.text == THREAT and not threat.text_dropped
    assert AuditEvent.objects.for_object(threat).get(action="moderation.comment_removed_by_author").after["text_kept"]


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC))
def test_a_comment_its_author_was_blocked_for_keeps_its_text_when_removed(client, received, comms_officer):
    # given the author blocked for this comment (the sanction names it: the comment is its evidence)
    cases.sanction_author(received.author, kind="block", by=comms_officer, reason="Abusive comment", comment=received)
    # when the author removes it on Facebook
    post(client, "facebook", _changed("remove"), fb_signed)
    read_queued()
    # then the words the block rests on are still there
    received.refresh_from_db()
    assert received.removed_by_author_at is not None and received.text == QUESTION and not received.text_dropped
    assert QUESTION in CommentOrigin.objects.get(comment=received).raw_event.body


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC))
def test_a_comment_herald_hid_keeps_its_text_when_removed_after_its_snapshot_expired(
    client, received, comms_officer, settings
):
    # given a comment Herald hid, whose evidence snapshot's retention has since ended
    settings.MODERATION_EVIDENCE_KEEP_DAYS = -2  # kept until two days before it was taken: its time is up
    evidence.hide_comment(received, by=comms_officer, reason="abuse")
    assert evidence.remove_expired_evidence(today=dt.date(2026, 1, 5)) == 1
    # when the author removes it on Facebook
    post(client, "facebook", _changed("remove"), fb_signed)
    read_queued()
    # then what the council hid is still on record
    received.refresh_from_db()
    assert received.removed_by_author_at is not None and received.text == QUESTION and not received.text_dropped


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC))
def test_an_earlier_edit_delivered_late_goes_into_the_history_not_over_the_newer_text(client, received):
    # given the author's second edit (10:41:40) delivered first
    post(client, "facebook", _changed("edited", message="Second version", time=1767609700), fb_signed)
    read_queued()
    # when Facebook delivers the first edit (10:40:50) late
    post(client, "facebook", _changed("edited", message="First version", time=1767609650), fb_signed)
    read_queued()
    # then the comment still reads as the latest edit left it, and the history is in order
    received.refresh_from_db()
    assert received.text == "Second version"
    assert received.edited_at == dt.datetime(2026, 1, 5, 10, 41, 40, tzinfo=dt.UTC)
    history = [(e.previous_text, e.replaced_at.time()) for e in CommentEdit.objects.filter(comment=received)]
    assert history == [(QUESTION, dt.time(10, 40, 50)), ("First version", dt.time(10, 41, 40))]


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC))
def test_a_removal_drops_the_edited_text_from_the_delivery_that_carried_the_edit(client, received):
    edited = "Edited words that only the edit's delivery carried"
    post(client, "facebook", _changed("edited", message=edited), fb_signed)
    read_queued()
    post(client, "facebook", _changed("remove"), fb_signed)
    read_queued()
    received.refresh_from_db()
    assert received.text_dropped
    # no delivery Herald keeps still holds any of the removed comment's words
    bodies = list(RawEvent.objects.values_list("body", flat=True))
    assert len(bodies) == 3 and not [body for body in bodies if edited in body or QUESTION in body]


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC))
def test_an_edit_delivered_after_the_removal_is_not_kept_either(client, received):
    post(client, "facebook", _changed("remove"), fb_signed)
    read_queued()
    post(client, "facebook", _changed("edited", message="Too late", time=1767609700), fb_signed)
    read_queued()
    assert not RawEvent.objects.filter(body__contains="Too late").exists()


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC))
def test_an_undated_change_is_dated_by_its_delivery_and_the_new_comments_beside_it_are_kept(client, received):
    # given a delivery with an edit Meta sent without a time, beside a new comment
    delivery = _changed("edited", message="Edited, undated")
    entry = delivery["entry"][0]
    del entry["time"]
    entry["changes"][0]["value"].pop("created_time")
    entry["changes"].append(
        copy.deepcopy(facebook_comment("104958372615_998877_3344", "A new question"))["entry"][0]["changes"][0]
    )
    assert post(client, "facebook", delivery, fb_signed).status_code == 200
    read_queued()
    # then the delivery is read: the new comment is in the inbox and the edit is dated when it arrived
    assert Comment.objects.get(platform_id="104958372615_998877_3344").text == "A new question"
    received.refresh_from_db()
    assert received.text == "Edited, undated"
    arrived = RawEvent.objects.get(body__contains="Edited, undated").received_at
    assert received.edited_at == arrived and arrived.date() == dt.date(2026, 1, 5)
