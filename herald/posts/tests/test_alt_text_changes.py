"""Four eyes over the words published with a photo: its alt text is part of what an approver approves,
so changing it in the media library after approval sends the post back for approval."""

import dataclasses

import pytest

from herald.audit.models import AuditEvent
from herald.consents import services as consents
from herald.consents import withdrawal
from herald.consents.tests.factories import ConsentRecordFactory, photo_showing
from herald.posts import selectors, services
from herald.posts.models import Post
from herald.posts.tests.factories import in_hours, shown_hash, tier

pytestmark = pytest.mark.django_db

TEXT = "Thank you to everyone who came to the Bosworth Medieval Festival this weekend."


def details_of(asset, **changes) -> consents.AssetDetails:
    return dataclasses.replace(
        consents.AssetDetails(
            title=asset.title,
            alt_text=asset.alt_text,
            source=asset.source,
            licence=asset.licence,
            photographer=asset.photographer,
            shows_people=asset.shows_people,
        ),
        **changes,
    )


@pytest.fixture
def photo(editor):
    record = ConsentRecordFactory(subject_name="Asha Patel", channels=["website", "facebook", "instagram", "x"])
    return photo_showing(record, by=editor, alt_text="Asha Patel in costume at the festival")


def sent_with(photo, *, by, account):
    post = services.write_post(
        accounts=[account], texts={account.platform: TEXT}, scheduled_for=in_hours(48), media=[photo], by=by
    )[0]
    return services.submit_for_approval(post, by=by)


def test_the_posts_app_registers_to_hear_of_alt_text_changes():
    assert services.approve_again_after_media_change in withdrawal.details_handlers()["post"]


def test_an_approved_post_waits_for_approval_again_when_its_photos_alt_text_changes(
    photo, editor, facebook, comms_officer, another_comms_officer
):
    post = sent_with(photo, by=editor, account=facebook)
    services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED

    # the approver edits the photo's alt text in the library afterwards
    consents.update_media_details(photo, details_of(photo, alt_text="A crowd at the castle"), by=comms_officer)

    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL and post.current_tier == 1
    assert not any(selectors.approval_counts(a, post) for a in post.approvals.all())
    # who changed the words cannot approve them; someone else can
    assert comms_officer.pk not in selectors.eligible_approvers(post)
    assert another_comms_officer.pk in selectors.eligible_approvers(post)
    latest = post.revisions.order_by("-number").first()
    assert latest.made_by == comms_officer and "alt text" in latest.reason
    assert AuditEvent.objects.filter(action="post.approvals_voided", object_id=str(post.pk)).exists()
    services.approve_post(post, by=another_comms_officer, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED


def test_a_tier_approved_before_the_change_must_approve_again(
    photo, editor, facebook, comms_officer, another_comms_officer, service_manager
):
    tier(facebook, 1, "any", service_manager)
    tier(facebook, 2, "any", comms_officer, another_comms_officer)
    post = sent_with(photo, by=editor, account=facebook)
    services.approve_post(post, by=service_manager, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.current_tier == 2

    consents.update_media_details(photo, details_of(photo, alt_text="Children at the festival"), by=editor)

    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL and post.current_tier == 1
    assert service_manager.pk in selectors.eligible_approvers(post)


def test_other_changes_and_drafts_are_left_alone(photo, editor, facebook, comms_officer):
    approved = sent_with(photo, by=editor, account=facebook)
    services.approve_post(approved, by=comms_officer, seen_hash=shown_hash(approved))
    draft = services.write_post(
        accounts=[facebook], texts={"facebook": TEXT}, scheduled_for=in_hours(48), media=[photo], by=editor
    )[0]

    # a new title is not published: the approval stands
    consents.update_media_details(photo, details_of(photo, title="Festival 2026, castle"), by=editor)
    approved.refresh_from_db()
    assert approved.status == Post.Status.APPROVED

    consents.update_media_details(photo, details_of(photo, alt_text="A crowd at the castle"), by=editor)
    draft.refresh_from_db()
    assert draft.status == Post.Status.DRAFT
