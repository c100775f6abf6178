"""An approver who leaves the council cannot approve: posts waiting for them are not left stuck until
they expire. Their tier goes on with the approvers still here, or to the communications team."""

import pytest
from django.core import mail

from herald.audit.models import AuditEvent
from herald.people import services as people
from herald.people.roles import Role
from herald.posts import services
from herald.posts.models import Post
from herald.posts.selectors import can_decide
from herald.posts.tests.factories import in_hours, shown_hash, tier
from testing.factories import PersonFactory

pytestmark = pytest.mark.django_db

CLEAN = "The leisure centre pool reopens on Monday after its refit. Book a swim online."


def submitted(by, account):
    post = services.write_post(accounts=[account], texts={account.platform: CLEAN}, scheduled_for=in_hours(48), by=by)
    return services.submit_for_approval(post[0], by=by)


def test_a_tier_where_everyone_must_approve_does_not_wait_for_someone_who_has_left(
    editor, facebook, service_manager, comms_officer
):
    tier(facebook, 1, "all", service_manager, comms_officer)
    post = submitted(editor, facebook)
    services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL
    people.record_leaver(service_manager, by=None, reason="Left the council")
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED
    assert service_manager.pk not in post.plan[0]["approvers"]
    assert AuditEvent.objects.filter(action="post.approver_left", object_id=str(post.pk)).exists()


def test_a_tier_whose_only_approver_has_left_goes_to_the_communications_team(
    editor, facebook, service_manager, comms_officer
):
    tier(facebook, 1, "any", service_manager)
    post = submitted(editor, facebook)
    assert not can_decide(post, comms_officer)
    people.record_leaver(service_manager, by=None, reason="Left the council")
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL and post.plan[0]["approvers"] == [comms_officer.pk]
    assert "left" in post.plan[0]["label"]
    services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED


def test_a_leaver_who_approved_nothing_on_a_post_leaves_it_as_it_was(editor, facebook, service_manager, comms_officer):
    tier(facebook, 1, "any", comms_officer)
    post = submitted(editor, facebook)
    people.record_leaver(PersonFactory(), by=None, reason="Left the council")
    post.refresh_from_db()
    assert post.plan[0]["approvers"] == [comms_officer.pk] and post.status == Post.Status.AWAITING_APPROVAL
    assert not AuditEvent.objects.filter(action="post.approver_left").exists()


def test_a_post_whose_only_approver_leaves_with_no_communications_team_goes_back_to_its_author(
    editor, facebook, service_manager, django_capture_on_commit_callbacks
):
    tier(facebook, 1, "any", service_manager)
    post = submitted(editor, facebook)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        people.record_leaver(service_manager, by=None, reason="Left the council")
    post.refresh_from_db()
    assert post.status == Post.Status.SENT_BACK
    assert "nobody else may approve" in post.sent_back_reasons
    # the author is told Herald sent it back because the approver left, not that the leaver sent it back
    [told] = [m for m in mail.outbox if m.to == [editor.email] and m.subject.startswith("Sent back")]
    assert told.body.startswith(f"Herald sent your post back:\n\n{service_manager.full_name} has left the council")


def test_a_blocked_post_completed_by_a_leaver_goes_to_the_communications_team_not_out(
    editor, facebook, service_manager, comms_officer
):
    other_comms = PersonFactory(roles=[Role.COMMS])
    tier(facebook, 1, "all", service_manager, comms_officer)
    post = submitted(editor, facebook)
    services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))
    Post.objects.filter(pk=post.pk).update(blocking=True)  # a finding that blocks, found after (new rules)
    people.record_leaver(service_manager, by=None, reason="Left the council")
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL
    assert post.plan[-1]["comms"] and post.current_tier == len(post.plan)
    assert can_decide(post, other_comms) and not can_decide(post, comms_officer)
