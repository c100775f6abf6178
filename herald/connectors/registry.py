"""Which connector serves which platform."""

from __future__ import annotations

from herald.connectors.base import Connector
from herald.connectors.platforms.bluesky import BlueskyConnector
from herald.connectors.platforms.linkedin import LinkedInConnector
from herald.connectors.platforms.mastodon import MastodonConnector
from herald.connectors.platforms.meta import FacebookConnector, InstagramConnector
from herald.connectors.platforms.x import XConnector
from herald.connectors.platforms.youtube import YouTubeConnector

# By the name used in the secrets file and the webhook URL (the register's platform name).
CONNECTORS: dict[str, Connector] = {
    "facebook": FacebookConnector(),
    "instagram": InstagramConnector(),
    "x": XConnector(),
    "linkedin": LinkedInConnector(),
    "youtube": YouTubeConnector(),
    "bluesky": BlueskyConnector(),
    "mastodon": MastodonConnector(),
}

WEBHOOKS = {name for name, connector in CONNECTORS.items() if connector.delivery == "webhook"}
