"""The consent settings a council may change, each read with its default (see docs/consents.md)."""

from __future__ import annotations

from django.conf import settings

DEFAULTS = {
    "HERALD_CONSENT_GUARDIAN_UNDER": 18,
    "HERALD_CONSENT_COSIGN_FROM": 13,
    "HERALD_CONSENT_RETENTION_DAYS": 5 * 365 + 1,
    "HERALD_CONSENT_RETENTION_DAYS_BY_PURPOSE": {},
    "HERALD_CONSENT_ERASE_AFTER_DAYS": 90,
    "HERALD_CONSENT_TAKEDOWN_HOURS": 48,
    "HERALD_CONSENT_MAX_IMAGE_MB": 20,
    "HERALD_CONSENT_MAX_IMAGE_MEGAPIXELS": 40,
    "HERALD_CONSENT_MAX_VIDEO_MB": 500,
    "HERALD_CONSENT_MAX_SCAN_MB": 20,
    "HERALD_CONSENT_WITHDRAW_ATTEMPTS_PER_HOUR": 10,
    "HERALD_CONSENT_ATTEMPTS_PER_URN_PER_HOUR": 5,
    "HERALD_CONSENT_GIVE_PER_HOUR": 30,
}


def get(name: str):
    return getattr(settings, name, DEFAULTS[name])
