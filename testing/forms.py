"""Reading a rendered form the way a browser would submit it."""

from __future__ import annotations

import re

from herald.submissions import FIELD

_KEY = re.compile(rf'name="{FIELD}" value="([^"]+)"')


def submission_key(page: str) -> str:
    """The one-time key a form carries so that pressing its button twice acts once
    (`herald/submissions.py`). Fails the test, saying so, when the page has none."""
    found = _KEY.search(page)
    assert found, f"the page has no form carrying a one-time {FIELD} (the double-submit guard)"
    return found.group(1)
