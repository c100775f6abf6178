"""Four eyes at every tier: one person's approval counts once per post, unless the account's rule says
otherwise, and the post's page says which tier waits for whom."""

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
