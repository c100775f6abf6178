"""Four eyes at every tier: one person's approval counts once per post, unless the account's rule says
otherwise, and the post's page says which tier waits for whom."""

import datetime as dt

import pytest

from herald.errors import Refused
from herald.people.roles import Role
from herald.posts import services
from herald.posts.models import Post
from herald.posts.tests.factories import in_hours, shown_hash, tier
from testing.factories import PersonFactory

pytestmark = pytest.mark.django_db

CLEAN = "The leisure centre pool reopens on Monday after its refit. Book a swim online."


def submitted(by, account):
    post = services.write_post(accounts=[account], texts={account.platform: CLEAN}, scheduled_for=in_hours(48), by=by)
    return services.submit_for_approval(post[0], by=by)


def test_one_comms_officer_cannot_clear_two_tiers(editor, facebook, comms_officer, another_comms_officer):
    tier(facebook, 1, "any", comms_officer)
    tier(facebook, 2, "any", comms_officer, another_comms_officer)
    post = submitted(editor, facebook)
    services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))
    with pytest.raises(Refused, match="You approved an earlier tier of this post"):
        services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL and post.current_tier == 2
    services.approve_post(post, by=another_comms_officer, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED


def test_the_accounts_rule_may_let_one_person_approve_at_two_tiers(editor, facebook, comms_officer):
    services.set_approval_rule(
        facebook,
        [services.TierSpec("any", (comms_officer,)), services.TierSpec("any", (comms_officer,))],
        by=comms_officer,
        same_person_may_approve_again=True,
    )
    post = submitted(editor, facebook)
    services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))
    services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED


def test_a_rule_that_cannot_find_a_different_person_for_each_tier_is_explained_at_submission(
    editor, facebook, comms_officer
):
    tier(facebook, 1, "any", comms_officer)
    tier(facebook, 2, "any", comms_officer)
    draft = services.write_post(
        accounts=[facebook], texts={facebook.platform: CLEAN}, scheduled_for=in_hours(48), by=editor
    )[0]
    with pytest.raises(Refused, match="needs a different person to approve each tier"):
        services.submit_for_approval(draft, by=editor)


def test_a_rule_that_could_never_find_a_different_person_for_each_tier_is_refused_when_saved(
    client, facebook, comms_officer
):
    with pytest.raises(Refused, match="do not have enough different approvers"):
        services.set_approval_rule(
            facebook,
            [services.TierSpec("any", (comms_officer,)), services.TierSpec("any", (comms_officer,))],
            by=comms_officer,
        )
    assert not facebook.approval_tiers.exists()
    # Allowing one person to approve more than one tier makes the same rule workable.
    services.set_approval_rule(
        facebook,
        [services.TierSpec("any", (comms_officer,)), services.TierSpec("any", (comms_officer,))],
        by=comms_officer,
        same_person_may_approve_again=True,
    )
    assert facebook.approval_tiers.count() == 2


def test_the_posts_page_says_which_tier_waits_for_whom(client, editor, facebook, comms_officer, another_comms_officer):
    tier(facebook, 1, "any", comms_officer)
    tier(facebook, 2, "any", comms_officer, another_comms_officer)
    post = submitted(editor, facebook)
    services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))
    client.force_login(editor)
    page = client.get(f"/posts/{post.pk}/").content.decode()
    assert f"Waiting for any one of {another_comms_officer.full_name}." in page
    assert f"{comms_officer.full_name} approved an earlier tier, and each person's approval counts once." in page


def test_the_rule_page_offers_the_choice(client, comms_officer, facebook):
    approver = PersonFactory(roles=[Role.EDITOR])
    client.force_login(comms_officer)
    response = client.post(
        f"/posts/rules/{facebook.pk}/",
        {
            "tier_1_approvers": [approver.pk],
            "tier_1_mode": "any",
            "tier_2_mode": "any",
            "tier_3_mode": "any",
            "same_person_may_approve_again": "on",
        },
    )
    assert response.status_code == 302
    assert facebook.approval_tiers.get().same_person_may_approve_again


def test_posts_waiting_when_a_pre_election_period_begins_are_checked_again_and_go_to_comms(
    editor, facebook, service_manager, comms_officer
):
    from django.utils import timezone

    from herald.audit.models import AuditEvent
    from herald.elections.tests.factories import ElectionFactory
    from testing.factories import CouncillorFactory

    # given a post naming a councillor, sent before any election, waiting for the service manager
    CouncillorFactory(first_name="Stuart", last_name="Bray", ward="Burbage")
    tier(facebook, 1, "any", service_manager)
    post = services.write_post(
        accounts=[facebook],
        texts={facebook.platform: "Cllr Stuart Bray opened the new play area in Burbage today."},
        scheduled_for=in_hours(48),
        by=editor,
    )[0]
    post = services.submit_for_approval(post, by=editor)
    assert not post.pre_election and len(post.plan) == 1 and not post.blocking
    # when a pre-election period begins
    today = timezone.localdate()
    ElectionFactory(poll_date=today + dt.timedelta(days=20), notice_published_on=today - dt.timedelta(days=1))
    [routed] = services.route_waiting_posts_for_pre_election()
    # then it is checked in pre-election mode and the communications team approves last
    routed.refresh_from_db()
    assert routed.pre_election and routed.blocking and routed.report["pre_election"]
    assert len(routed.plan) == 2 and routed.plan[1]["comms"]
    assert AuditEvent.objects.filter(action="post.routed_for_pre_election", object_id=str(post.pk)).exists()
    assert services.route_waiting_posts_for_pre_election() == []


def test_an_approval_after_the_period_began_routes_the_post_first(editor, facebook, service_manager, comms_officer):
    from django.utils import timezone

    from herald.elections.tests.factories import ElectionFactory

    tier(facebook, 1, "any", service_manager)
    post = submitted(editor, facebook)
    today = timezone.localdate()
    ElectionFactory(poll_date=today + dt.timedelta(days=20), notice_published_on=today - dt.timedelta(days=1))
    services.approve_post(post, by=service_manager, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL and post.current_tier == 2 and post.plan[1]["comms"]


def test_sending_a_blocked_post_for_approval_warns_first(client, editor, facebook, comms_officer):
    post = services.write_post(
        accounts=[facebook],
        texts={facebook.platform: "Ring our officer Jo on 07700 900123 tonight."},
        scheduled_for=in_hours(48),
        by=editor,
    )[0]
    assert post.blocking
    client.force_login(editor)
    page = client.get(f"/posts/{post.pk}/").content.decode()
    assert "Nobody can approve it unless the communications team overrides the block" in page
    response = client.post(f"/posts/{post.pk}/submit/", follow=True)
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT
    assert "Not sent for approval: the check blocks this post" in response.content.decode()
    client.post(f"/posts/{post.pk}/submit/", {"despite_blocks": "1"})
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL


def test_an_editor_only_booked_on_training_cannot_write_where_comms_made_training_a_condition(client, facebook):
    from herald.social_accounts.models import AccountEditor

    booked = PersonFactory(roles=[Role.EDITOR], is_trained_editor=False)
    AccountEditor.objects.create(account=facebook, person=booked)
    facebook.training_before_posting = True
    facebook.save()
    client.force_login(booked)
    refused = client.get("/posts/write/")
    assert refused.status_code == 403
    assert "once HR records your social media training" in refused.content.decode()
    booked.is_trained_editor = True
    booked.save()
    assert client.get("/posts/write/").status_code == 200
