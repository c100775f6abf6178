"""Writing with live findings, each approval path, expiry, the stop switch and a pre-election post,
in real Chromium."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from herald.elections.tests.factories import ElectionFactory
from herald.people.roles import Role
from herald.posts import services
from herald.posts.models import Post
from herald.posts.tests.factories import in_hours, tier
from testing.browser import PINNED_DAY, fill_date
from testing.factories import CouncillorFactory, PersonFactory

# Dates typed and records made run on a pinned clock (testing.browser's PINNED_MORNING), not today's.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pinned_clock")]

CLEAN = "The leisure centre pool reopens on Monday after its refit."


def submitted(author, account, text=CLEAN, hours=48):
    post = services.write_post(
        accounts=[account], texts={account.platform: text}, scheduled_for=in_hours(hours), by=author
    )[0]
    return services.submit_for_approval(post, by=author)


def switch_to(page, sign_in, person):
    page.context.clear_cookies()
    sign_in(page, person)


def test_an_editor_sees_findings_as_they_type_and_fixes_a_hashtag_in_one_click(
    page, sign_in, assert_accessible, editor, comms_officer, facebook
):
    # given an editor writing a post
    sign_in(page, editor)
    page.locator('[data-nav="posts:index"]').click()
    page.get_by_role("button", name="Write a post").click()
    # (the click returns before the new page exists: wait for its form and its scripts)
    page.get_by_label("Text for Facebook").wait_for()
    page.wait_for_load_state("load")
    page.evaluate("window.notReloaded = true")
    # when they type a personal phone number and a run-together hashtag
    page.get_by_label("Text for Facebook").fill("Ring Jo on 07700 900123 about the #summerfestival")
    # then the findings appear beside the text, each span marked, with the clause named
    findings = page.locator("#findings-facebook")
    findings.locator("[data-rule=phone-number]").wait_for()
    assert "Blocks" in findings.inner_text()
    assert findings.locator("mark.herald-mark--block").inner_text().startswith("07700 900123")
    assert "Policy: Personal data" in findings.locator("[data-rule=phone-number]").inner_text()
    assert "of 63206 characters" in findings.inner_text()
    assert_accessible(page)
    # when they take the suggested fix and remove the number
    page.get_by_role("button", name="Change to #SummerFestival").click()
    page.locator("#findings-facebook [data-rule=hashtag-camelcase]").wait_for(state="detached")
    box = page.get_by_label("Text for Facebook")
    assert box.input_value() == "Ring Jo on 07700 900123 about the #SummerFestival"
    box.fill("Join us at the #SummerFestival on Saturday.")
    page.locator("#findings-facebook [data-rule=phone-number]").wait_for(state="detached")
    assert page.evaluate("window.notReloaded") is True
    # and send it for approval
    fill_date(page, "When should it go out?", timezone.localtime(in_hours(30)))
    page.get_by_role("button", name="Send for approval").click()
    assert "Sent for approval" in page.content()
    assert Post.objects.get().status == Post.Status.AWAITING_APPROVAL
    assert_accessible(page)


def test_a_two_tier_rule_needs_any_one_then_all(page, sign_in, editor, facebook, service_manager, comms_officer):
    # given tier 1: any of two managers; tier 2: both of two senior officers
    deputy, head, director = (PersonFactory(roles=[Role.SERVICE_MANAGER]) for _ in range(3))
    tier(facebook, 1, "any", service_manager, deputy)
    tier(facebook, 2, "all", head, director)
    post = submitted(editor, facebook)
    for approver in (service_manager, head):
        switch_to(page, sign_in, approver)
        page.goto(f"/posts/{post.pk}/")
        page.get_by_role("button", name="Approve").click()
        assert "Approved" in page.locator(".govuk-notification-banner").inner_text()
    # after one of tier 1 and one of the two in tier 2 it still waits for the director
    assert "Awaiting approval" in page.locator("#post-status").inner_text()
    switch_to(page, sign_in, deputy)
    page.goto(f"/posts/{post.pk}/")
    assert page.get_by_role("button", name="Approve").count() == 0  # tier 1 is done
    switch_to(page, sign_in, director)
    page.goto("/posts/approvals/")
    page.get_by_role("link", name=CLEAN[:40]).click()
    page.get_by_role("button", name="Approve").click()
    assert "Approved and scheduled" in page.locator("#post-status").inner_text()


def test_the_author_cannot_approve_their_own_post_and_an_approver_sends_it_back(
    page, sign_in, assert_accessible, editor, comms_officer, facebook
):
    tier(facebook, 1, "any", editor, comms_officer)
    post = submitted(editor, facebook)
    sign_in(page, editor)
    page.goto(f"/posts/{post.pk}/")
    assert "you cannot approve it" in page.locator("#own-post").inner_text()
    assert page.get_by_role("button", name="Approve").count() == 0
    switch_to(page, sign_in, comms_officer)
    page.goto(f"/posts/{post.pk}/")
    page.get_by_role("button", name="Send back").click()
    page.get_by_role("button", name="Send back").click()
    assert "Enter why you are sending the post back" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Why are you sending it back?").fill("Say which leisure centre.")
    page.get_by_role("button", name="Send back").click()
    assert "Sent back" in page.locator("#post-status").inner_text()
    assert "Say which leisure centre." in page.content()


def test_comms_override_a_block_only_with_a_written_justification(
    page, sign_in, assert_accessible, editor, comms_officer, facebook
):
    post = submitted(editor, facebook, "For out-of-hours help ring our duty officer on 07700 900123.")
    sign_in(page, comms_officer)
    page.goto(f"/posts/{post.pk}/")
    page.get_by_role("button", name="Approve").click()
    assert "breaks the policy" in page.content()
    page.get_by_role("button", name="Override the block").first.click()
    # (the form says where the justification goes, and links to it)
    expect(page.get_by_role("link", name="block overrides report")).to_have_attribute("href", "/posts/overrides/")
    page.get_by_role("button", name="Override the block").click()
    assert "Enter the justification" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Why should this post go out despite the block?").fill(
        "This is the council's published out-of-hours duty phone, not a personal number."
    )
    page.get_by_role("button", name="Override the block").click()
    page.get_by_role("button", name="Approve").click()
    assert "Approved and scheduled" in page.locator("#post-status").inner_text()
    page.goto("/posts/overrides/")
    assert "published out-of-hours duty phone" in page.locator("main").inner_text()
    assert_accessible(page)


def test_the_monitoring_officer_reaches_the_block_overrides_report_from_their_home_page(
    page, sign_in, assert_accessible, editor, comms_officer, monitoring_officer, facebook
):
    # given a block the communications team overrode
    post = submitted(editor, facebook, "For out-of-hours help ring our duty officer on 07700 900123.")
    services.override_block(post, by=comms_officer, justification="The council's published duty phone number.")
    # when the monitoring officer signs in
    sign_in(page, monitoring_officer)
    # then their home page lists it and links to the whole report
    panel = page.get_by_role("region", name="Blocks overridden in the last 30 days")
    expect(panel).to_contain_text(f"overridden by {comms_officer.full_name}")
    assert_accessible(page)
    panel.get_by_role("link", name="See the block overrides report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Block overrides")
    expect(page.locator("main")).to_contain_text("The council's published duty phone number.")


def test_a_post_not_approved_in_time_expires_and_can_be_reopened(page, sign_in, editor, comms_officer, facebook):
    post = submitted(editor, facebook, hours=1)
    # when its time passes and the periodic task runs
    services.expire_overdue_posts(now=post.scheduled_for + dt.timedelta(minutes=1))
    sign_in(page, editor)
    assert "Your posts that expired" in page.content()
    page.get_by_role("link", name=f"{facebook.display_name}: {CLEAN[:60]}").click()
    assert "Expired" in page.locator("#post-status").inner_text()
    switch_to(page, sign_in, comms_officer)
    page.goto(f"/posts/{post.pk}/")
    assert page.get_by_role("button", name="Approve").count() == 0
    switch_to(page, sign_in, editor)
    page.goto(f"/posts/{post.pk}/")
    page.get_by_role("button", name="Reopen as a draft").click()
    assert "Draft" in page.locator("#post-status").inner_text()


def test_the_stop_switch_holds_posts_and_every_editor_sees_the_banner(
    page, sign_in, assert_accessible, editor, comms_officer, facebook
):
    post = services.approve_post(submitted(editor, facebook, hours=1), by=comms_officer)
    sign_in(page, comms_officer)
    page.get_by_role("link", name="Stop publishing").first.click()
    page.get_by_label("Every account").check()
    page.get_by_label("Why are you stopping publishing?").fill("Major incident: flooding in Hinckley.")
    page.get_by_role("button", name="Stop publishing").click()
    assert_accessible(page)
    services.mark_ready_posts(now=post.scheduled_for + dt.timedelta(minutes=1))
    page.reload()
    assert "Posts held" in page.content()
    assert CLEAN[:40] in page.locator("main").inner_text()
    switch_to(page, sign_in, editor)
    assert "Publishing is stopped." in page.locator(".herald-site-banner").inner_text()
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED
    switch_to(page, sign_in, comms_officer)
    page.goto("/posts/stop/")
    page.get_by_role("button", name="Release publishing").click()
    assert page.locator(".herald-site-banner").count() == 0
    services.mark_ready_posts(now=post.scheduled_for + dt.timedelta(minutes=2))
    post.refresh_from_db()
    assert post.status == Post.Status.READY


def test_while_publishing_is_stopped_approving_and_publishing_are_refused_with_the_reason(
    page, sign_in, assert_accessible, editor, comms_officer, facebook
):
    # given one post waiting for approval and one ready to publish, then a stop on every account
    waiting = submitted(editor, facebook)
    ready = services.approve_post(submitted(editor, facebook, hours=1), by=comms_officer)
    services.mark_post_ready(ready, now=ready.scheduled_for)
    pause = services.stop_publishing(by=comms_officer, reason="Major incident: flooding in Hinckley.")
    # the approver sees why they cannot approve, and may still send it back
    sign_in(page, comms_officer)
    page.goto(f"/posts/{waiting.pk}/")
    assert "cannot be approved" in page.locator("#publishing-stopped").inner_text()
    assert page.get_by_role("button", name="Approve").count() == 0
    assert page.get_by_role("button", name="Send back").count() == 1
    assert_accessible(page)
    # the editor is told not to publish, and the publish page explains instead of asking for the address
    switch_to(page, sign_in, editor)
    page.goto(f"/posts/{ready.pk}/publish/")
    assert "You cannot record this post as published" in page.locator("#publishing-stopped").inner_text()
    assert page.get_by_label("Address of the published post").count() == 0
    assert_accessible(page)
    # once released, the address is taken
    services.release_publishing(pause, by=comms_officer)
    page.reload()
    page.get_by_label("Address of the published post").fill("https://www.facebook.com/hinckleybosworth/posts/9")
    page.get_by_role("button", name="Save the address").click()
    assert "Published: the record is complete" in page.content()
    ready.refresh_from_db()
    assert ready.status == Post.Status.PUBLISHED


def test_in_a_pre_election_period_the_check_is_strict_and_comms_must_approve(
    page, sign_in, editor, comms_officer, service_manager, facebook
):
    today = PINNED_DAY
    ElectionFactory(poll_date=today + dt.timedelta(days=21), notice_published_on=today - dt.timedelta(days=3))
    CouncillorFactory(first_name="Stuart", last_name="Bray", ward="Burbage")
    tier(facebook, 1, "any", service_manager)
    sign_in(page, editor)
    page.goto("/posts/write/")
    assert "pre-election period is in force" in page.content()
    page.get_by_label("Text for Facebook").fill("Councillor Stuart Bray opened the new play area in Burbage today.")
    finding = page.locator("#findings-facebook [data-rule=councillor-named]")
    finding.wait_for()
    assert "Blocks" in finding.inner_text()
    assert "Pre-election rules" in page.locator("#findings-facebook").inner_text()
    page.get_by_label("Text for Facebook").fill("The new play area in Burbage is open.")
    page.locator("#findings-facebook [data-rule=councillor-named]").wait_for(state="detached")
    fill_date(page, "When should it go out?", timezone.localtime(in_hours(30)))
    page.get_by_role("button", name="Send for approval").click()
    approval = page.locator("#approval + ol").inner_text()
    assert "Tier 2" in approval and "pre-election period" in approval
    assert Role.COMMS in comms_officer.roles


def test_photo_consent_is_judged_only_for_the_chosen_accounts_and_says_what_is_missing(
    page, sign_in, assert_accessible, editor, facebook, x_account, settings, tmp_path
):
    from herald.consents.models import ConsentRecord
    from herald.consents.tests.factories import ConsentRecordFactory, photo_showing

    settings.MEDIA_ROOT = tmp_path / "media"
    # given a photo of a child whose mother consented for X and the website, but not Facebook
    child = ConsentRecordFactory(
        subject_name="Leo Clarke",
        age_band=ConsentRecord.AgeBand.CHILD,
        given_by=ConsentRecord.GivenBy.GUARDIAN,
        channels=["website", "x"],
    )
    photo_showing(child, by=editor, title="Lantern parade")
    sign_in(page, editor)
    page.goto("/posts/write/")
    page.wait_for_load_state("load")
    # when the editor chooses only the X account and the photo, and writes for both platforms
    page.get_by_label("HBBC on X").check()
    page.get_by_label("Lantern parade (photo)").check()
    page.get_by_label("Text for X").fill("The lantern parade lit up the town centre.")
    page.get_by_label("Text for Facebook").fill("The lantern parade lit up the town centre.")
    # then neither text box speaks of consent: X is covered, and Facebook is not chosen
    expect(page.locator("#count-x")).to_contain_text("42 of 280", timeout=15_000)
    expect(page.locator("#count-facebook")).to_contain_text("42 of 63206", timeout=15_000)
    expect(page.locator("#findings-x [data-rule=media-consent]")).to_have_count(0)
    expect(page.locator("#findings-facebook [data-rule=media-consent]")).to_have_count(0)
    expect(page.locator("#findings-facebook [data-rule=child-guardian-consent]")).to_have_count(0)
    # when they choose the Facebook account too
    page.get_by_label("Hinckley & Bosworth Borough Council").check()
    # then Facebook's findings say exactly what is missing: the guardian's consent does not cover it
    consent = page.locator("#findings-facebook [data-rule=media-consent]")
    expect(consent).to_contain_text(
        "their parent or guardian's consent covers other channels, not this one", timeout=15_000
    )
    expect(page.locator("#findings-facebook [data-rule=child-guardian-consent]")).to_have_count(0)
    expect(page.locator("#findings-x [data-rule=media-consent]")).to_have_count(0)
    assert_accessible(page)


def test_one_comms_officer_cannot_clear_two_tiers_and_the_page_says_who_is_next(
    page, sign_in, assert_accessible, editor, comms_officer, another_comms_officer, facebook
):
    # given an account whose two tiers both list the comms officer, and a post waiting at tier 1
    tier(facebook, 1, "any", comms_officer)
    tier(facebook, 2, "any", comms_officer, another_comms_officer)
    post = submitted(editor, facebook)
    # when the comms officer approves it
    sign_in(page, comms_officer)
    page.goto(f"/posts/{post.pk}/")
    page.get_by_role("button", name="Approve").click()
    # then there is no second Approve for them: the page says tier 2 waits for their colleague, and why
    waiting = page.locator("[data-waiting-for]")
    expect(waiting).to_have_text(
        f"Waiting for any one of {another_comms_officer.full_name}. {comms_officer.full_name} approved an "
        "earlier tier, and each person's approval counts once."
    )
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)
    assert_accessible(page)


def test_an_editor_is_warned_before_sending_a_blocked_post_for_approval(
    page, sign_in, assert_accessible, editor, comms_officer, facebook
):
    # given an editor writing a post with a personal phone number in it
    sign_in(page, editor)
    page.goto("/posts/write/")
    page.get_by_label("Hinckley & Bosworth Borough Council").check()
    page.get_by_label("Text for Facebook").fill("Ring our officer Jo on 07700 900123 tonight.")
    post_time = timezone.localtime(in_hours(48))
    fill_date(page, "When should it go out?", post_time)
    # (the live check has found it: the engine is warm)
    expect(page.locator("#findings-facebook [data-rule=phone-number]")).to_be_visible(timeout=30_000)
    # when they send it for approval
    page.get_by_role("button", name="Send for approval").click(timeout=30_000)
    # then it is kept as a draft and they are told why, with the choice to send it anyway
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Not sent for approval: the check blocks this post"
    )
    expect(page.locator("#blocked-submit")).to_contain_text("Nobody can approve it unless the communications team")
    assert Post.objects.get().status == Post.Status.DRAFT
    assert_accessible(page)
    page.get_by_role("button", name="Send for approval anyway").click()
    expect(page.locator("#post-status")).to_contain_text("Awaiting approval")
