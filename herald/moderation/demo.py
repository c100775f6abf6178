"""Demo comments: a realistic month across the demo accounts, written by the generator."""

from __future__ import annotations


def seed(rng) -> str:
    from herald.moderation import demo_handling

    handled = demo_handling.seed(rng)
    return f"skipped: the demo month is not loaded yet; handling: {handled}"
