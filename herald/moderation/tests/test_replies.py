import pytest
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.moderation import platforms, services
from herald.moderation.models import Comment, Reply
from herald.moderation.services import replies
from herald.social_accounts.models import AccountEditor
from testing.factories import AccountFactory, comment


@pytest.fixture
def account(db, editor):
    account = AccountFactory()
    AccountEditor.objects.create(account=account, person=editor)
    return account


@pytest.fixture
def question(account):
    return comment(account, "What time does the tip open on Sunday?")


def test_a_reply_without_a_connector_waits_to_be_posted_by_hand_then_records_its_address(question, editor):
    reply = services.write_reply(question, by=editor, text="It opens at 8am on Sundays.", seen_latest=0)

    assert reply.status == Reply.Status.READY
    question.refresh_from_db()
    assert question.status == Comment.Status.NEW

    with pytest.raises(Refused, match="https://"):
        services.record_reply_posted(reply, by=editor, address="on facebook")
    services.record_reply_posted(reply, by=editor, address="https://www.facebook.com/council/posts/1?reply=9")

    reply.refresh_from_db()
    question.refresh_from_db()
    assert reply.status == Reply.Status.SENT
    assert reply.sent_how == Reply.SentHow.BY_HAND
    assert question.status == Comment.Status.REPLIED
    assert AuditEvent.objects.filter(action="moderation.reply_sent").latest("pk").after["how"] == "by hand"


def test_a_connector_sends_the_reply_and_herald_records_where_it_went(
    question, editor, django_capture_on_commit_callbacks
):
    sent = []

    def send_reply(comment, text):
        sent.append(text)
        return platforms.Sent("fb-reply-1", "https://www.facebook.com/council/posts/1?reply=1")

    with platforms.registered("facebook", send_reply=send_reply):
        with django_capture_on_commit_callbacks(execute=True):
            reply = services.write_reply(question, by=editor, text="It opens at 8am.", seen_latest=0)

    assert sent == ["It opens at 8am."]
    reply.refresh_from_db()
    assert reply.status == Reply.Status.SENT
    assert reply.platform_reply_id == "fb-reply-1"
    assert AuditEvent.objects.get(action="moderation.reply_sent").actor == editor
    question.refresh_from_db()
    assert question.status == Comment.Status.REPLIED


def test_a_platform_refusal_leaves_the_reply_ready_with_the_reason(
    question, editor, django_capture_on_commit_callbacks
):
    def send_reply(comment, text):
        raise platforms.PlatformError("the comment was deleted by its author")

    with platforms.registered("facebook", send_reply=send_reply):
        with django_capture_on_commit_callbacks(execute=True):
            reply = services.write_reply(question, by=editor, text="It opens at 8am.", seen_latest=0)

    reply.refresh_from_db()
    assert reply.status == Reply.Status.READY
    assert "deleted by its author" in reply.send_error


def test_a_reply_is_refused_when_someone_else_replied_after_the_page_was_opened(question, editor, comms_officer):
    seen = replies.latest_reply_id(question)
    services.write_reply(question, by=comms_officer, text="Hello, it opens at 8am.", seen_latest=seen)

    with pytest.raises(Refused) as refused:
        services.write_reply(question, by=editor, text="It opens at eight.", seen_latest=seen)

    assert comms_officer.full_name in str(refused.value)
    assert "after you opened this comment" in str(refused.value)
    assert question.herald_replies.count() == 1
    # Having read it, the editor may still add to it.
    services.write_reply(question, by=editor, text="And closes at 4pm.", seen_latest=replies.latest_reply_id(question))
    assert question.herald_replies.count() == 2


def test_a_reply_goes_through_the_check_and_a_blocking_finding_refuses_it(question, editor):
    with pytest.raises(Refused, match="blocking"):
        services.write_reply(
            question,
            by=editor,
            text="Call Jane Smith on 07700 900123, she lives at 4 Mill Lane LE10 1AB",
            seen_latest=0,
        )
    assert not question.herald_replies.exists()

    reply = services.write_reply(question, by=editor, text="It opens at 8am on Sunday.", seen_latest=0)
    assert reply.blocking is False


def test_an_account_that_asks_for_approval_needs_a_second_person(
    question, account, editor, comms_officer, mailoutbox, django_capture_on_commit_callbacks
):
    replies.set_reply_approval(account, requires=True, by=comms_officer)
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.write_reply(question, by=editor, text="It opens at 8am.", seen_latest=0)

    assert reply.status == Reply.Status.AWAITING_APPROVAL
    message = mailoutbox[-1]
    assert message.subject == f"Reply to approve on {account}"
    assert comms_officer.email in message.to and editor.email not in message.to
    assert "It opens at 8am." in message.body

    with pytest.raises(Refused, match="someone else must approve"):
        services.approve_reply(reply, by=editor, seen_sha256=reply.text_sha256)
    with pytest.raises(Refused, match="changed after you opened it"):
        services.approve_reply(reply, by=comms_officer, seen_sha256="0" * 64)
    services.approve_reply(reply, by=comms_officer, seen_sha256=reply.text_sha256)

    reply.refresh_from_db()
    assert reply.status == Reply.Status.READY
    assert reply.approved_by == comms_officer


def test_a_withdrawn_reply_does_not_count_for_the_collision_check(question, editor, comms_officer):
    reply = services.write_reply(question, by=comms_officer, text="Draft answer.", seen_latest=0)
    services.withdraw_reply(reply, by=comms_officer)

    services.write_reply(question, by=editor, text="It opens at 8am.", seen_latest=0)
    assert question.herald_replies.current().count() == 1


def test_the_page_shows_who_else_is_viewing_or_replying(question, editor, comms_officer):
    replies.note_presence(question, person=editor, activity="viewing")
    replies.note_presence(question, person=comms_officer, activity="replying")

    others = replies.others_present(question, person=editor)
    assert [(p.person, p.activity) for p in others] == [(comms_officer, "replying")]
    assert replies.others_present(question, person=comms_officer)[0].person == editor


def test_presence_is_forgotten_when_stale(question, editor, comms_officer, settings):
    replies.note_presence(question, person=comms_officer, activity="replying")
    question.presences.update(
        seen_at=timezone.now() - timezone.timedelta(seconds=settings.MODERATION_PRESENCE_SECONDS + 5)
    )
    assert replies.others_present(question, person=editor) == []


def test_saved_replies_offer_the_general_and_the_accounts_own(question, account, comms_officer):
    general = replies.save_reply_template(
        title="Opening times", text="See our website for opening times.", by=comms_officer
    )
    own = replies.save_reply_template(title="Tip", text="The tip opens at 8am.", by=comms_officer, account=account)
    other = replies.save_reply_template(title="Other", text="x", by=comms_officer, account=AccountFactory())
    retired = replies.save_reply_template(title="Old", text="y", by=comms_officer)
    replies.retire_saved_reply(retired, by=comms_officer)

    assert list(replies.saved_replies_for(question)) == [general, own]
    assert other not in replies.saved_replies_for(question)


def test_an_approved_reply_is_sent_by_the_connector_once_the_approval_is_saved(
    question, account, editor, comms_officer, django_capture_on_commit_callbacks
):
    replies.set_reply_approval(account, requires=True, by=comms_officer)
    reply = services.write_reply(question, by=editor, text="It opens at 8am.", seen_latest=0)
    sent = []

    def send_reply(comment, text):
        sent.append(text)
        return platforms.Sent("fb-reply-2", "https://www.facebook.com/council/posts/1?reply=2")

    with platforms.registered("facebook", send_reply=send_reply):
        with django_capture_on_commit_callbacks() as waiting:
            services.approve_reply(reply, by=comms_officer, seen_sha256=reply.text_sha256)
        # nothing goes to the platform until the approval is committed
        assert sent == [] and Reply.objects.get(pk=reply.pk).status == Reply.Status.SENDING
        for callback in waiting:
            callback()

    assert sent == ["It opens at 8am."]
    reply.refresh_from_db()
    assert (reply.status, reply.sent_by, reply.platform_reply_id) == (Reply.Status.SENT, comms_officer, "fb-reply-2")
    # The audit trail names the writer, and the approver whose approval sent it.
    trail = AuditEvent.objects.for_object(question).filter(action__startswith="moderation.reply_").order_by("pk")
    assert [(event.action, event.actor) for event in trail] == [
        ("moderation.reply_written", editor),
        ("moderation.reply_approved", comms_officer),
        ("moderation.reply_sent", comms_officer),
    ]


def test_a_reply_waiting_for_approval_is_not_sent_once_a_colleague_has_deleted_the_comment(
    question, account, editor, comms_officer, django_capture_on_commit_callbacks
):
    replies.set_reply_approval(account, requires=True, by=comms_officer)
    reply = services.write_reply(question, by=editor, text="It opens at 8am.", seen_latest=0)
    services.delete_comment(question, by=editor, reason="abuse")
    sent = []

    def send_reply(comment, text):
        sent.append(text)
        return platforms.Sent("fb-reply-3", "https://www.facebook.com/council/posts/1?reply=3")

    with platforms.registered("facebook", send_reply=send_reply):
        with django_capture_on_commit_callbacks(execute=True):
            with pytest.raises(Refused, match="deleted"):
                services.approve_reply(reply, by=comms_officer, seen_sha256=reply.text_sha256)

    assert sent == []
    assert Reply.objects.get(pk=reply.pk).status == Reply.Status.WITHDRAWN


def test_deleting_a_comment_withdraws_its_reply_waiting_for_approval_and_says_why(
    question, account, editor, comms_officer, client
):
    from django.urls import reverse

    replies.set_reply_approval(account, requires=True, by=comms_officer)
    reply = services.write_reply(question, by=editor, text="It opens at 8am.", seen_latest=0)
    client.force_login(comms_officer)
    assert "Reply to approve on" in client.get(reverse("home")).content.decode()
    # when a colleague deletes the comment
    services.delete_comment(question, by=comms_officer, reason="abuse")
    # then the waiting reply is withdrawn, with the reason on the comment's page, in the audit trail,
    # and it is no longer offered for approval
    reply.refresh_from_db()
    assert reply.status == Reply.Status.WITHDRAWN
    assert "Reply to approve on" not in client.get(reverse("home")).content.decode()
    page = client.get(reverse("moderation:detail", args=[question.pk])).content.decode()
    assert "Withdrawn because the comment was deleted" in page
    assert "Approve this reply" not in page
    event = AuditEvent.objects.for_object(question).get(action="moderation.reply_withdrawn")
    assert event.actor == comms_officer and event.after["reply"] == reply.pk and "deleted" in event.reason
