"""The comment's page and the handling pages, as the people who use them see them."""

import base64
import hashlib
import io
import json
import zipfile

import pytest
from django.urls import reverse

from herald.moderation import services, tasks
from herald.moderation.models import Comment, CouncillorAbuseCase, HouseRules, ModerationRule, Reply
from herald.moderation.services import replies
from herald.social_accounts.models import AccountEditor
from testing.factories import AccountFactory, CouncillorFactory, comment

ABUSE = "You are a useless idiot and I will hurt you"


@pytest.fixture
def account(db, editor):
    account = AccountFactory()
    AccountEditor.objects.create(account=account, person=editor)
    return account


def test_an_editor_replies_from_the_comment_page_and_records_where_they_posted_it(client, account, editor):
    # given
    question = comment(account, "What time does the tip open on Sunday?")
    client.force_login(editor)
    page = client.get(reverse("moderation:detail", args=[question.pk]))
    assert b"Write a reply" in page.content
    # when
    response = client.post(
        reverse("moderation:reply", args=[question.pk]), {"text": "It opens at 8am on Sundays.", "seen_latest": 0}
    )
    reply = Reply.objects.get()
    client.post(
        reverse("moderation:record_posted", args=[question.pk, reply.pk]),
        {"address": "https://www.facebook.com/council/posts/1?reply=2"},
    )
    # then
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.status == Reply.Status.SENT
    page = client.get(reverse("moderation:detail", args=[question.pk]))
    assert b"see it on the platform" in page.content


def test_a_reply_that_collides_is_refused_on_the_page_with_the_text_kept(client, account, editor, comms_officer):
    question = comment(account, "Is the pool open?")
    seen = replies.latest_reply_id(question)
    services.write_reply(question, by=comms_officer, text="Yes, from 7am.", seen_latest=seen)
    client.force_login(editor)

    response = client.post(
        reverse("moderation:reply", args=[question.pk]), {"text": "It opens at seven.", "seen_latest": seen}
    )

    assert response.status_code == 400
    assert "after you opened this comment" in response.content.decode()
    assert "It opens at seven." in response.content.decode()
    assert question.herald_replies.count() == 1


def test_presence_tells_each_person_who_else_is_there(client, account, editor, comms_officer):
    question = comment(account, "Is the pool open?")
    client.force_login(comms_officer)
    client.post(reverse("moderation:presence", args=[question.pk]), {"text": "Yes it is"})

    client.force_login(editor)
    answer = client.post(reverse("moderation:presence", args=[question.pk]), {"text": ""})

    assert f"{comms_officer.full_name} is writing a reply" in answer.content.decode()


def test_the_live_check_marks_problems_in_a_reply(client, account, editor):
    question = comment(account, "Who do I call?")
    client.force_login(editor)

    answer = client.post(
        reverse("moderation:reply_check", args=[question.pk]), {"text": "Call Jane on 07700 900123 any time"}
    )

    assert answer.status_code == 200
    assert "govuk-tag--red" in answer.content.decode()


def test_hiding_needs_a_reason_from_the_list(client, account, editor):
    found = comment(account, ABUSE)
    client.force_login(editor)

    refused = client.post(reverse("moderation:remove", args=[found.pk]), {"action": "hide"})
    assert refused.status_code == 400
    assert "Choose why the comment is being removed" in refused.content.decode()

    client.post(reverse("moderation:remove", args=[found.pk]), {"action": "hide", "reason": "threat"})
    found.refresh_from_db()
    assert found.status == Comment.Status.HIDDEN
    kept = found.evidence.get()
    pdf = client.get(reverse("moderation:evidence_pdf", args=[kept.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert hashlib.sha256(b"".join(pdf)).hexdigest() == kept.pdf_sha256


def test_the_monitoring_officer_exports_the_evidence_pack(client, account, monitoring_officer, editor):
    CouncillorFactory(first_name="Stuart", last_name="Bray")
    services.hide_comment(
        comment(account, "Cllr Stuart Bray you are a useless idiot, I will hurt you"), by=editor, reason="threat"
    )
    case = CouncillorAbuseCase.objects.get()
    client.force_login(monitoring_officer)

    page = client.get(reverse("moderation:case", args=[case.pk]))
    pack = client.post(reverse("moderation:case_pack", args=[case.pk]))

    assert b"Download the evidence pack" in page.content
    archive = zipfile.ZipFile(io.BytesIO(pack.content))
    sums = archive.read("SHA256SUMS").decode().splitlines()
    assert sums and all(
        hashlib.sha256(archive.read(line.split("  ")[1])).hexdigest() == line.split("  ")[0] for line in sums
    )


def test_the_councillor_sees_the_case_on_their_home_page(client, account):
    councillor = CouncillorFactory(first_name="Stuart", last_name="Bray")
    comment(account, "Stuart Bray is a disgrace and a moron")
    client.force_login(councillor)

    home = client.get("/").content.decode()

    assert "1 case about comments aimed at you" in home
    assert "Being dealt with" in client.get(reverse("moderation:my_cases")).content.decode()


def test_house_rules_are_public_and_versions_stay_readable(client, comms_officer):
    client.force_login(comms_officer)
    client.post(reverse("moderation:house_rules_edit"), {"body": "# Rules\nBe kind.", "action": "publish"})
    client.post(reverse("moderation:house_rules_edit"), {"body": "# Rules\nBe kind. No spam.", "action": "publish"})
    client.logout()

    current = client.get(reverse("house_rules")).content.decode()
    old = client.get(reverse("house_rules_version", args=[1])).content.decode()

    assert "No spam" in current and "Version 2" in current
    assert "no longer in force" in old and "No spam" not in old
    assert HouseRules.objects.count() == 2


def test_comms_add_a_rule_and_only_an_administrator_lets_it_hide(client, comms_officer, system_admin):
    client.force_login(comms_officer)
    response = client.post(
        reverse("moderation:rule_new"),
        {
            "name": "Threats",
            "active": "on",
            "order": 10,
            "check_rules": "threat",
            "hide": "on",
            "hide_reason": "threat",
        },
    )
    assert response.status_code == 302
    rule = ModerationRule.objects.get()
    assert rule.hide and not rule.may_hide
    assert client.post(reverse("moderation:rule_auto_hide", args=[rule.pk]), {"allow": "yes"}).status_code == 403

    client.force_login(system_admin)
    client.post(reverse("moderation:rule_auto_hide", args=[rule.pk]), {"allow": "yes"})
    rule.refresh_from_db()
    assert rule.may_hide


def test_an_author_page_shows_the_pattern_and_records_a_block(client, account, editor):
    first = comment(account, "You are a useless idiot")
    comment(account, "You are scum", author_platform_id=first.author.platform_user_id)
    client.force_login(editor)

    page = client.get(reverse("moderation:author", args=[first.author.pk])).content.decode()
    client.post(reverse("moderation:author", args=[first.author.pk]), {"kind": "block", "reason": "Repeated abuse"})

    assert "Pattern of abuse" in page
    assert first.author.sanctions.get().kind == "block"
    assert str(first.author) in client.get(reverse("moderation:blocked_authors")).content.decode()


def test_evidence_is_in_the_subject_access_export(client, account, editor, dpo):
    found = comment(account, ABUSE, author_handle="angry_resident")
    services.hide_comment(found, by=editor, reason="abuse")
    client.force_login(dpo)

    search = client.get(reverse("consents:subject_access"), {"q": "angry_resident"}).content.decode()
    export = client.post(reverse("consents:subject_export"), {"q": "angry_resident", "format": "json"})

    assert "Evidence kept of removed comments: 1" in search
    data = json.loads(export.content)
    [kept] = data["other_records"]["moderation_evidence"]
    assert kept["text_shown"] == ABUSE
    assert base64.b64decode(kept["pdf_base64"]).startswith(b"%PDF")


def test_the_retention_and_presence_tasks_are_scheduled():
    assert (tasks.remove_expired_evidence, 24 * 60 * 60) in tasks.SCHEDULE
    assert (tasks.forget_stale_presence, 60 * 60) in tasks.SCHEDULE


def test_the_demo_handling_data_loads_once(db):
    import random

    from herald.moderation import demo_handling
    from herald.people import demo as people_demo

    people_demo.seed(random.Random(1))
    first = demo_handling.seed(random.Random(1))
    second = demo_handling.seed(random.Random(1))

    assert "house rules" in first
    assert second == "nothing new"
    assert HouseRules.objects.count() == 1


def test_the_comment_page_names_its_author_under_one_author_heading(client, account, editor):
    import re

    found = comment(account, "When is bin day?", author_handle="sarahw", author_url="https://www.facebook.com/sarahw")
    client.force_login(editor)

    page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()

    assert len(re.findall(r">\s*Author\s*<", page)) == 1
    assert 'aria-labelledby="comment-author"' in page
    assert reverse("moderation:author", args=[found.author.pk]) in page
    assert 'href="https://www.facebook.com/sarahw"' in page


def test_the_monitoring_officer_keeps_a_councillors_handle_and_abuse_naming_it_reaches_them(
    client, account, monitoring_officer
):
    from herald.audit.models import AuditEvent

    # given
    bray = CouncillorFactory(first_name="Stuart", last_name="Bray")
    client.force_login(monitoring_officer)
    cases_page = client.get(reverse("moderation:cases")).content.decode()
    assert reverse("moderation:councillor_handles") in cases_page
    # when
    response = client.post(
        reverse("moderation:councillor_handles"), {"councillor": bray.pk, "platform": "", "handle": "@StuartBrayLD"}
    )
    # then
    assert response.status_code == 302
    assert "@StuartBrayLD" in client.get(reverse("moderation:councillor_handles")).content.decode()
    assert AuditEvent.objects.filter(action="moderation.councillor_handle_added", actor=monitoring_officer).exists()
    comment(account, "@stuartbrayld you are a useless idiot")
    assert CouncillorAbuseCase.objects.get().councillor == bray


def test_a_handle_already_kept_for_another_councillor_is_refused_with_an_error_summary(client, monitoring_officer):
    from herald.moderation.models import CouncillorHandle

    bray, other = CouncillorFactory(first_name="Stuart", last_name="Bray"), CouncillorFactory()
    CouncillorHandle.objects.create(councillor=bray, handle="StuartBrayLD")
    client.force_login(monitoring_officer)

    response = client.post(
        reverse("moderation:councillor_handles"), {"councillor": other.pk, "platform": "x", "handle": "stuartbrayld"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page and f"already kept for {bray.full_name}" in page
    assert CouncillorHandle.objects.count() == 1
    empty = client.post(reverse("moderation:councillor_handles"), {"councillor": other.pk, "handle": ""})
    assert "Enter the handle" in empty.content.decode()


def test_a_changed_handle_and_a_retired_one_are_what_abuse_is_matched_against(
    client, account, monitoring_officer, editor
):
    from herald.audit.models import AuditEvent
    from herald.moderation.models import CouncillorHandle

    bray = CouncillorFactory(first_name="Stuart", last_name="Bray")
    kept = CouncillorHandle.objects.create(councillor=bray, handle="OldHandle")
    client.force_login(monitoring_officer)

    # when the handle is changed
    client.post(
        reverse("moderation:councillor_handle_edit", args=[kept.pk]),
        {"councillor": bray.pk, "platform": "x", "handle": "@NewHandle"},
    )
    # then the new one reaches him on X
    kept.refresh_from_db()
    assert (kept.handle, kept.platform) == ("NewHandle", "x")
    comment(account, "@oldhandle you are a useless idiot")
    assert not CouncillorAbuseCase.objects.exists()
    comment(account, "@newhandle you are a useless idiot")
    assert CouncillorAbuseCase.objects.get().councillor == bray

    # when it is retired, abuse naming it no longer reaches him, and the handle can be kept again
    client.post(reverse("moderation:councillor_handle_retire", args=[kept.pk]))
    kept.refresh_from_db()
    assert kept.retired_at is not None
    assert AuditEvent.objects.filter(action="moderation.councillor_handle_retired").exists()
    case = CouncillorAbuseCase.objects.get()
    late = comment(account, "@newhandle you are a useless moron")
    assert not late.abuse_cases.exists()
    assert CouncillorAbuseCase.objects.get() == case
    again = client.post(
        reverse("moderation:councillor_handles"), {"councillor": bray.pk, "platform": "x", "handle": "NewHandle"}
    )
    assert again.status_code == 302
