"""Facebook reports what the council's page does to a comment as it reports its author's changes: a
`feed` change with `verb` "remove", "hide" or "unhide", whose `from` names who did it (the page's own id
when the page did). The page may act outside Herald (an admin in Meta's tools) or through Herald, whose
own hide, show or deletion comes back the same way and must not be counted twice or put down to
someone outside Herald. Payloads in Meta's documented format, signed and posted to Herald's webhook."""

import copy
import datetime as dt

import pytest

from herald.audit.models import AuditEvent
from herald.connectors.tests.servers import FakeApi
from herald.connectors.tests.test_webhooks import facebook_comment, post, read_queued, signed_meta
from herald.moderation.models import Comment, PlatformAction, Reply
from herald.moderation.services import evidence, replies
from testing.factories import AccountFactory

pytestmark = pytest.mark.django_db

PAGE = "104958372615"
ID = "104958372615_998877_1122"
QUESTION = "When is the green bin collection in Burbage?"
REPLY_ID = "104958372615_998877_5566"
# The entry's time in the changes below: 5 January 2026 at 10:40:00 UTC.
CHANGED_AT = 1767609600


def fb_signed(body):
    return signed_meta(body, "fb-app-secret")


def change(verb: str, *, by_page: bool, time: int = CHANGED_AT) -> dict:
    """The comment as Meta reports a change to it; `from` is the page when the page made the change."""
    delivery = copy.deepcopy(facebook_comment(ID, QUESTION))
    entry = delivery["entry"][0]
    entry["time"] = time
    entry["changes"] = [entry["changes"][0]]
    value = entry["changes"][0]["value"]
    value["verb"] = verb
    value.pop("message")
    if by_page:
        value["from"] = {"id": PAGE, "name": "Hinckley & Bosworth Borough Council"}
    return delivery


def success(request):
    return 200, {"success": True}


@pytest.fixture
def graph():
    routes = {("POST", f"/{ID}"): success, ("DELETE", f"/{ID}"): success}
    routes[("POST", f"/{ID}/comments")] = lambda request: (200, {"id": REPLY_ID})  # the page's reply, sent by Herald
    with FakeApi(routes) as api:
        yield api


@pytest.fixture
def received(client, secrets, graph):
    AccountFactory(platform="facebook", handle="HinckleyBosworthBC")
    secrets(
        {
            "platforms": {
                "facebook": {"app_secret": "fb-app-secret", "verify_token": "herald-verify-123", "graph_url": graph.url}
            },
            "accounts": {"facebook:HinckleyBosworthBC": {"account_id": PAGE, "access_token": "page-token"}},
        }
    )
    assert post(client, "facebook", facebook_comment(ID, QUESTION), fb_signed).status_code == 200
    read_queued()
    return Comment.objects.get(platform_id=ID)


def deliver(client, payload):
    assert post(client, "facebook", payload, fb_signed).status_code == 200
    read_queued()


def actions(comment):
    return list(AuditEvent.objects.for_object(comment).order_by("pk").values_list("action", flat=True))


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC))
def test_a_comment_the_page_removed_outside_herald_is_recorded_as_removed_by_the_page(client, received, comms_officer):
    # given a reply waiting for approval
    replies.set_reply_approval(received.account, requires=True, by=comms_officer)
    reply = replies.write_reply(received, by=comms_officer, text="Tuesdays, every fortnight.", seen_latest=0)
    # when a page admin removes the comment in Meta's own tools
    deliver(client, change("remove", by_page=True))
    # then Herald records the page removing it, not its author, and keeps its text (the council acted on it)
    received.refresh_from_db()
    assert received.removed_by_author_at is None
    assert received.removed_by_page_at == dt.datetime(2026, 1, 5, 10, 40, tzinfo=dt.UTC)
    assert received.status == Comment.Status.DELETED and received.text == QUESTION and not received.text_dropped
    assert "moderation.comment_removed_by_author" not in actions(received)
    event = AuditEvent.objects.for_object(received).get(action="moderation.comment_removed_by_page")
    assert event.actor is None and "outside Herald" in event.reason
    reply.refresh_from_db()
    assert reply.status == Reply.Status.WITHDRAWN and "the council's page removed the comment" in reply.withdrawn_reason
    # and the moderator reads it so on the comment's page
    client.force_login(comms_officer)
    page = client.get(f"/inbox/comments/{received.pk}/").content.decode()
    assert "The council's page removed this comment from Facebook, outside Herald, on 5 January 2026" in page
    assert "Its author removed" not in page


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC))
def test_a_removal_by_the_commenter_still_reads_as_removed_by_its_author(client, received):
    deliver(client, change("remove", by_page=False))
    received.refresh_from_db()
    assert received.removed_by_author_at is not None and received.removed_by_page_at is None


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 39, 30, tzinfo=dt.UTC))
def test_heralds_own_hide_echoed_back_by_facebook_is_not_recorded_again_as_done_outside_herald(
    client, received, comms_officer, committed, graph
):
    # given a moderator hid the comment through Herald, and Facebook did it
    with committed():
        evidence.hide_comment(received, by=comms_officer, reason="abuse")
    assert received.platform_actions.get().status == PlatformAction.Status.DONE
    assert [seen.form()["is_hidden"] for seen in graph.seen] == ["true"]
    # when Facebook reports the hide back, half a minute later
    deliver(client, change("hide", by_page=True))
    # then it is Herald's own hide, recorded once, and nobody outside Herald is said to have hidden it
    recorded = actions(received)
    assert recorded.count("moderation.comment_hidden_on_platform") == 1
    assert "moderation.comment_hidden_outside_herald" not in recorded
    received.refresh_from_db()
    assert received.status == Comment.Status.HIDDEN and received.hidden_on_platform_at is None


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 39, 30, tzinfo=dt.UTC))
def test_heralds_own_deletion_echoed_back_is_not_a_removal_by_the_page_or_its_author(
    client, received, comms_officer, committed
):
    with committed():
        evidence.delete_comment(received, by=comms_officer, reason="threat")
    deliver(client, change("remove", by_page=True))
    received.refresh_from_db()
    assert received.status == Comment.Status.DELETED
    assert received.removed_by_page_at is None and received.removed_by_author_at is None
    recorded = actions(received)
    assert "moderation.comment_removed_by_page" not in recorded
    assert "moderation.comment_removed_by_author" not in recorded


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC))
def test_a_hide_long_after_heralds_own_show_is_someone_on_the_page(client, received, comms_officer, committed):
    # given Herald hid the comment and showed it again at 9:00, over an hour before the page hid it at 10:40
    with committed():
        evidence.hide_comment(received, by=comms_officer, reason="abuse")
    with committed():
        evidence.unhide_comment(received, by=comms_officer, reason="Hidden by mistake")
    deliver(client, change("hide", by_page=True))
    received.refresh_from_db()
    assert received.status == Comment.Status.HIDDEN
    assert "moderation.comment_hidden_outside_herald" in actions(received)


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC))
def test_a_hide_and_show_on_the_page_outside_herald_are_followed_in_the_inbox(client, received, comms_officer):
    client.force_login(comms_officer)
    assert received.status == Comment.Status.NEW
    # when a page admin hides the comment in Meta's own tools
    deliver(client, change("hide", by_page=True))
    # then the inbox shows it hidden, said to be done outside Herald, and the hidden filter finds it
    received.refresh_from_db()
    assert received.status == Comment.Status.HIDDEN
    event = AuditEvent.objects.for_object(received).get(action="moderation.comment_hidden_outside_herald")
    assert event.actor is None and event.after == {"status": "hidden"} and "outside Herald" in event.reason
    page = client.get(f"/inbox/comments/{received.pk}/").content.decode()
    assert "Hidden on Facebook by the council's page, outside Herald, on 5 January 2026 at 10:40am" in page
    assert f"/inbox/comments/{received.pk}/" in client.get("/inbox/", {"status": "hidden"}).content.decode()
    assert f"/inbox/comments/{received.pk}/" not in client.get("/inbox/").content.decode()
    # and the same hide delivered again changes nothing more
    deliver(client, change("hide", by_page=True, time=CHANGED_AT + 5))
    assert actions(received).count("moderation.comment_hidden_outside_herald") == 1
    # when it is shown again there, it is back in the queue as it was
    deliver(client, change("unhide", by_page=True, time=CHANGED_AT + 60))
    received.refresh_from_db()
    assert received.status == Comment.Status.NEW and received.hidden_on_platform_at is None
    assert "moderation.comment_unhidden_outside_herald" in actions(received)
    assert f"/inbox/comments/{received.pk}/" in client.get("/inbox/").content.decode()


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 39, 30, tzinfo=dt.UTC))
def test_a_hide_on_the_page_after_it_showed_heralds_hidden_comment_again_is_followed(
    client, received, comms_officer, committed
):
    # given Herald hid the comment, Facebook echoed that back, then a page admin showed it again in Meta's tools
    with committed():
        evidence.hide_comment(received, by=comms_officer, reason="abuse")
    deliver(client, change("hide", by_page=True))
    deliver(client, change("unhide", by_page=True, time=CHANGED_AT + 60))
    received.refresh_from_db()
    assert received.status == Comment.Status.NEW
    # when the admin hides it again there, minutes after Herald's own hide
    deliver(client, change("hide", by_page=True, time=CHANGED_AT + 120))
    # then that is someone on the page, not Herald's earlier hide echoed back: the inbox shows it hidden
    received.refresh_from_db()
    assert received.status == Comment.Status.HIDDEN
    assert actions(received).count("moderation.comment_hidden_outside_herald") == 1


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC))
def test_showing_in_herald_a_comment_the_page_hid_outside_herald_puts_it_back_as_it_was(
    client, received, comms_officer, committed
):
    from herald.moderation import services

    # given a moderator had taken the comment on, then a page admin hid it in Meta's own tools
    services.assign_comment(received, by=comms_officer, to=comms_officer, team=None)
    received.refresh_from_db()
    assert received.status == Comment.Status.ASSIGNED
    deliver(client, change("hide", by_page=True))
    received.refresh_from_db()
    assert received.status == Comment.Status.HIDDEN
    # when the moderator shows it again through Herald
    with committed():
        evidence.unhide_comment(received, by=comms_officer, reason="Nothing wrong with it")
    # then it is back with the moderator who had it, not a new comment in the queue
    received.refresh_from_db()
    assert received.status == Comment.Status.ASSIGNED


def test_a_hide_reported_for_a_comment_the_page_already_removed_records_nothing(client, received):
    # given the page removed the comment outside Herald
    deliver(client, change("remove", by_page=True))
    received.refresh_from_db()
    assert received.status == Comment.Status.DELETED
    # when Facebook then reports it hidden (an admin's earlier click, delivered late)
    deliver(client, change("hide", by_page=True, time=CHANGED_AT + 30))
    # then it stays deleted and the audit trail does not say the page hid it
    received.refresh_from_db()
    assert received.status == Comment.Status.DELETED
    assert "moderation.comment_hidden_outside_herald" not in actions(received)


def reply_removed(*, by_page: bool = True) -> dict:
    """The page's own reply (sent by Herald) removed on Facebook: a change to a comment under the question."""
    delivery = change("remove", by_page=by_page)
    value = delivery["entry"][0]["changes"][0]["value"]
    value["comment_id"], value["parent_id"] = REPLY_ID, ID
    return delivery


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC))
def test_the_pages_own_reply_removed_on_facebook_is_marked_removed_on_the_platform(
    client, received, comms_officer, system_admin, committed
):
    # given Herald sent the council's reply to the comment
    replies.set_reply_approval(received.account, requires=False, by=comms_officer)
    with committed():
        reply = replies.write_reply(received, by=comms_officer, text="Tuesdays, every fortnight.", seen_latest=0)
    reply.refresh_from_db()
    assert reply.status == Reply.Status.SENT and reply.platform_reply_id == REPLY_ID
    # when a page admin removes that reply on Facebook (delivered twice, as Meta retries)
    deliver(client, reply_removed())
    deliver(client, reply_removed())
    # then the reply is marked removed from the platform, once, by the page; the comment itself is untouched
    reply.refresh_from_db()
    assert reply.removed_on_platform_at == dt.datetime(2026, 1, 5, 10, 40, tzinfo=dt.UTC)
    assert reply.status == Reply.Status.SENT and reply.text == "Tuesdays, every fortnight."
    [event] = AuditEvent.objects.for_object(received).filter(action="moderation.reply_removed_on_platform")
    assert event.actor is None and event.after["reply"] == reply.pk
    received.refresh_from_db()
    assert received.removed_by_page_at is None
    # and the comment, unanswered on Facebook now, needs a reply again: back in the open queue, saying why
    assert received.status == Comment.Status.NEW and received.reply_removed_at == reply.removed_on_platform_at
    [reopened] = AuditEvent.objects.for_object(received).filter(
        action="moderation.status_changed", after__status=Comment.Status.NEW
    )
    assert reopened.actor is None and reopened.before["status"] == Comment.Status.REPLIED
    assert reopened.reason.startswith("Needs a reply again: the council's page removed its reply from Facebook")
    # and the moderator reads it so beside the reply
    client.force_login(comms_officer)
    page = client.get(f"/inbox/comments/{received.pk}/").content.decode()
    assert "The council's page removed this reply from Facebook on 5 January 2026 at 10:40am." in page
    assert (
        "Reply removed from the platform by the council&#x27;s page"
        in client.get(f"/audit/{event.pk}/").content.decode()
    )
    tag = '<strong class="govuk-tag govuk-tag--orange">Reply removed</strong>'
    assert tag in page and tag in client.get("/inbox/?status=open").content.decode()
    # and answering it again makes it replied, the removal no longer shown as its state
    with committed():
        replies.write_reply(
            received,
            by=comms_officer,
            text="Tuesdays, every other week.",
            seen_latest=replies.latest_reply_id(received),
        )
    received.refresh_from_db()
    assert received.status == Comment.Status.REPLIED and received.reply_removed_at is None
    assert tag not in client.get(f"/inbox/comments/{received.pk}/").content.decode()


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC))
def test_a_comment_with_another_reply_still_showing_stays_replied(client, received, comms_officer, committed):
    # given two replies on Facebook, one Herald sent and one posted by hand and recorded
    replies.set_reply_approval(received.account, requires=False, by=comms_officer)
    with committed():
        replies.write_reply(received, by=comms_officer, text="Tuesdays, every fortnight.", seen_latest=0)
    Reply.objects.create(
        comment=received,
        text="And on bank holidays too.",
        text_sha256=replies.text_sha256("And on bank holidays too."),
        written_by=comms_officer,
        status=Reply.Status.SENT,
        sent_how=Reply.SentHow.BY_HAND,
        address="https://www.facebook.com/council/posts/1?comment_id=7788",
    )
    # when the page removes the one Herald sent
    deliver(client, reply_removed())
    # then the comment is still answered there
    received.refresh_from_db()
    assert received.status == Comment.Status.REPLIED and received.reply_removed_at is None
