import io

import pytest
from django.core.management import CommandError, call_command

from herald.connectors import services
from herald.connectors.models import RawEvent
from herald.connectors.tests.test_webhooks import facebook_comment
from herald.moderation.models import Comment
from testing.factories import AccountFactory

pytestmark = pytest.mark.django_db


def test_a_delivery_for_an_account_added_later_is_read_again_once_asked(secrets, django_capture_on_commit_callbacks):
    import json

    # given a delivery that failed because its page was not yet in the secrets
    event, _ = services.store_delivery(
        "facebook",
        body=json.dumps(facebook_comment()).encode(),
        source="webhook",
        signature="verified",
        replay_key="k1",
    )
    services.read_delivery(event)
    assert RawEvent.objects.get().status == "failed"
    # when ICT adds the page and reads the failed deliveries again
    AccountFactory(platform="facebook", handle="HBBC")
    secrets({"accounts": {"facebook:HBBC": {"account_id": "104958372615", "access_token": "t"}}})
    with django_capture_on_commit_callbacks(execute=True):
        call_command("read_deliveries_again", "--connector", "facebook", stdout=io.StringIO())
    for waiting in RawEvent.objects.waiting():
        services.read_delivery(waiting)
    # then the comment is in the inbox
    assert RawEvent.objects.get().status == "processed"
    assert Comment.objects.get().platform_id == "104958372615_998877_1122"


def test_run_connector_refuses_an_account_without_a_reader(secrets):
    account = AccountFactory(platform="facebook", handle="HBBC")
    secrets({"accounts": {"facebook:HBBC": {"account_id": "1", "access_token": "t"}}})
    with pytest.raises(CommandError, match="no streaming or polling connector"):
        call_command("run_connector", str(account.pk))
    half = AccountFactory(platform="bluesky", handle="half.bsky.social")
    secrets({"accounts": {"bluesky:half.bsky.social": {"account_id": "did:plc:x"}}})
    with pytest.raises(CommandError, match="missing handle, app_password"):
        call_command("run_connector", str(half.pk))


def test_the_example_secrets_file_names_a_known_connector_for_every_account(settings):
    from pathlib import Path

    from herald.connectors import credentials
    from herald.connectors.registry import CONNECTORS

    example = Path(settings.BASE_DIR) / "examples" / "secrets.example.toml"
    data = credentials._read_file(str(example))
    assert set(data["platforms"]) <= set(CONNECTORS)
    for key, values in data["accounts"].items():
        name = values.get("connector") or key.split(":", 1)[0]
        assert not CONNECTORS[name].missing(data["platforms"].get(name, {}), values), key


def test_deliveries_that_brought_no_comment_are_forgotten_after_a_while_and_the_rest_kept(secrets):
    import datetime as dt
    import json

    from django.utils import timezone

    AccountFactory(platform="facebook", handle="HBBC")
    secrets({"accounts": {"facebook:HBBC": {"account_id": "104958372615", "access_token": "t"}}})
    long_ago = timezone.now() - dt.timedelta(days=40)
    like = {
        "object": "page",
        "entry": [
            {
                "id": "104958372615",
                "time": 1,
                "changes": [{"field": "feed", "value": {"item": "reaction", "verb": "add"}}],
            }
        ],
    }
    bodies = {"like": like, "comment": facebook_comment(), "broken": {"object": "page", "entry": "x"}}
    for key, payload in bodies.items():
        event, _ = services.store_delivery(
            "facebook", body=json.dumps(payload).encode(), source="webhook", signature="verified", replay_key=key
        )
        services.read_delivery(event)
    RawEvent.objects.update(received_at=long_ago)
    assert services.forget_empty_deliveries(older_than_days=30) == 1
    assert set(RawEvent.objects.values_list("replay_key", flat=True)) == {"comment", "broken"}
    assert services.forget_empty_deliveries(older_than_days=60) == 0
