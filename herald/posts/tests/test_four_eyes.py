"""Four eyes that cannot be bypassed: every approval is of one exact text. A change after the post is
sent for approval voids the approvals given for the earlier text (they stay in the record, marked as
for an earlier version), and whoever last changed the text can never approve it."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from herald.audit.models import AuditEvent
from herald.consents.tests.factories import MediaAssetFactory
from herald.errors import Refused
from herald.posts import services
from herald.posts.models import Approval, Post
from herald.posts.services import PostContent
from herald.posts.tests.factories import in_hours, shown_hash, tier

pytestmark = pytest.mark.django_db

CLEAN = "The leisure centre pool reopens on Monday after its refit. Book a swim online."
CHANGED = "The leisure centre pool reopens on Tuesday after its refit. Book a swim online."
CHANGED_OUT_OF_SIGHT = "The leisure centre pool reopens on Tuesday. Free swims for everyone, all week."
CHANGED_BY_HAND = "The leisure centre pool reopens on Tuesday. Free swims for everyone: book a slot online."


def submitted(by, account, text=CLEAN):
    post = services.write_post(accounts=[account], texts={account.platform: text}, scheduled_for=in_hours(48), by=by)[0]
    return services.submit_for_approval(post, by=by)


def change(post, text, *, by, reason=""):
    return services.edit_post(post, PostContent(text, post.scheduled_for), by=by, reason=reason)


def fresh(post):
    return Post.objects.get(pk=post.pk)


# --- Services ---


def test_an_approver_who_changed_the_text_cannot_then_approve_it_alone(
    editor, facebook, comms_officer, another_comms_officer
):
    # given a post waiting for the communications team
    post = submitted(editor, facebook)
    # when one of them rewrites it and tries to approve it
    change(post, CHANGED_OUT_OF_SIGHT, by=comms_officer, reason="Tightened")
    with pytest.raises(Refused, match="You changed this text, so someone else must approve it"):
        services.approve_post(post, by=comms_officer)
    # then it still waits, and only a colleague's approval of the new text lets it through
    assert fresh(post).status == Post.Status.AWAITING_APPROVAL
    assert comms_officer.pk not in services.eligible_approvers(fresh(post))
    services.approve_post(post, by=another_comms_officer)
    post = fresh(post)
    assert post.status == Post.Status.APPROVED
    assert post.approvals.get().text_hash == services.content_hash_of(post)


def test_a_tier_two_change_voids_the_tier_one_approval_so_tier_one_must_approve_again(
    editor, facebook, service_manager, comms_officer, another_comms_officer
):
    tier(facebook, 1, "any", service_manager)
    tier(facebook, 2, "any", comms_officer, another_comms_officer)
    post = submitted(editor, facebook)
    services.approve_post(post, by=service_manager)
    assert fresh(post).current_tier == 2
    # when tier 2 rewrites the text
    change(post, CHANGED, by=comms_officer)
    # then the post is back with tier 1, whose earlier approval no longer counts
    post = fresh(post)
    assert post.current_tier == 1 and post.status == Post.Status.AWAITING_APPROVAL
    assert services.eligible_approvers(post) == {service_manager.pk}
    first = Approval.objects.get(post=post, person=service_manager)
    assert not services.approval_counts(first, post)
    services.approve_post(post, by=service_manager)
    # and the one who changed it cannot complete tier 2: the other member of the tier must
    with pytest.raises(Refused, match="You changed this text"):
        services.approve_post(post, by=comms_officer)
    services.approve_post(post, by=another_comms_officer)
    post = fresh(post)
    assert post.status == Post.Status.APPROVED
    assert post.approvals.filter(person=service_manager).count() == 2  # the voided one stays in the record


def test_the_authors_change_after_one_approval_voids_it(editor, facebook, service_manager, comms_officer):
    tier(facebook, 1, "all", service_manager, comms_officer)
    post = submitted(editor, facebook)
    services.approve_post(post, by=service_manager)
    # when the author corrects the date while it waits
    change(post, CHANGED, by=editor, reason="Wrong day")
    # then the service manager must approve the new text too, not only the communications officer
    services.approve_post(post, by=comms_officer)
    post = fresh(post)
    assert post.status == Post.Status.AWAITING_APPROVAL
    assert services.eligible_approvers(post) == {service_manager.pk}
    services.approve_post(post, by=service_manager)
    assert fresh(post).status == Post.Status.APPROVED
    voided = AuditEvent.objects.get(action="post.approvals_voided")
    assert voided.actor == editor and voided.after["approvals"] == [
        Approval.objects.filter(post=post, person=service_manager).earliest("at").pk
    ]


def test_changing_only_the_time_keeps_the_approvals_for_the_text(editor, facebook, service_manager, comms_officer):
    tier(facebook, 1, "any", service_manager)
    tier(facebook, 2, "any", comms_officer)
    post = submitted(editor, facebook)
    services.approve_post(post, by=service_manager)
    services.edit_post(post, PostContent(CLEAN, in_hours(60)), by=comms_officer, reason="Later slot")
    post = fresh(post)
    assert post.current_tier == 2
    services.approve_post(post, by=comms_officer)
    assert fresh(post).status == Post.Status.APPROVED


def test_changing_the_alt_text_of_its_image_counts_as_changing_the_post(editor, facebook, comms_officer):
    post = submitted(editor, facebook)
    before = services.content_hash_of(post)
    asset = MediaAssetFactory(alt_text="Swimmers in the main pool")
    post.media.add(asset)
    with_image = services.content_hash_of(post)
    asset.alt_text = "The empty main pool"
    asset.save()
    assert len({before, with_image, services.content_hash_of(post)}) == 3


def test_an_approver_who_is_a_tiers_only_approver_cannot_change_the_text_out_of_its_reach(
    editor, facebook, service_manager, comms_officer
):
    tier(facebook, 1, "any", service_manager)
    tier(facebook, 2, "any", comms_officer)
    post = submitted(editor, facebook)
    services.approve_post(post, by=service_manager)
    with pytest.raises(Refused, match="nobody else in tier 2 could approve it"):
        change(post, CHANGED, by=comms_officer)
    assert fresh(post).text == CLEAN and fresh(post).current_tier == 2


# --- Pages: the journey through the real URLs ---


def test_an_approver_who_rewrites_a_post_on_its_page_is_told_someone_else_must_approve_it(
    client, editor, facebook, comms_officer, another_comms_officer
):
    # given a post waiting for the communications team
    post = submitted(editor, facebook)
    client.force_login(comms_officer)
    page = client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    assert ">Approve<" in page
    # when the communications officer changes the text on the change page
    response = client.post(
        reverse("posts:edit", args=[post.pk]),
        {
            "text_facebook": CHANGED_BY_HAND,
            "scheduled_for": post.scheduled_for.astimezone().strftime("%Y-%m-%dT%H:%M"),
            "reason": "Made it more welcoming",
        },
    )
    assert response.status_code == 302
    # then the post's page offers them no Approve button and says why
    page = client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    assert ">Approve<" not in page
    assert "You changed this text, so someone else must approve it" in page
    # and posting the approve form anyway is refused with the same reason
    response = client.post(reverse("posts:approve", args=[post.pk]), {"text_hash": shown_hash(post)}, follow=True)
    assert "You changed this text, so someone else must approve it" in response.content.decode()
    assert fresh(post).status == Post.Status.AWAITING_APPROVAL
    # when a colleague opens it they see who wrote which version, and can approve it
    client.force_login(another_comms_officer)
    page = client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    assert ">Approve<" in page
    client.post(reverse("posts:approve", args=[post.pk]), {"text_hash": shown_hash(post)})
    assert fresh(post).status == Post.Status.APPROVED


def test_the_record_shows_who_wrote_each_version_and_which_version_each_approval_was_for(
    client, editor, facebook, service_manager, comms_officer, another_comms_officer, dpo
):
    tier(facebook, 1, "any", service_manager)
    tier(facebook, 2, "any", comms_officer, another_comms_officer)
    post = submitted(editor, facebook)
    services.approve_post(post, by=service_manager)
    change(post, CHANGED, by=comms_officer, reason="Right day")
    services.approve_post(post, by=service_manager)
    services.approve_post(post, by=another_comms_officer)
    client.force_login(dpo)
    # the archive names everyone who wrote the text
    archive = client.get(reverse("posts:archive")).content.decode()
    assert f"Text by {escape(editor.full_name)}, then {escape(comms_officer.full_name)}" in archive
    # and the post's page lists each version with its writer and the approvals given for it
    page = client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    versions = page.split('id="versions"')[1]
    first, second = versions.split('id="version-2"')
    assert f"Written by {escape(editor.full_name)}" in first
    assert f"Approved by {escape(service_manager.full_name)}" in first
    assert "for an earlier version: no longer counts" in first
    assert f"Changed by {escape(comms_officer.full_name)}" in second
    assert f"Approved by {escape(service_manager.full_name)}" in second
    assert f"Approved by {escape(another_comms_officer.full_name)}" in second
    assert "no longer counts" not in second


def test_a_person_who_rewrote_a_draft_cannot_approve_it_once_sent(
    editor, facebook, service_manager, comms_officer, another_comms_officer
):
    # a communications officer tidies an editor's draft before it is sent
    post = services.write_post(accounts=[facebook], texts={"facebook": CLEAN}, scheduled_for=in_hours(48), by=editor)[0]
    change(post, CHANGED, by=comms_officer)
    services.submit_for_approval(post, by=editor)
    with pytest.raises(Refused, match="You changed this text"):
        services.approve_post(post, by=comms_officer)
    assert services.eligible_approvers(fresh(post)) == {another_comms_officer.pk}


def test_an_approval_from_a_page_opened_before_the_text_changed_is_refused(client, editor, facebook, comms_officer):
    # given an approver who opened the post's page and so was shown one text
    post = submitted(editor, facebook)
    client.force_login(comms_officer)
    page = client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    shown = re.search(r'name="text_hash" value="([0-9a-f]{64})"', page).group(1)

    # when the author changes the text before the approver clicks Approve
    change(fresh(post), CHANGED, by=editor)
    response = client.post(reverse("posts:approve", args=[post.pk]), {"text_hash": shown}, follow=True)

    # then the approval is refused with the reason, and nothing counts for the new text
    assert "The text changed since you opened this page" in response.content.decode()
    assert fresh(post).status == Post.Status.AWAITING_APPROVAL
    assert not fresh(post).approvals.filter(person=comms_officer).exists()

    # and once they have read the new text, their approval goes through
    page = client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    shown = re.search(r'name="text_hash" value="([0-9a-f]{64})"', page).group(1)
    client.post(reverse("posts:approve", args=[post.pk]), {"text_hash": shown})
    assert fresh(post).status == Post.Status.APPROVED
