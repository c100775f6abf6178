"""Herald keeps each webhook delivery with the headers that signed it, so its signature can be checked
again later (`manage.py check_delivery_signatures`). When a comment's author removes it and nothing needs
its words, Herald takes them out of the deliveries it kept: those no longer match their signatures, and
the check says they were verified when they arrived and scrubbed since (when, and why), never that they
were forged. A delivery altered any other way is reported as forged or altered."""

import copy
import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from herald.connectors import services
from herald.connectors.models import RawEvent
from herald.connectors.tests.test_webhooks import accounts, facebook_comment, post, read_queued, signed_meta

pytestmark = pytest.mark.django_db
__all__ = ["accounts"]  # the fixture, shared with the webhook tests

ID = "104958372615_998877_1122"
QUESTION = "When is the green bin collection in Burbage?"


def fb_signed(body):
    return signed_meta(body, "fb-app-secret")


def removed_by_its_author() -> dict:
    delivery = copy.deepcopy(facebook_comment(ID, QUESTION))
    entry = delivery["entry"][0]
    entry["time"] = 1767609600
    entry["changes"] = [entry["changes"][0]]
    entry["changes"][0]["value"]["verb"] = "remove"
    entry["changes"][0]["value"].pop("message")
    return delivery


def check(**options) -> str:
    out = StringIO()
    call_command("check_delivery_signatures", stdout=out, **options)
    return out.getvalue()


@pytest.mark.time_machine(dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC), tick=False)
def test_a_delivery_scrubbed_after_its_comment_was_removed_is_reported_as_verified_then_scrubbed(client, accounts):
    # given a comment delivered, signed, and checked again while it is as it arrived
    assert post(client, "facebook", facebook_comment(ID, QUESTION), fb_signed).status_code == 200
    read_queued()
    delivery = RawEvent.objects.get()
    assert services.check_signature(delivery).outcome == "verified"
    # when its author removes it and Herald takes its words out of the kept delivery
    post(client, "facebook", removed_by_its_author(), fb_signed)
    read_queued()
    delivery.refresh_from_db()
    assert QUESTION not in delivery.body
    # then the delivery records when and why, and checking it again says so rather than "forged"
    assert delivery.scrubbed_at == dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC)
    assert "its author removed the comment" in delivery.scrubbed_reason and ID in delivery.scrubbed_reason
    found = services.check_signature(delivery)
    assert found.outcome == "scrubbed"
    assert "Signature checked when it arrived; changed by Herald on 5 January 2026" in found.words
    report = check(connector="facebook")
    assert "1 verified, 1 verified when they arrived and scrubbed since" in report and "0 forged" in report


def test_a_delivery_altered_otherwise_is_reported_as_forged(client, accounts):
    assert post(client, "facebook", facebook_comment(ID, QUESTION), fb_signed).status_code == 200
    delivery = RawEvent.objects.get()
    RawEvent.objects.filter(pk=delivery.pk).update(body=delivery.body.replace("Burbage", "Barwell"))
    delivery.refresh_from_db()
    assert services.check_signature(delivery).outcome == "forged"
    with pytest.raises(CommandError, match="1 deliveries do not match their signatures"):
        check()
