"""The address a request came from, for rate limits and sign-in lockouts.

Behind the reverse proxy the README recommends, REMOTE_ADDR is the proxy's own address: limits keyed on
it would lock out everyone at once. When REMOTE_ADDR is one of HERALD_TRUSTED_PROXIES, the client is the
right-most X-Forwarded-For hop that is not a trusted proxy. Hops to the left of it were written by the
client and could say anything, so they are never believed.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.HERALD_TRUSTED_PROXIES)))


def client_address(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    if not is_trusted_proxy(address):
        return address
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return address  # a malformed hop: believe nothing beyond the last proxy
        if not is_trusted_proxy(hop):
            return hop
        address = hop
    return address
