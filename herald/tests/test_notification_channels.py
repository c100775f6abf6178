"""How people are told: each person chooses email now or a daily digest, a team may have its Microsoft
Teams or Slack channel told too (posted through the task queue, retried), and the demo keeps its mail in an
outbox page instead of printing it."""

import datetime as dt
import importlib
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import time_machine
from django.core import mail
from django.core.mail import send_mail

from herald import digests, webhooks
from herald import settings as herald_settings
from herald.mail import deliver
from herald.management.commands.serve import OutboxSummary, site_address
from herald.models import DigestItem, NotificationPreference, OutboxEmail, OutgoingEmail, TeamWebhook, WebhookDelivery
from herald.notifications import notify
from herald.tasks import post_to_webhook
from testing.factories import PersonFactory, TeamFactory

pytestmark = pytest.mark.django_db
ADVICE = {"link": "https://herald.example/advice/1/"}


class Receiver:
    """A local incoming-webhook endpoint on 127.0.0.1 that records what it is sent."""

    def __init__(self, status: int = 200):
        self.received: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                receiver.received.append(
                    {"type": self.headers["Content-Type"], "json": json.loads(self.rfile.read(length))}
                )
                self.send_response(status)
                self.end_headers()
                self.wfile.write(b"1")

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    found = Receiver()
    yield found
    found.close()


def _run_queued_webhook_posts():
    for delivery in WebhookDelivery.objects.filter(status=WebhookDelivery.Status.QUEUED):
        post_to_webhook.call(delivery.pk)


def test_a_person_who_chose_a_daily_digest_gets_one_email_a_day_with_everything(
    comms_officer, employee, django_capture_on_commit_callbacks
):
    digests.choose_delivery(comms_officer, delivery="daily", by=comms_officer)
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            notify("advice_requested", to=[comms_officer], context={"by": employee, **ADVICE})
            notify("advice_requested", to=[comms_officer], context={"by": PersonFactory(), **ADVICE})
        assert mail.outbox == []
        assert DigestItem.objects.filter(person=comms_officer).count() == 2
        # the day's digest time (7:00) had passed when they were kept: even the first digest waits for
        # the next morning, so nobody gets one at the next hourly run and another at 7:00
        with django_capture_on_commit_callbacks(execute=True):
            assert digests.send_daily_digests() == 0
    with time_machine.travel(dt.datetime(2026, 3, 3, 6, 55, tzinfo=dt.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert digests.send_daily_digests() == 0
    assert mail.outbox == []
    with time_machine.travel(dt.datetime(2026, 3, 3, 7, 5, tzinfo=dt.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert digests.send_daily_digests() == 1
    [digest] = mail.outbox
    assert digest.to == [comms_officer.email]
    assert digest.subject == "Herald: your 2 messages from the last day"
    assert digest.body.count("has asked the communications team") == 2
    assert employee.full_name in digest.body
    assert not DigestItem.objects.exists()
    # more news the same day waits for tomorrow's digest, even after a day without one
    with time_machine.travel(dt.datetime(2026, 3, 4, 15, 0, tzinfo=dt.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            notify("advice_requested", to=[comms_officer], context={"by": employee, **ADVICE})
            assert digests.send_daily_digests() == 0
    with time_machine.travel(dt.datetime(2026, 3, 4, 16, 0, tzinfo=dt.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert digests.send_daily_digests() == 0
    with time_machine.travel(dt.datetime(2026, 3, 5, 7, 5, tzinfo=dt.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert digests.send_daily_digests() == 1
            assert digests.send_daily_digests() == 0
    assert len(mail.outbox) == 2


def test_a_first_digest_kept_in_the_small_hours_goes_at_seven_only(
    comms_officer, employee, django_capture_on_commit_callbacks
):
    # Summer time: 7:00 in the UK is 6:00 UTC.
    with time_machine.travel(dt.datetime(2026, 6, 10, 1, 30, tzinfo=dt.UTC), tick=False):
        digests.choose_delivery(comms_officer, delivery="daily", by=comms_officer)
        with django_capture_on_commit_callbacks(execute=True):
            notify("advice_requested", to=[comms_officer], context={"by": employee, **ADVICE})
    for hour in (2, 3, 4, 5):
        with time_machine.travel(dt.datetime(2026, 6, 10, hour, 0, tzinfo=dt.UTC), tick=False):
            with django_capture_on_commit_callbacks(execute=True):
                assert digests.send_daily_digests() == 0
    for hour in (6, 7):
        with time_machine.travel(dt.datetime(2026, 6, 10, hour, 0, tzinfo=dt.UTC), tick=False):
            with django_capture_on_commit_callbacks(execute=True):
                digests.send_daily_digests()
    assert [m.subject for m in mail.outbox] == ["Herald: your 1 message from the last day"]


def test_others_told_the_same_thing_are_emailed_at_once(comms_officer, employee, django_capture_on_commit_callbacks):
    colleague = PersonFactory(email="colleague@council.example")
    digests.choose_delivery(comms_officer, delivery="daily", by=comms_officer)
    with django_capture_on_commit_callbacks(execute=True):
        notify("advice_requested", to=[comms_officer, colleague], context={"by": employee, **ADVICE})
    assert [m.to for m in mail.outbox] == [[colleague.email]]
    assert DigestItem.objects.get().person == comms_officer


def test_urgent_messages_are_emailed_at_once_even_to_digest_readers(system_admin, django_capture_on_commit_callbacks):
    digests.choose_delivery(system_admin, delivery="daily", by=system_admin)
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            "audit_chain_broken", to=[system_admin], context={"report": {"checked": 3, "problem": "event 4 altered"}}
        )
    assert [m.to for m in mail.outbox] == [[system_admin.email]]
    assert not DigestItem.objects.exists()


def test_going_back_to_email_now_sends_what_was_waiting(comms_officer, employee, django_capture_on_commit_callbacks):
    digests.choose_delivery(comms_officer, delivery="daily", by=comms_officer)
    with django_capture_on_commit_callbacks(execute=True):
        notify("advice_requested", to=[comms_officer], context={"by": employee, **ADVICE})
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        digests.choose_delivery(comms_officer, delivery="now", by=comms_officer)
    assert [m.subject for m in mail.outbox] == ["Herald: your 1 message from the last day"]
    assert NotificationPreference.objects.get(person=comms_officer).delivery == "now"


def test_a_teams_channel_gets_what_its_members_are_told_as_an_adaptive_card(
    comms_officer, employee, system_admin, receiver, django_capture_on_commit_callbacks
):
    webhooks.set_team_webhook(team=comms_officer.team, service="teams", url=receiver.url, by=system_admin)
    with django_capture_on_commit_callbacks(execute=True):
        notify("advice_requested", to=[comms_officer], context={"by": employee, **ADVICE})
    _run_queued_webhook_posts()
    [posted] = receiver.received
    assert posted["type"] == "application/json"
    card = posted["json"]
    assert card["type"] == "message"
    [attachment] = card["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    title, body = attachment["content"]["body"]
    assert attachment["content"]["type"] == "AdaptiveCard"
    assert title["text"] == mail.outbox[0].subject
    assert employee.full_name in body["text"] and body["wrap"] is True
    assert WebhookDelivery.objects.get().status == WebhookDelivery.Status.SENT


def test_a_slack_channel_gets_mrkdwn_text_with_its_markup_characters_escaped(
    comms_officer, system_admin, receiver, django_capture_on_commit_callbacks
):
    webhooks.set_team_webhook(team=comms_officer.team, service="slack", url=receiver.url, by=system_admin)
    asker = PersonFactory(first_name="Sam <!channel>", last_name="Lee & Co")
    with django_capture_on_commit_callbacks(execute=True):
        notify("advice_requested", to=[comms_officer], context={"by": asker, **ADVICE})
    _run_queued_webhook_posts()
    [posted] = receiver.received
    text = posted["json"]["text"]
    assert text.startswith("*Advice requested: can Sam &lt;!channel&gt; Lee &amp; Co post this?*\n")
    assert "Sam &lt;!channel&gt; Lee &amp; Co" in text and "<!channel>" not in text


def test_personal_letters_never_go_to_a_team_channel(
    employee, system_admin, receiver, django_capture_on_commit_callbacks
):
    webhooks.set_team_webhook(team=employee.team, service="slack", url=receiver.url, by=system_admin)
    with django_capture_on_commit_callbacks(execute=True):
        notify("daily_digest", to=[employee], context={"items": [], "count": 0})
    assert len(mail.outbox) == 1
    assert not WebhookDelivery.objects.exists()


def test_a_channel_that_does_not_answer_is_tried_again_then_marked_failed(
    comms_officer, employee, system_admin, settings, django_capture_on_commit_callbacks
):
    down = Receiver(status=500)
    try:
        webhooks.set_team_webhook(team=comms_officer.team, service="slack", url=down.url, by=system_admin)
        with django_capture_on_commit_callbacks(execute=True):
            notify("advice_requested", to=[comms_officer], context={"by": employee, **ADVICE})
        delivery = WebhookDelivery.objects.get()
        for _ in range(settings.HERALD_EMAIL_MAX_ATTEMPTS - 1):
            assert webhooks.deliver(delivery.pk) == "queued"
        with pytest.raises(webhooks.WebhookDeliveryFailed):
            webhooks.deliver(delivery.pk)
    finally:
        down.close()
    delivery.refresh_from_db()
    assert delivery.status == "failed" and "500" in delivery.last_error
    assert len(down.received) == settings.HERALD_EMAIL_MAX_ATTEMPTS


def test_a_webhook_address_must_be_https_in_production(system_admin, settings):
    settings.PRODUCTION = True
    with pytest.raises(webhooks.Refused, match="https://"):
        webhooks.set_team_webhook(team=TeamFactory(), service="slack", url="http://hooks.example/x", by=system_admin)
    assert not TeamWebhook.objects.exists()


def test_the_demo_keeps_its_mail_in_the_outbox_and_serve_prints_one_line_per_burst(settings):
    settings.EMAIL_BACKEND = herald_settings.EMAIL_BACKEND
    settings.HERALD_EMAIL_DELIVERY_BACKEND = "herald.mail.OutboxBackend"
    said: list[str] = []
    summary = OutboxSummary(said.append, "http://127.0.0.1:8123/notifications/outbox/")
    for n in range(3):
        send_mail(f"Message {n}", f"Body {n}", None, [f"person{n}@council.example"])
    for email in OutgoingEmail.objects.all():
        deliver(email.pk)
    assert mail.outbox == []  # nothing really sent
    summary()  # the burst is still arriving
    assert said == []
    summary()
    assert said == [
        "Mail: 3 emails kept in the demo outbox (not sent); read them at http://127.0.0.1:8123/notifications/outbox/"
    ]
    summary()
    assert len(said) == 1
    assert OutboxEmail.objects.get(subject="Message 1").body == "Body 1"


def test_serve_gives_email_links_its_own_address_unless_one_is_configured():
    env: dict[str, str] = {}
    assert site_address(env, host="127.0.0.1", port="8123") == "http://127.0.0.1:8123"
    assert env["HERALD_SITE_URL"] == "http://127.0.0.1:8123"
    assert site_address({"HERALD_SITE_URL": "https://herald.council.gov.uk/"}, host="0.0.0.0", port="80") == (
        "https://herald.council.gov.uk"
    )


def test_links_in_emails_use_the_configured_site_address(
    comms_officer, employee, settings, django_capture_on_commit_callbacks
):
    from herald.posts.services.workflow import _link

    settings.SITE_URL = "http://127.0.0.1:8123"
    assert _link("posts:index").startswith("http://127.0.0.1:8123/posts/")


def test_the_outbox_page_shows_kept_mail_to_administrators_only_while_the_demo_backend_is_in_use(
    client, system_admin, settings
):
    OutboxEmail.objects.create(subject="Approve a post", to="comms@council.example", body="Open http://x/posts/1/")
    client.force_login(system_admin)
    page = client.get("/notifications/outbox/")
    assert "Approve a post" in page.content.decode()
    settings.HERALD_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert client.get("/notifications/outbox/").status_code == 404


def test_an_administrator_connects_a_channel_and_its_test_message_arrives(client, system_admin, receiver):
    from herald.audit.models import AuditEvent

    team = TeamFactory(name="Communications")
    client.force_login(system_admin)
    response = client.post("/notifications/team-channels/", {"team": team.pk, "service": "slack", "url": receiver.url})
    assert response.status_code == 302
    hook = TeamWebhook.objects.get(team=team)
    with_test = client.post(f"/notifications/team-channels/{hook.pk}/test/")
    assert with_test.status_code == 302
    _run_queued_webhook_posts()
    [posted] = receiver.received
    assert posted["json"]["text"].startswith("*Herald test message*")
    assert system_admin.full_name in posted["json"]["text"]
    event = AuditEvent.objects.get(action="notifications.webhook_set")
    assert event.after["host"] == receiver.url.split("/")[2] and receiver.url not in str(event.after)


@pytest.mark.parametrize("kind", ["moderation_safeguarding", "incident_update", "moderation_abuse_case"])
def test_confidential_messages_go_to_the_people_named_but_never_to_their_teams_channel(
    kind, comms_officer, system_admin, receiver, django_capture_on_commit_callbacks
):
    # given a team with a Slack channel, whose member is told of a safeguarding concern or an incident
    webhooks.set_team_webhook(team=comms_officer.team, service="slack", url=receiver.url, by=system_admin)
    context = {"link": "https://herald.example/x/1/", "text": "I know where the Year 9 girl lives"}
    with django_capture_on_commit_callbacks(execute=True):
        notify(kind, to=[comms_officer], context=context)
    # then it is emailed to them, and nothing is posted where the whole team (and Slack) would read it
    assert [m.to for m in mail.outbox] == [[comms_officer.email]]
    assert not WebhookDelivery.objects.exists()
    _run_queued_webhook_posts()
    assert receiver.received == []


SLACK_SECRET = "T0AB12CD3/B0EF45GH6/q8W2xY7zL1mN4pR6sT9vU3k"


def test_the_team_channels_page_shows_the_host_and_a_masked_tail_never_the_secret_path(client, system_admin):
    team = TeamFactory(name="Waste and recycling")
    webhooks.set_team_webhook(
        team=team, service="slack", url=f"https://hooks.slack.com/services/{SLACK_SECRET}", by=system_admin
    )
    client.force_login(system_admin)

    page = client.get("/notifications/team-channels/").content.decode()

    assert "hooks.slack.com/…vU3k" in page  # the host and the last four characters
    assert "/services/" not in page and "T0AB12CD3" not in page and SLACK_SECRET[:-4] not in page


def test_an_address_the_http_client_refuses_is_a_failed_post_shown_without_the_address(
    client, comms_officer, employee, system_admin, settings, django_capture_on_commit_callbacks
):
    # An address Python's HTTP client refuses (http.client.InvalidURL, not a ValueError): the post is
    # marked failed like any other, and the error, which quotes the whole path, is kept without it.
    settings.HERALD_EMAIL_MAX_ATTEMPTS = 1
    url = f"http://127.0.0.1:9/services/{SLACK_SECRET} x"
    webhooks.set_team_webhook(team=comms_officer.team, service="slack", url=url, by=system_admin)
    with django_capture_on_commit_callbacks(execute=True):
        notify("advice_requested", to=[comms_officer], context={"by": employee, **ADVICE})
    delivery = WebhookDelivery.objects.get()
    with pytest.raises(webhooks.WebhookDeliveryFailed) as failed:
        webhooks.deliver(delivery.pk)

    delivery.refresh_from_db()
    assert delivery.last_error.startswith("InvalidURL: URL can't contain control characters.")
    assert "127.0.0.1/…" in delivery.last_error
    assert "T0AB12CD3" not in delivery.last_error and "T0AB12CD3" not in str(failed.value)
    client.force_login(system_admin)
    page = client.get("/notifications/team-channels/").content.decode()
    assert "Posts that could not be delivered" in page and "T0AB12CD3" not in page


def test_the_preferences_page_says_when_the_waiting_messages_will_go(
    client, comms_officer, employee, django_capture_on_commit_callbacks
):
    digests.choose_delivery(comms_officer, delivery="daily", by=comms_officer)
    client.force_login(comms_officer)
    # Kept at 10:00 on Monday 2 March: it goes in Tuesday's digest, at 7:00.
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            notify("advice_requested", to=[comms_officer], context={"by": employee, **ADVICE})
        page = client.get("/notifications/").content.decode()
    assert "It goes at 7am on Tuesday 3 March." in page
    # Tuesday at 7:00, before the hourly run has sent it
    with time_machine.travel(dt.datetime(2026, 3, 3, 7, 0, 30, tzinfo=dt.UTC), tick=False):
        page = client.get("/notifications/").content.decode()
    assert "It goes within the hour." in page


@pytest.fixture
def error_kept_before_masking(system_admin):
    """A failed post whose error was kept, whole address and all, before errors were masked."""
    team = TeamFactory(name="Waste and recycling")
    url = f"https://hooks.slack.com/services/{SLACK_SECRET}"
    hook = webhooks.set_team_webhook(team=team, service="slack", url=url, by=system_admin)
    return WebhookDelivery.objects.create(
        webhook=hook,
        payload={"text": "Advice requested"},
        subject="Advice requested",
        status=WebhookDelivery.Status.FAILED,
        attempts=5,
        last_error=f"URLError: <urlopen error unknown url type: '{url}'>",
    )


def test_an_error_kept_before_masking_is_shown_without_the_secret_path(client, system_admin, error_kept_before_masking):
    client.force_login(system_admin)

    page = client.get("/notifications/team-channels/").content.decode()

    assert "Posts that could not be delivered" in page
    assert "unknown url type: &#x27;hooks.slack.com/…vU3k&#x27;" in page
    assert "T0AB12CD3" not in page and "/services/" not in page


def test_migration_0004_masks_the_errors_kept_before_masking(error_kept_before_masking):
    from django.apps import apps

    migration = importlib.import_module("herald.migrations.0004_mask_webhook_addresses_in_kept_errors")

    assert migration.mask_kept_errors(apps) == 1

    error_kept_before_masking.refresh_from_db()
    assert error_kept_before_masking.last_error == "URLError: <urlopen error unknown url type: 'hooks.slack.com/…vU3k'>"
    assert migration.mask_kept_errors(apps) == 0, "running it again changes nothing"


def test_staff_emails_ask_for_replies_to_the_comms_mailbox_and_offer_the_notification_settings(
    comms_officer, employee, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://herald.hinckley-bosworth.example"
    settings.HERALD_COMMS_REPLY_TO = "Communications Team <comms-team@hinckley-bosworth.example>"
    with django_capture_on_commit_callbacks(execute=True):
        notify("advice_requested", to=[comms_officer], context={"by": employee, **ADVICE})
    [sent] = [m.message() for m in mail.outbox]
    assert sent["Reply-To"] == "Communications Team <comms-team@hinckley-bosworth.example>"
    assert sent["List-Unsubscribe"] == "<https://herald.hinckley-bosworth.example/notifications/>"
    # while a member of the public, who has no settings page, is sent neither
    from herald.consents.tests.factories import ConsentRecordFactory

    mail.outbox.clear()
    record = ConsentRecordFactory(email="asha@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        notify("consent_receipt", to=[record.email], context={"record": record})
    [sent] = [m.message() for m in mail.outbox]
    assert sent["List-Unsubscribe"] is None and sent["Reply-To"] is None


def test_an_email_with_a_file_attached_has_no_unsubscribe_link(employee, django_capture_on_commit_callbacks):
    # A message carrying a file is never kept for the daily digest, whatever the person chose, so a link
    # to the settings page would offer a change that cannot apply to it.
    NotificationPreference.objects.create(person=employee, delivery=NotificationPreference.Delivery.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            "monthly_account_report",
            to=[employee],
            context={"owner": employee, "month": dt.date(2026, 11, 1), "rows": [], "link": "https://x/"},
            attachments=[("account-report-2026-11.pdf", b"%PDF-1.4", "application/pdf")],
        )
    [sent] = [m.message() for m in mail.outbox]
    assert sent.get_payload()[1].get_filename() == "account-report-2026-11.pdf"
    assert sent["List-Unsubscribe"] is None


def test_a_confidential_email_does_not_ask_for_replies_to_the_comms_mailbox(
    dpo, settings, django_capture_on_commit_callbacks
):
    # A reminder about subject access requests is for Information Governance: a reply to it must not
    # land in the communications team's shared mailbox.
    settings.HERALD_COMMS_REPLY_TO = "Communications Team <comms-team@hinckley-bosworth.example>"
    on = dt.date(2026, 2, 16)
    with django_capture_on_commit_callbacks(execute=True):
        notify("subject_access_due", to=[dpo], context={"overdue": [], "soon": [], "on": on, "link": "https://x/"})
    [sent] = [m.message() for m in mail.outbox]
    assert sent["Reply-To"] is None


def test_an_email_nobody_may_put_off_has_no_unsubscribe_link(system_admin, django_capture_on_commit_callbacks):
    # An urgent message goes at once whatever the person chose on their settings page.
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            "audit_chain_broken", to=[system_admin], context={"report": {"checked": 3, "problem": "event 4 altered"}}
        )
    [sent] = [m.message() for m in mail.outbox]
    assert sent["List-Unsubscribe"] is None
    assert sent["Reply-To"] == herald_settings.HERALD_COMMS_REPLY_TO
