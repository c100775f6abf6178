"""Who is told what about consent: the person who gave it, and the staff whose posts and photos depend on it.
One test per message."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from herald.consents import services
from herald.consents.models import ConsentRecord, TakedownTask
from herald.consents.services import ConsentDetails
from herald.consents.tests.factories import (
    ConsentRecordFactory,
    ConsentRequestFactory,
    account_edited_by,
    photo_showing,
)
from herald.dates import uk_deadline, uk_short_datetime

pytestmark = pytest.mark.django_db
COUNCIL = "Hinckley & Bosworth Borough Council"


@pytest.fixture
def told(django_capture_on_commit_callbacks):
    """Run an action and return the emails it sent, once its transaction has committed."""

    def run(action, *args, **kwargs):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            action(*args, **kwargs)
        return list(mail.outbox)

    return run


@pytest.fixture
def record():
    return ConsentRecordFactory(email="asha@example.org", phone="07700 900982")


@pytest.fixture
def published(record, editor):
    asset = photo_showing(record, by=editor, title="Switch-on crowd")
    return services.record_use(
        asset,
        by=editor,
        state="published",
        account=account_edited_by(editor),
        published_url="https://facebook.com/hbbc/posts/1",
    )


def test_the_person_who_gives_consent_gets_their_reference_and_what_they_were_told(told, settings):
    request = ConsentRequestFactory()
    details = ConsentDetails(
        subject_name="Asha Patel",
        age_band="adult",
        given_by="self",
        channels=["website"],
        purposes=["promotion"],
        name_may_be_published=False,
        email="asha@example.org",
    )
    [message] = told(services.give_consent, request, details)
    consent = ConsentRecord.objects.get()
    assert message.to == ["asha@example.org"]
    assert message.subject == f"Your consent reference: {consent.urn}"
    assert f"You gave consent for photos and film of Asha Patel at {request.event_name}." in message.body
    assert f"Your reference number (URN) is {consent.urn}." in message.body
    assert f"We keep them until {consent.expires_on:%-d %B %Y}." in message.body
    assert f"To withdraw, go to {settings.SITE_URL}{reverse('consents:withdraw')} and enter" in message.body
    assert f"What you were told:\n\n{consent.wording_text}\n\n{COUNCIL}\n" in message.body


def test_the_editors_are_asked_to_take_down_a_published_post_and_the_person_is_told(
    told, record, published, editor, comms_officer
):
    sent = told(services.withdraw_consent, record, by=comms_officer, reason="Phoned in")
    task = TakedownTask.objects.get()
    takedown = next(m for m in sent if m.to == [editor.email])
    assert takedown.subject == f"Take down or review by {uk_short_datetime(task.due_at)}: consent withdrawn"
    assert (
        f"shown in 'Switch-on crowd', published on {published.account.display_name} at "
        "https://facebook.com/hbbc/posts/1." in takedown.body
    )
    assert f"record why it stays, by {uk_deadline(task.due_at)}." in takedown.body
    assert takedown.body.endswith(f"{reverse('consents:takedown', args=[task.pk])}\n")
    confirmed = next(m for m in sent if m.to == ["asha@example.org"])
    assert confirmed.subject == f"Consent withdrawn: {record.urn}"
    assert "We are reviewing 1 post already published, and will remove the image where we can within 48 hours." in (
        confirmed.body
    )
    assert "stopped" not in confirmed.body
    assert confirmed.body.endswith(f"Printed copies already handed out cannot be recalled.\n\n{COUNCIL}\n")


def test_the_owner_of_a_reference_is_told_when_someone_else_tries_to_withdraw_it(told, record):
    [message] = told(services.withdraw_by_reference, record.urn, "someone@else.org")
    assert message.to == ["asha@example.org"]
    assert message.subject == f"Someone tried to withdraw consent {record.urn}"
    assert f"Someone used your reference {record.urn} on our withdraw-consent page" in message.body


def test_the_uploader_is_told_when_consent_expires_for_their_photos(told, editor):
    expiring = ConsentRecordFactory(expires_on=timezone.localdate() - dt.timedelta(days=1))
    photo_showing(expiring, by=editor, title="Fun run start")
    [message] = told(services.expire_consents)
    assert message.to == [editor.email]
    assert message.subject == "Consent has expired for photos you uploaded"
    assert f"used again:\n\n- 'Fun run start' ({expiring.urn})\n\nhttp" in message.body
