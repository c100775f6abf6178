"""Withdrawal takes effect at once and reaches every use; the public form reveals nothing to strangers."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.consents import services, withdrawal
from herald.consents.models import ConsentRecord, MediaUse, TakedownTask
from herald.consents.tests.factories import ConsentRecordFactory, account_edited_by, photo_showing
from herald.errors import Refused
from herald.social_accounts.models import Platform

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_and_scheduled(editor, comms_officer):
    record = ConsentRecordFactory(email="asha@example.org", phone="07700 900982")
    asset = photo_showing(record, by=editor)
    facebook = account_edited_by(editor, platform=Platform.FACEBOOK)
    instagram = account_edited_by(editor, platform=Platform.INSTAGRAM, name="Atkins Building")
    published = services.record_use(
        asset,
        by=editor,
        state="published",
        account=facebook,
        published_url="https://facebook.com/hbbc/posts/1",
        reference="post 41",
    )
    scheduled = services.record_use(
        asset, by=editor, state="scheduled", account=instagram, scheduled_for=timezone.now() + dt.timedelta(days=1)
    )
    draft = services.record_use(asset, by=editor, state="draft", channel="website")
    return record, published, scheduled, draft


def test_withdrawing_consent_stops_scheduled_posts_and_sends_published_ones_for_takedown(
    published_and_scheduled, comms_officer, editor, django_capture_on_commit_callbacks
):
    record, published, scheduled, draft = published_and_scheduled
    # when
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.withdraw_consent(record, by=comms_officer, reason="Phoned in", method="Phone")
    # then
    scheduled.refresh_from_db(), draft.refresh_from_db(), published.refresh_from_db()
    assert scheduled.state == MediaUse.State.STOPPED and draft.state == MediaUse.State.STOPPED
    assert published.state == MediaUse.State.PUBLISHED, "a published post is reviewed, not silently changed"
    task = TakedownTask.objects.get()
    assert task.use == published and task.record == record and task.is_open
    assert task.due_at == pytest.approx(timezone.now() + dt.timedelta(hours=48), abs=dt.timedelta(minutes=1))
    assert len(outcome.stopped) == 2 and list(outcome.takedowns) == [task]
    editor_mail = [m for m in mail.outbox if editor.email in m.to]
    assert editor_mail and "Take down or review" in editor_mail[0].subject
    person_mail = [m for m in mail.outbox if "asha@example.org" in m.to]
    assert "withdrawn" in person_mail[0].body and "stopped 2 planned posts" in person_mail[0].body
    assert not services.asset_usability(published.asset, channel="facebook", on=timezone.localdate()).usable
    assert AuditEvent.objects.filter(action="consent.withdrawn", actor=comms_officer).exists()


def test_withdrawing_twice_changes_nothing_more(published_and_scheduled, comms_officer):
    record = published_and_scheduled[0]
    services.withdraw_consent(record, by=comms_officer)
    again = services.withdraw_consent(record, by=comms_officer)
    assert again.takedowns == () and TakedownTask.objects.count() == 1


def test_the_takedown_deadline_is_configurable(settings, published_and_scheduled, comms_officer):
    settings.HERALD_CONSENT_TAKEDOWN_HOURS = 4
    services.withdraw_consent(published_and_scheduled[0], by=comms_officer)
    task = TakedownTask.objects.get()
    assert task.due_at - task.created_at == pytest.approx(dt.timedelta(hours=4), abs=dt.timedelta(seconds=5))


@pytest.fixture
def leaflet_handler():
    """A handler for an imagined app that prints leaflets, registered only for this test."""
    seen = []
    saved = {kind: list(handlers) for kind, handlers in withdrawal._handlers.items()}
    withdrawal.on_consent_withdrawn("leaflet", lambda pks, *, by, why: seen.append((pks, by, why)))
    yield seen
    withdrawal._handlers.clear()
    withdrawal._handlers.update(saved)


def test_withdrawal_tells_each_app_which_of_its_records_use_the_media(
    leaflet_handler, published_and_scheduled, editor, comms_officer
):
    # given two leaflets that use the photo, recorded through the one "these are my media" call
    record, published, *_ = published_and_scheduled
    for pk in (7, 9):
        services.set_media_for(
            withdrawal.UseOwner("leaflet", pk), [published.asset], by=editor, state="draft", channel="print"
        )
    # when consent is withdrawn
    services.withdraw_consent(record, by=comms_officer)
    # then the leaflet app hears of exactly its two records, and uses recorded by hand reach nobody
    assert leaflet_handler == [([7, 9], comms_officer, withdrawal.Why.WITHDRAWN)]


def test_an_owner_is_named_by_kind_and_number_not_free_text():
    assert withdrawal.UseOwner.from_reference("post:41") == withdrawal.UseOwner("post", 41)
    assert withdrawal.UseOwner.from_reference("post 41") is None
    assert withdrawal.UseOwner.from_reference("Festival round-up post") is None
    with pytest.raises(ValueError):
        withdrawal.on_consent_withdrawn("Post:", lambda pks, *, by, why: None)


def test_flagging_do_not_publish_stops_uses_like_a_withdrawal(published_and_scheduled, comms_officer):
    record, published, scheduled, _ = published_and_scheduled
    services.mark_do_not_publish(record, by=comms_officer, reason="Child placed for adoption")
    scheduled.refresh_from_db()
    assert scheduled.state == MediaUse.State.STOPPED and TakedownTask.objects.filter(use=published).exists()


def test_completing_a_takedown_by_removing_the_post_marks_the_use_taken_down(
    published_and_scheduled, editor, comms_officer
):
    record, published, *_ = published_and_scheduled
    services.withdraw_consent(record, by=comms_officer)
    task = TakedownTask.objects.get()
    services.complete_takedown(task, by=editor, outcome="removed", notes="Deleted the post")
    published.refresh_from_db()
    assert published.state == MediaUse.State.TAKEN_DOWN and not TakedownTask.objects.open().exists()
    with pytest.raises(Refused):
        services.complete_takedown(task, by=editor, outcome="removed")


def test_keeping_a_post_after_review_needs_a_reason(published_and_scheduled, editor, comms_officer):
    services.withdraw_consent(published_and_scheduled[0], by=comms_officer)
    with pytest.raises(Refused, match="why"):
        services.complete_takedown(TakedownTask.objects.get(), by=editor, outcome="kept")


def test_the_public_withdraws_with_their_urn_and_email(
    client, published_and_scheduled, django_capture_on_commit_callbacks
):
    record = published_and_scheduled[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("consents:withdraw"), {"urn": record.urn.lower().replace("-", " "), "contact": "ASHA@example.org"}
        )
    assert response.status_code == 302 and response["Location"] == reverse("consents:withdraw_sent")
    record.refresh_from_db()
    assert record.state == ConsentRecord.State.WITHDRAWN and record.withdrawal_method == "Online withdrawal form"
    assert AuditEvent.objects.get(action="consent.withdrawn").actor_label == services.PUBLIC_ACTOR


def test_the_public_can_withdraw_with_the_phone_number_instead(client, published_and_scheduled):
    record = published_and_scheduled[0]
    client.post(reverse("consents:withdraw"), {"urn": record.urn, "contact": "+44 7700 900982"})
    record.refresh_from_db()
    assert record.state == ConsentRecord.State.WITHDRAWN


def test_wrong_contact_details_get_the_same_answer_and_the_real_owner_is_told(
    client, published_and_scheduled, django_capture_on_commit_callbacks
):
    record = published_and_scheduled[0]
    with django_capture_on_commit_callbacks(execute=True):
        wrong = client.post(
            reverse("consents:withdraw"), {"urn": record.urn, "contact": "someone@else.org"}, follow=True
        )
        unknown = client.post(
            reverse("consents:withdraw"), {"urn": "ZZZZ-ZZZZ", "contact": "someone@else.org"}, follow=True
        )

    def main(response):
        return response.content.decode().split("<main", 1)[1].split("</main>")[0]

    assert main(wrong) == main(unknown)
    record.refresh_from_db()
    assert record.state == ConsentRecord.State.GIVEN
    assert [m.to for m in mail.outbox] == [["asha@example.org"]]
    assert "Someone tried to withdraw" in mail.outbox[0].subject


def test_repeated_guessing_is_throttled(client, settings, published_and_scheduled):
    settings.HERALD_CONSENT_WITHDRAW_ATTEMPTS_PER_HOUR = 3
    for _ in range(3):
        client.post(reverse("consents:withdraw"), {"urn": "ZZZZ-ZZZZ", "contact": "x@example.org"})
    record = published_and_scheduled[0]
    response = client.post(reverse("consents:withdraw"), {"urn": record.urn, "contact": "asha@example.org"})
    assert response.status_code == 429 and b"Too many attempts" in response.content
    record.refresh_from_db()
    assert record.state == ConsentRecord.State.GIVEN


def test_guessing_contact_details_for_one_urn_is_throttled_across_addresses(client, settings, published_and_scheduled):
    settings.HERALD_CONSENT_ATTEMPTS_PER_URN_PER_HOUR = 2
    record = published_and_scheduled[0]
    for n in range(2):
        client.post(
            reverse("consents:withdraw"),
            {"urn": record.urn, "contact": f"guess{n}@example.org"},
            REMOTE_ADDR=f"10.0.0.{n}",
        )
    client.post(
        reverse("consents:withdraw"), {"urn": record.urn, "contact": "asha@example.org"}, REMOTE_ADDR="10.0.0.9"
    )
    record.refresh_from_db()
    assert record.state == ConsentRecord.State.GIVEN


def test_erasing_the_details_of_a_current_consent_stops_its_uses_like_a_withdrawal(
    client, published_and_scheduled, dpo, leaflet_handler, editor
):
    # given: the person's photo is published on Facebook, scheduled on Instagram, drafted for the
    # website, and a leaflet uses it
    record, published, scheduled, draft = published_and_scheduled
    services.set_media_for(
        withdrawal.UseOwner("leaflet", 3), [published.asset], by=editor, state="draft", channel="print"
    )
    # when: Information Governance erases their details on an erasure request
    client.force_login(dpo)
    response = client.post(reverse("consents:record_erase", args=[record.pk]), {"reason": "Erasure request ER-114"})
    # then: nothing showing them goes out any more, and the published post is sent for takedown
    assert response.status_code == 302
    scheduled.refresh_from_db(), draft.refresh_from_db()
    assert scheduled.state == MediaUse.State.STOPPED and draft.state == MediaUse.State.STOPPED
    assert TakedownTask.objects.open().filter(use=published).exists()
    assert leaflet_handler == [([3], dpo, withdrawal.Why.ERASED)]


@pytest.mark.parametrize("reference", ["post:²", "post:①", "post:" + "9" * 40])
def test_a_use_recorded_by_hand_with_a_number_that_is_not_plain_digits_names_no_owner(reference):
    assert withdrawal.UseOwner.from_reference(reference) is None


def test_two_people_completing_the_same_takedown_at_once_the_second_is_told_not_shown_an_error(
    client, monkeypatch, published_and_scheduled, editor, comms_officer
):
    from herald.consents import views

    services.withdraw_consent(published_and_scheduled[0], by=comms_officer)
    task = TakedownTask.objects.get()
    # given the editor opened the task, and the communications team completes it while they fill it in
    opened = views._get_takedown

    def colleague_finishes_first(request, pk):
        found = opened(request, pk)
        services.complete_takedown(TakedownTask.objects.get(pk=pk), by=comms_officer, outcome="removed")
        return found

    monkeypatch.setattr(views, "_get_takedown", colleague_finishes_first)
    client.force_login(editor)
    # when the editor sends their answer
    response = client.post(
        reverse("consents:takedown", args=[task.pk]), {"outcome": "kept", "notes": "Crowd shot"}, follow=True
    )
    # then they are told it was already done, and the colleague's outcome stands
    assert response.status_code == 200
    assert "This task has already been completed" in response.content.decode()
    task.refresh_from_db()
    assert (task.outcome, task.completed_by) == ("removed", comms_officer)


def test_the_library_stops_serving_a_withdrawn_photo_except_to_information_governance(
    client, editor, comms_officer, dpo
):
    from django.core.files.base import ContentFile

    from herald.consents.tests.factories import jpeg_bytes

    # given a photo of Asha and one of Ben in the media library, both with thumbnails
    asha, ben = ConsentRecordFactory(subject_name="Asha Patel"), ConsentRecordFactory(subject_name="Ben Okafor")
    hers, his = photo_showing(asha, by=editor), photo_showing(ben, by=editor)
    for asset in (hers, his):
        asset.thumbnail.save("thumb.jpg", ContentFile(jpeg_bytes()), save=True)

    def links(asset):
        return [reverse(f"consents:media_{kind}", args=[asset.pk]) for kind in ("file", "thumbnail")]

    # when Asha withdraws her consent
    services.withdraw_consent(asha, by=comms_officer, reason="Phoned in")
    # then library readers who post photos get a page saying why in general terms, never who
    for person in (editor, comms_officer):
        client.force_login(person)
        for url in links(hers):
            response = client.get(url)
            assert response.status_code == 410
            page = response.content.decode()
            assert "withdrew their consent" in page and "Asha" not in page
        assert [client.get(url).status_code for url in links(his)] == [200, 200]
        # and the library's pages no longer offer her photo's preview or file
        assert links(hers)[1] not in client.get(reverse("consents:media")).content.decode()
        detail = client.get(reverse("consents:media_detail", args=[hers.pk])).content.decode()
        assert links(hers)[0] not in detail and "no longer shown" in detail
    assert not AuditEvent.objects.filter(action="media.stopped_file_opened").exists()
    # and Information Governance, who handle the withdrawal, can still open it, each time on the record
    client.force_login(dpo)
    assert [client.get(url).status_code for url in links(hers)] == [200, 200]
    opened = AuditEvent.objects.filter(action="media.stopped_file_opened", object_id=str(hers.pk))
    assert sorted(e.after["file"] for e in opened) == ["file", "thumbnail"]
    assert {e.actor_id for e in opened} == {dpo.pk}


@pytest.mark.parametrize("how", ["do_not_publish", "erased"])
def test_the_library_stops_serving_a_photo_of_someone_not_to_be_published_or_erased(client, editor, dpo, how):
    record = ConsentRecordFactory(subject_name="Asha Patel")
    asset = photo_showing(record, by=editor)
    if how == "do_not_publish":
        services.mark_do_not_publish(record, by=dpo, reason="Looked-after child")
        because = "must not be published"
    else:
        services.erase_personal_details(record, by=dpo, reason="Asked to be forgotten")
        because = "personal details of someone shown in it were erased"
    client.force_login(editor)
    response = client.get(reverse("consents:media_file", args=[asset.pk]))
    assert response.status_code == 410 and because in response.content.decode()


def test_a_browser_checks_back_before_showing_a_library_photo_again_so_a_withdrawal_takes_effect_at_once(
    client, editor, comms_officer
):
    # given a photo of Asha the editor has just looked at in the media library
    asha = ConsentRecordFactory(subject_name="Asha Patel")
    hers = photo_showing(asha, by=editor)
    client.force_login(editor)
    url = reverse("consents:media_file", args=[hers.pk])
    seen = client.get(url)
    # then the browser may keep the file but must ask Herald again before showing it (no minutes of grace)
    cache_control = [part.strip() for part in seen["Cache-Control"].split(",")]
    assert "no-cache" in cache_control and "private" in cache_control
    assert not any(part.startswith("max-age=") and part != "max-age=0" for part in cache_control)
    # so once Asha withdraws, asking again gets the page saying it may no longer be shown
    services.withdraw_consent(asha, by=comms_officer, reason="Phoned in")
    assert client.get(url).status_code == 410
