"""Writing, approving, publishing and keeping official posts, through the services."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from herald import checking
from herald.audit.models import AuditEvent
from herald.elections.tests.factories import ElectionFactory
from herald.errors import Refused
from herald.people.roles import Role
from herald.posts import findings, selectors, services
from herald.posts.models import Approval, Post, PublishingPause, Revision
from herald.posts.services import PostContent
from herald.posts.tests.factories import in_hours, tier
from herald.social_accounts.tests.factories import AccountFactory
from testing.factories import CouncillorFactory, PersonFactory

pytestmark = pytest.mark.django_db

CLEAN = "The leisure centre pool reopens on Monday after its refit. Book a swim online."


def write(by, account, text=CLEAN, hours=48, **kwargs):
    return services.write_post(
        accounts=[account], texts={account.platform: text}, scheduled_for=in_hours(hours), by=by, **kwargs
    )[0]


def submitted(by, account, text=CLEAN, **kwargs):
    return services.submit_for_approval(write(by, account, text, **kwargs), by=by)


# --- Writing ---


def test_writing_for_two_accounts_makes_a_draft_each_with_its_platforms_text(editor, facebook, x_account):
    posts = services.write_post(
        accounts=[facebook, x_account],
        texts={"facebook": CLEAN, "x": "Pool reopens Monday #SwimHinckley"},
        scheduled_for=in_hours(24),
        by=editor,
    )
    assert [p.text for p in posts] == [CLEAN, "Pool reopens Monday #SwimHinckley"]
    assert {p.status for p in posts} == {Post.Status.DRAFT}
    assert posts[0].group == posts[1].group
    assert all(p.revisions.count() == 1 for p in posts)
    assert AuditEvent.objects.filter(action="post.written").count() == 2


def test_an_editor_cannot_write_for_an_account_they_do_not_edit(editor):
    other = AccountFactory()
    with pytest.raises(Refused, match="not one of its editors"):
        write(editor, other)
    assert not Post.objects.exists()


def test_the_communications_team_can_write_for_any_active_account(comms_officer):
    assert write(comms_officer, AccountFactory()).status == Post.Status.DRAFT


def test_a_draft_keeps_its_check_report_and_the_rules_it_triggered(editor, facebook):
    post = write(editor, facebook, "Call Jo on 07700 900123 about the #summerfestival")
    assert post.blocking
    assert {"phone-number", "hashtag-camelcase"} <= set(post.rule_hits.values_list("rule", flat=True))


def test_a_reply_needs_the_comment_it_answers(editor, facebook):
    with pytest.raises(Refused, match="comment you are replying to"):
        write(editor, facebook, kind=Post.Kind.REPLY)
    reply = write(
        editor,
        facebook,
        "Thanks, we have passed this to the parks team.",
        kind=Post.Kind.REPLY,
        reply_to_text="The swings in Hollycroft Park are broken",
    )
    assert reply.kind == Post.Kind.REPLY and reply.report["findings"] is not None


def test_x_counts_links_as_23_characters():
    length = findings.platform_length("See https://www.hinckley-bosworth.gov.uk/a/very/long/path/indeed/here", "x")
    assert length.count == 4 + 23
    assert findings.platform_length("é" * 10, "bluesky").count == 10
    assert findings.platform_length("See https://www.hinckley-bosworth.gov.uk/a/very/long/path", "mastodon").count == 27


def test_a_camel_case_fix_is_applied_from_a_fresh_check():
    text = "Come to the #summerfestival"
    report = checking.run_check(text, platform="facebook")
    finding = next(f for f in report["findings"] if f["rule"] == "hashtag-camelcase")
    assert (
        findings.apply_fix(text, report, rule="hashtag-camelcase", start=finding["start"])
        == "Come to the #SummerFestival"
    )
    assert findings.apply_fix(text, report, rule="hashtag-camelcase", start=0) is None


def test_marked_text_escapes_and_wraps_each_span():
    marked = findings.marked_text("<b> call 07700 900123", [{"start": 9, "end": 21, "severity": "block"}])
    assert marked.startswith('&lt;b&gt; call <mark class="herald-mark herald-mark--block"')


# --- Approving ---


def test_without_a_rule_the_communications_team_approves(
    editor, comms_officer, facebook, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = submitted(editor, facebook)
    assert post.status == Post.Status.AWAITING_APPROVAL
    assert comms_officer.pk in selectors.eligible_approvers(post)
    assert comms_officer.email in mail.outbox[-1].to and "Post to approve" in mail.outbox[-1].subject
    services.approve_post(post, by=comms_officer)
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED and post.approved_revision == 1


def test_nobody_approves_their_own_post(comms_officer, service_manager):
    account = AccountFactory()
    tier(account, 1, "any", comms_officer, service_manager)
    post = submitted(comms_officer, account)
    with pytest.raises(Refused, match="someone else must approve"):
        services.approve_post(post, by=comms_officer)
    assert not Approval.objects.exists()


def test_a_post_nobody_else_could_approve_is_not_sent(comms_officer):
    with pytest.raises(Refused, match="Nobody can approve"):
        submitted(comms_officer, AccountFactory())


def test_an_any_tier_needs_one_approver_and_an_all_tier_needs_every_one(editor, facebook, service_manager):
    a, b = PersonFactory(), PersonFactory()
    tier(facebook, 1, "any", service_manager, a)
    tier(facebook, 2, "all", a, b)
    post = submitted(editor, facebook)
    services.approve_post(post, by=service_manager)
    post.refresh_from_db()
    assert post.current_tier == 2
    with pytest.raises(Refused):
        services.approve_post(post, by=service_manager)  # not in tier 2
    services.approve_post(post, by=a)
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL and post.current_tier == 2
    services.approve_post(post, by=b)
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED


def test_the_author_is_left_out_of_their_own_tier(editor, facebook, service_manager):
    tier(facebook, 1, "all", editor, service_manager)
    post = submitted(editor, facebook)
    assert selectors.eligible_approvers(post) == {service_manager.pk}
    services.approve_post(post, by=service_manager)
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED


def test_a_rule_change_does_not_touch_posts_already_waiting(editor, facebook, service_manager, comms_officer):
    tier(facebook, 1, "any", service_manager)
    post = submitted(editor, facebook)
    services.set_approval_rule(facebook, [services.TierSpec("any", (comms_officer,))], by=comms_officer)
    assert selectors.eligible_approvers(post) == {service_manager.pk}


def test_a_rule_has_at_most_three_tiers(comms_officer, facebook, service_manager):
    spec = services.TierSpec("any", (service_manager,))
    with pytest.raises(Refused, match="at most 3"):
        services.set_approval_rule(facebook, [spec] * 4, by=comms_officer)


def test_sending_back_needs_reasons_and_resubmitting_starts_a_new_round(
    editor, comms_officer, facebook, django_capture_on_commit_callbacks
):
    post = submitted(editor, facebook)
    with pytest.raises(Refused, match="why you are sending"):
        services.send_back(post, by=comms_officer, reasons=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_back(post, by=comms_officer, reasons="Say which pool")
    post.refresh_from_db()
    assert post.status == Post.Status.SENT_BACK and post.sent_back_reasons == "Say which pool"
    assert "Say which pool" in mail.outbox[-1].body
    services.edit_post(
        post, PostContent(CLEAN.replace("pool", "Hinckley Leisure Centre pool"), post.scheduled_for), by=editor
    )
    post = services.submit_for_approval(post, by=editor)
    assert post.round == 2 and selectors.eligible_approvers(post) == {comms_officer.pk}


def test_an_approvers_edit_is_recorded_as_a_revision_with_a_diff(
    editor, comms_officer, another_comms_officer, facebook
):
    post = submitted(editor, facebook)
    services.edit_post(
        post,
        PostContent(CLEAN.replace("Monday", "Tuesday"), post.scheduled_for),
        by=comms_officer,
        reason="Date corrected",
    )
    revision = Revision.objects.get(post=post, number=2)
    assert revision.by_approver and revision.made_by == comms_officer and revision.reason == "Date corrected"
    parts = selectors.diff(Revision.objects.get(post=post, number=1).text, revision.text)
    assert ("removed", "Monday") in parts and ("added", "Tuesday") in parts


def test_notes_are_private_and_kept(editor, comms_officer, facebook):
    post = submitted(editor, facebook)
    services.add_note(post, by=comms_officer, text="Check with leisure first")
    assert post.notes.get().text == "Check with leisure first"
    assert "Check with leisure" not in post.text


def test_a_post_that_blocks_cannot_be_approved(editor, comms_officer, facebook):
    post = submitted(editor, facebook, "Ring our officer on 07700 900123")
    with pytest.raises(Refused, match="breaks the policy"):
        services.approve_post(post, by=comms_officer)


def test_comms_may_override_a_block_only_with_a_justification(editor, comms_officer, facebook):
    post = submitted(editor, facebook, "Ring our officer on 07700 900123")
    with pytest.raises(Refused, match="at least 20"):
        services.override_block(post, by=comms_officer, justification="ok")
    with pytest.raises(Refused, match="Only the communications team"):
        services.override_block(post, by=editor, justification="This is the published duty phone number")
    services.override_block(post, by=comms_officer, justification="This is the published out-of-hours duty phone")
    services.approve_post(post, by=comms_officer)
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED and post.override_rules == ["phone-number"]
    assert list(Post.objects.overridden()) == [post]
    assert AuditEvent.objects.filter(action="post.block_overridden", reason__contains="duty phone").exists()


def test_a_new_block_after_an_override_needs_a_new_override(editor, comms_officer, another_comms_officer, facebook):
    post = submitted(editor, facebook, "Ring our officer on 07700 900123")
    services.override_block(post, by=comms_officer, justification="This is the published out-of-hours duty phone")
    services.edit_post(
        post, PostContent("Ring 07700 900123 or email jo.bloggs@gmail.com", post.scheduled_for), by=comms_officer
    )
    with pytest.raises(Refused, match="breaks the policy"):
        services.approve_post(post, by=another_comms_officer)


# --- Time passing ---


def test_an_unapproved_post_expires_when_its_time_passes(
    editor, comms_officer, facebook, django_capture_on_commit_callbacks
):
    post = submitted(editor, facebook)
    with django_capture_on_commit_callbacks(execute=True):
        expired = services.expire_overdue_posts(now=post.scheduled_for + dt.timedelta(minutes=1))
    assert expired == [post]
    post.refresh_from_db()
    assert post.status == Post.Status.EXPIRED
    assert "expired" in mail.outbox[-1].subject.lower()
    services.reopen_post(post, by=editor)
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT


def test_a_post_pending_for_90_days_expires(editor, comms_officer, facebook):
    post = submitted(editor, facebook, hours=24 * 200)
    assert services.expire_overdue_posts(now=timezone.now() + dt.timedelta(days=91)) == [post]


def test_an_approved_post_becomes_ready_at_its_time_and_the_editor_is_told(
    editor, comms_officer, facebook, django_capture_on_commit_callbacks
):
    post = submitted(editor, facebook)
    services.approve_post(post, by=comms_officer)
    assert services.mark_ready_posts(now=post.scheduled_for - dt.timedelta(minutes=1)) == []
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.mark_ready_posts(now=post.scheduled_for) == [post]
    post.refresh_from_db()
    assert post.status == Post.Status.READY
    assert editor.email in mail.outbox[0].to and "Ready to publish" in mail.outbox[0].subject


def test_the_stop_switch_holds_scheduled_posts_until_released(editor, comms_officer, facebook, x_account):
    on_facebook = submitted(editor, facebook)
    on_x = submitted(editor, x_account)
    for post in (on_facebook, on_x):
        services.approve_post(post, by=comms_officer)
    with pytest.raises(Refused):
        services.stop_publishing(by=editor, reason="Crisis")
    pause = services.stop_publishing(by=comms_officer, reason="Major incident", accounts=[facebook])
    later = on_facebook.scheduled_for + dt.timedelta(minutes=5)
    assert services.mark_ready_posts(now=later) == [on_x]
    on_facebook.refresh_from_db()
    assert on_facebook.status == Post.Status.APPROVED
    services.release_publishing(pause, by=comms_officer)
    assert services.mark_ready_posts(now=later) == [on_facebook]
    assert not PublishingPause.objects.in_force().exists()


def test_publication_is_recorded_with_an_address_on_the_platform(editor, comms_officer, facebook):
    post = submitted(editor, facebook)
    services.approve_post(post, by=comms_officer)
    services.mark_ready_posts(now=post.scheduled_for)
    with pytest.raises(Refused, match="facebook.com"):
        services.record_publication(post, url="https://x.com/hbbc/status/1", by=editor)
    with pytest.raises(Refused, match="starting https"):
        services.record_publication(post, url="facebook.com/hbbc/posts/1", by=editor)
    services.record_publication(post, url="https://www.facebook.com/hinckleybosworth/posts/123", by=editor)
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED and post.published_by == editor


# --- Pre-election period ---


def test_in_a_pre_election_period_posts_need_the_communications_team_too(
    editor, facebook, service_manager, comms_officer
):
    today = timezone.localdate()
    ElectionFactory(poll_date=today + dt.timedelta(days=20), notice_published_on=today - dt.timedelta(days=5))
    CouncillorFactory(first_name="Stuart", last_name="Bray", ward="Burbage")
    tier(facebook, 1, "any", service_manager)
    post = submitted(editor, facebook)
    assert post.pre_election and len(post.plan) == 2 and post.plan[1]["comms"]
    services.approve_post(post, by=service_manager)
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL and selectors.eligible_approvers(post) == {comms_officer.pk}
    services.approve_post(post, by=comms_officer)
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED
    # and the check runs in pre-election mode: naming a councillor blocks
    named = write(editor, facebook, "Councillor Stuart Bray opened the new play area today.")
    assert named.blocking and named.report["pre_election"]


def test_in_a_pre_election_period_a_post_that_reads_as_party_campaigning_gets_a_publicity_code_warning(
    editor, facebook
):
    promotion = "We will scrap the unfair charges and put power back in the hands of local people."
    with time_machine.travel(dt.datetime(2027, 4, 20, 9, 0, tzinfo=dt.UTC), tick=False):
        # outside a pre-election period the text is not asked about
        before = write(editor, facebook, promotion)
        assert "party-model" not in {f["rule"] for f in before.findings}
        # once the notice of election is published, the same words on the council's account are a warning
        ElectionFactory(poll_date=dt.date(2027, 5, 6), notice_published_on=dt.date(2027, 3, 25))
        during = write(editor, facebook, promotion)
        [warning] = [f for f in during.findings if f["rule"] == "party-model"]
        assert warning["severity"] == "warn" and "Publicity" in warning["law"]
        assert during.report["pre_election"] and not during.blocking


# --- Retention ---


def test_posts_past_retention_are_deleted_unless_on_legal_hold(editor, comms_officer, facebook, x_account):
    old = write(editor, facebook)
    held = write(editor, x_account)
    Post.objects.filter(pk__in=[old.pk, held.pk]).update(
        status=Post.Status.PUBLISHED,
        published_url="https://www.facebook.com/p/1",
        published_at=timezone.now() - dt.timedelta(days=365 * 7),
    )
    services.set_retention(
        x_account, years=6, legal_hold=True, legal_hold_reason="Ombudsman complaint", by=comms_officer
    )
    assert services.delete_past_retention() == 1
    assert list(Post.objects.all()) == [held]
    event = AuditEvent.objects.get(action="post.deleted_after_retention")
    assert event.before["text"] == CLEAN


def test_a_legal_hold_needs_a_reason(comms_officer, facebook):
    with pytest.raises(Refused, match="legal hold"):
        services.set_retention(facebook, years=6, legal_hold=True, by=comms_officer)


def test_roles_can_see_only_their_posts(editor, facebook, employee, dpo):
    post = write(editor, facebook)
    assert list(Post.objects.visible_to(dpo)) == [post]
    assert list(Post.objects.visible_to(employee)) == []
    assert Role.EDITOR in editor.roles
