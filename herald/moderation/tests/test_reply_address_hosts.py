"""A reply's address is on the comment's platform only where a browser would take its reader there: a host
written in capitals, with a trailing dot, a port or an international name is the same site; a user name
before the host, a backslash or a scheme other than http(s) is not. A Mastodon reply's id names the
account's server as the connector does (with its port), so that a removal the platform reports finds it."""

import pytest

from herald.connectors.platforms.mastodon import MastodonConnector
from herald.errors import Refused
from herald.moderation.models import Reply
from herald.moderation.services import replies
from testing.factories import AccountFactory

from .test_reply_posted_by_hand import _ready_by_hand

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address",
    [
        "https://evil.example\\@x.com/HinckBosBC/status/1866123456789012345",
        "https://someone:secret@x.com/HinckBosBC/status/1866123456789012345",
    ],
)
def test_an_address_that_leads_elsewhere_is_refused(comms_officer, address):
    reply = _ready_by_hand(AccountFactory(platform="x"), comms_officer)
    with pytest.raises(Refused) as refused:
        replies.record_reply_posted(reply, by=comms_officer, address=address)
    assert list(refused.value.message_dict) == ["address"]
    reply.refresh_from_db()
    assert reply.status == Reply.Status.READY


def test_an_address_written_in_capitals_is_recorded(comms_officer):
    address = "HTTPS://X.COM/HinckBosBC/status/1866123456789012345"
    reply = _ready_by_hand(AccountFactory(platform="x"), comms_officer)
    replies.record_reply_posted(reply, by=comms_officer, address=address)
    reply.refresh_from_db()
    assert reply.status == Reply.Status.SENT and reply.platform_reply_id == "1866123456789012345"


def test_a_mastodon_server_with_an_international_name_is_the_same_in_either_form(comms_officer):
    reply = _ready_by_hand(
        AccountFactory(platform="mastodon", profile_url="https://bücher.social/@HBBC"), comms_officer
    )
    replies.record_reply_posted(
        reply, by=comms_officer, address="https://xn--bcher-kva.social/@HBBC/113512345678901234"
    )
    reply.refresh_from_db()
    assert reply.platform_reply_id == "mastodon:xn--bcher-kva.social:113512345678901234"


def test_a_mastodon_id_names_the_server_with_its_port_as_the_connector_does(comms_officer):
    reply = _ready_by_hand(
        AccountFactory(platform="mastodon", profile_url="https://social.example.gov.uk:8443/@HBBC"), comms_officer
    )
    replies.record_reply_posted(
        reply, by=comms_officer, address="https://social.example.gov.uk:8443/@HBBC/113512345678901234"
    )
    reply.refresh_from_db()
    assert reply.platform_reply_id == MastodonConnector.id_for(
        "https://social.example.gov.uk:8443", "113512345678901234"
    )
