"""Demo comments: a realistic month across the demo accounts, written by the generator."""

from __future__ import annotations


def seed(rng) -> str:
    return "skipped: the demo month is not loaded yet"
