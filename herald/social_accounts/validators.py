"""Herald never stores a password. `refuse_secrets` rejects text that looks like one.

The test is about shape and context, not a list of bad words: text may talk *about* passwords
("credentials held in the password manager", "passwords rotated every 90 days") but must not
contain one. It refuses

- a secret word followed by ':' / '=' and a value ("password: x", "pwd=hunter2", "PIN = 4821"),
  unless the value starts an ordinary sentence ("Credentials: held in the password manager");
- a secret word followed by 'is'/'was' and a token-like value ("the password is Summer2024!");
- a token-like string (letters mixed with digits or symbols, or a long run of digits) within a few
  words of a secret word ("login for Facebook admin / Tr0ub4dor&3").
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

MESSAGE = (
    "Remove the password or secret. Herald must never hold passwords: say where it is kept instead, "
    "for example ‘in the council’s password manager’"
)

_SECRET_WORD = (
    r"pass(?:word|wd|code|phrase)s?|pwd|pins?|secrets?|credentials?|log-?ins?|api[ _-]?keys?|"
    r"access[ _-]?tokens?|tokens?|recovery[ _-]codes?|backup[ _-]codes?|2fa[ _-]codes?"
)
_ASSIGNED = re.compile(rf"(?<![\w-])(?:{_SECRET_WORD})\s*(?:[:=]|=>|->)\s*(\S+)", re.IGNORECASE)
_STATED = re.compile(rf"(?<![\w-])(?:{_SECRET_WORD})\s+(?:is|was|are|were|now)\s+(\S+)", re.IGNORECASE)
_SECRET_TOKEN = re.compile(rf"^(?:{_SECRET_WORD})$", re.IGNORECASE)

# Words that begin an ordinary sentence after "Credentials:" rather than a secret.
_PROSE_STARTERS = frozenset(
    """
    a an the in at on by via with within from using held kept stored saved managed shared
    see ask contact our council council's councils team not no none n/a na tbc available rotated
    changed reset set sent owned handled recorded all only never always each every both
    password passwords manager vault keeper lastpass 1password bitwarden dashlane keepass
    """.split()
)
_FUNCTION_WORDS = frozenset(
    "the a an in on of for to by via with and or is are be through from into their its this that them".split()
)
_PASSWORD_MANAGERS = frozenset({"1password", "lastpass", "keeper", "bitwarden", "dashlane", "keepass", "keepassxc"})
_PLAIN_WORD = re.compile(r"^[^\W\d_]+(?:['’\-–][^\W\d_]+)*$")
_URL_OR_EMAIL = re.compile(r"^(?:https?://|www\.)|@[\w-]+\.", re.IGNORECASE)
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}<>.,;:!?"
_NEARBY_AFTER = 6
_NEARBY_BEFORE = 3


def _clean(token: str) -> str:
    return token.strip(_EDGE_PUNCTUATION)


def _looks_like_a_secret(token: str, *, min_length: int = 8) -> bool:
    """Letters mixed with digits or symbols, or a run of digits: the shape of a password, PIN or key."""
    raw = token.strip("\"'“”‘’()[]{}<>,;")
    word = _clean(token)
    if not word or _URL_OR_EMAIL.search(word) or word.lower() in _PASSWORD_MANAGERS:
        return False
    if word.isdigit():
        return len(word) >= 4
    if _PLAIN_WORD.match(word) and not re.search(r"[!?.]$", raw.rstrip(".,;")):
        return False
    has_letter = any(c.isalpha() for c in word)
    has_digit = any(c.isdigit() for c in word)
    has_symbol = any(not c.isalnum() and c not in "-–'’" for c in raw.rstrip(".,;"))
    if not has_letter:
        return False
    # Reference numbers such as ICT-POL-07 are capitals, digits and hyphens; passwords rarely are.
    if not any(c.islower() for c in word) and not has_symbol:
        return False
    return len(raw.rstrip(".,;")) >= min_length and (has_digit or has_symbol)


def find_secret(text: str) -> str | None:
    """The first thing in `text` that looks like a password or secret, or None."""
    if not text:
        return None
    for match in _ASSIGNED.finditer(text):
        value = _clean(match.group(1))
        if not value or value.lower() in _PROSE_STARTERS:
            continue
        following = [_clean(word).lower() for word in text[match.end() :].split()[:4]]
        if _PLAIN_WORD.match(value) and _FUNCTION_WORDS.intersection(following):
            continue  # "Login: single sign-on through the council's Microsoft account" is prose
        return match.group(0)
    for match in _STATED.finditer(text):
        if _looks_like_a_secret(match.group(1), min_length=4):
            return match.group(0)
    tokens = [token for token in re.split(r"[\s/]+", text) if token]
    for index, token in enumerate(tokens):
        if not _SECRET_TOKEN.match(_clean(token)):
            continue
        nearby = tokens[max(0, index - _NEARBY_BEFORE) : index] + tokens[index + 1 : index + 1 + _NEARBY_AFTER]
        for other in nearby:
            if _looks_like_a_secret(other):
                return other
    return None


def refuse_secrets(value) -> None:
    if isinstance(value, str) and find_secret(value):
        raise ValidationError(MESSAGE, code="secret")
