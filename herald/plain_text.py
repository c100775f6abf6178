"""Text from outside Herald made fit to store: no NUL bytes and no invisible characters.

PostgreSQL refuses a NUL byte in any text column (a 500 where SQLite silently stored it). Django's
forms.CharField already refuses NUL; these functions are for the paths that do not go through a
form field: the directory import and search terms read straight from the query string.
"""

from __future__ import annotations

import re

# NUL; the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can
# make a name display as something else ("Trojan Source"); and the zero-width characters (U+200B–U+200D,
# U+2060 word joiner, U+FEFF byte order mark), which make two names that look the same differ.
# The left-to-right, right-to-left and Arabic letter marks (U+200E, U+200F, U+061C) are invisible too.
_INVISIBLE = re.compile("[\x00\u061c\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


def strip_invisible(text: str) -> str:
    """The text without NUL, bidirectional-override or zero-width characters."""
    return _INVISIBLE.sub("", text)


def without_nul(text: str) -> str:
    """The text without NUL bytes, which PostgreSQL cannot store or compare."""
    return text.replace("\x00", "")


def shortened(text: str, limit: int = 60) -> str:
    """The text for quoting back in a message: a long value is cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def whole_number(value: object, *, max_digits: int = 18) -> int | None:
    """The number a query string or form gave as a record id, or None when it is not plain digits.

    ASCII only: str.isdigit() is true of "²" and "①", which int() refuses (a 500, not an answer).
    At most `max_digits`, so the number fits the database's 64-bit integers."""
    text = str(value)
    if text.isascii() and text.isdigit() and len(text) <= max_digits:
        return int(text)
    return None
