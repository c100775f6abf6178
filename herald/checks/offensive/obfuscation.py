"""Disguised swearing: leetspeak (``sh1t``, ``@ss``), masking (``f*ck``), stretched letters (``fuuuck``)
and spaced or dotted letters (``f u c k``, ``c.u.n.t``), normalised before matching."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .matchers import OffensiveMatchers

from ..textutil import _WORD_CHAR_BEYOND_ASCII, NON_ASCII_RUN, probe
from .words import WORDS

_LEET = str.maketrans(WORDS.leet)
# A word with a letter next to a digit or symbol, or a letter repeated three times.
_OBFUSCATED = re.compile(r"(?<![\w@#$*])(?=[\w@$*!|]*[a-zA-Z])(?=[\w@$*!|]*[0-9@$*!|])[\w@$*!|]{3,}|\b\w*(\w)\1\1\w*")
_SPACED = re.compile(r"(?<![\w.])(?:[A-Za-z@$*0-9][ ._-]){2,}[A-Za-z@$*0-9](?![\w])")


_STRETCHED = re.compile(r"(\w)\1{2,}")
_DOUBLED = re.compile(r"(\w)\1+")


def _deobfuscate(word: str) -> str:
    word = word.lower().strip("!.*")
    word = word.translate(_LEET)
    return _STRETCHED.sub(r"\1", word)


_TRIPLE = re.compile(r"(\w)\1\1")
# Swearing guessed from a masked spelling ("f*ck", "b*stard", "F***"). No slurs: "called me a p*ki" is
# usually a report, and the word lists hold the slurs' own disguises.
_MASKABLE = WORDS["maskable"]
_MASKED = re.compile(r"[a-zA-Z]{1,2}\*{2,}[!.]*")
# Whether _SPACED can match: a letter (or @$*) after no word character or dot, a separator, another,
# another separator (SPACED_HINT_REFERENCE). Led by the first separator, with the rest behind it as
# look-behinds, the scan only stops at separators: ~27 -> ~16 µs per 2,000 characters.
SPACED_HINT_REFERENCE = r"(?<![\w.])[A-Za-z@$*][ ._-][A-Za-z@$*][ ._-]"
_SPACED_HINT = re.compile(r"[ ._-](?<=[A-Za-z@$*][ ._-])(?<![\w.][A-Za-z@$*][ ._-])[A-Za-z@$*][ ._-]")


# ASCII text with each letter read as "a", each digit as "0" and every other character as a space.
_SPACED_BYTES = bytes(
    97 if c < 128 and chr(c).isalpha() else 48 if c < 128 and chr(c).isdigit() else 32 for c in range(256)
)


def _may_be_spaced(text: str, data: bytes | None) -> bool:
    """A necessary condition for ``_SPACED_HINT.search(text)`` (``data``: ``_as_ascii(text)``): in text with no
    "@", "$" or "*" (which the hint reads as letters), a letter after no word character or dot, a separator,
    a letter and a separator read, through ``_SPACED_BYTES``, as " a a " (one C-level translation and search
    instead of a scan stopping at every space; tests/test_prefilter_families.py compares them)."""
    if data is None or "@" in text or "$" in text or "*" in text:
        return True
    return " a a " in " " + data.translate(_SPACED_BYTES).decode("ascii")


def _as_ascii(text: str) -> bytes | None:
    """The text as ASCII bytes for the piece and spaced-letter checks: each character beyond ASCII as "?" (read
    as a space, as the patterns read it) when none of them is a word character (emoji, "£", curly quotes,
    dashes); None for text with a word character beyond ASCII (an accented or look-alike letter), which is
    scanned as before."""
    if text.isascii():
        return text.encode("ascii")
    if _WORD_CHAR_BEYOND_ASCII.search(text) is not None:
        return None
    return text.encode("ascii", "replace")


# Every _OBFUSCATED match lies inside one maximal run of these characters and holds a digit or symbol
# (first branch) or a letter three times (second branch).
_RUN_CHARS = re.compile(r"[\w@$*!|]*")
_SYMBOL = re.compile(r"[0-9@$*!|]+")


_NO_TRIPLE: set[str] = set()  # lower-case words known to hold no character three times in a row


def _may_triple(text: str) -> bool:
    """A necessary condition for ``_TRIPLE.search(text)``. In ASCII text a word character three times in
    a row is "___" or lies inside one run of letters and digits, which, lower-cased, is one of ``probe``'s
    words (already found for the text); the words known to hold none are kept, so most texts are answered
    by one set difference instead of a scan that tries every position (~2 µs per comment, ~25 µs per
    2,000 characters). Text beyond ASCII is always scanned (tests/test_fast_paths_round_seven.py)."""
    if not text.isascii() or "___" in text:
        return True
    unknown = probe(text)[1].difference(_NO_TRIPLE)
    if not unknown:
        return False
    if len(_NO_TRIPLE) > 65536:
        _NO_TRIPLE.clear()
    for word in unknown:
        if _TRIPLE.search(word) is not None:
            return True
        if len(word) <= 40:  # kept words stay small: 65,536 of them at most ~4 MB
            _NO_TRIPLE.add(word)
    return False


def _suspect_runs(text: str) -> list[tuple[int, int]]:
    """The maximal runs of word characters and @$*!| that hold a digit, symbol or tripled letter, in order.

    _OBFUSCATED tried at every position costs ~0.2 ms per 2,000 characters; run only over these runs
    (its look-behind and ``\b`` still see the real text before each run) it finds the same matches,
    and each character is looked at a bounded number of times (tests/test_fast_paths.py)."""
    starts = [m.start() for m in _SYMBOL.finditer(text)]
    if _may_triple(text) and _TRIPLE.search(text) is not None:
        starts += [m.start() for m in _TRIPLE.finditer(text)]
        starts.sort()
    if not starts:
        return []
    if text.isascii():
        return _ascii_runs(text, starts)
    return _runs_around(text, starts)


def _runs_around(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """The maximal runs holding the ``starts`` (positions of run characters, in order), character by character."""
    runs: list[tuple[int, int]] = []
    done = 0
    for p in starts:
        if p < done:
            continue
        start = p
        while start > done and _RUN_CHARS.fullmatch(text, start - 1, start):
            start -= 1
        end = _RUN_CHARS.match(text, p).end()
        if end == p:  # p holds none of the run characters (cannot happen: a symbol or a word character)
            end = p + 1
        runs.append((start, end))
        done = end
    return runs


# ASCII text with each run character (a letter, digit, "_" or @$*!|) read as "x" and every other one as
# a space: a run's ends are then the spaces either side, found by str.rfind and str.find instead of a
# regex call per character walked back ("everyone!" cost nine).
_RUN_BYTES = bytes(120 if (c < 128 and chr(c).isalnum()) or chr(c) in "_@$*!|" else 32 for c in range(256))


def _ascii_runs(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """``_runs_around`` for ASCII text (tests/test_fast_paths_comments.py compares them)."""
    marks = text.encode("ascii").translate(_RUN_BYTES).decode("ascii")
    runs: list[tuple[int, int]] = []
    done = 0
    for p in starts:
        if p < done:
            continue
        before = marks.rfind(" ", done, p)
        end = marks.find(" ", p)
        if end < 0:
            end = len(text)
        elif end == p:  # cannot happen, as in _runs_around
            end = p + 1
        runs.append((before + 1 if before >= 0 else done, end))
        done = end
    return runs


def _obfuscated_word(raw: str, any_word: re.Pattern[str]) -> bool:
    """Whether an _OBFUSCATED match is a disguised strong word or slur (callers keep the answers)."""
    word = _deobfuscate(raw)
    if "*" not in word and len(word) < 3 and _MASKED.fullmatch(raw) is not None:
        word = raw.lower().rstrip("!.")  # "F***", "s***", "c***": a first letter and the rest masked
    if "*" in word:
        pattern = re.escape(word).replace(r"\*", r"\w")
        return any(re.fullmatch(pattern, w) for w in _MASKABLE)
    return any(any_word.fullmatch(candidate) for candidate in (word, _DOUBLED.sub(r"\1", word)))


# Letters from other alphabets that look like Latin ones, used to slip swearing past a word list ("fuсk"
# with a Cyrillic "с"); accented letters ("fück", "cünt") are read through their Unicode decomposition.
_LOOK_ALIKES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
    "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ս": "u", "ι": "i", "ο": "o", "κ": "k", "τ": "t",
    "ν": "v", "α": "a", "ε": "e", "ρ": "p", "υ": "u", "ß": "s", "ø": "o", "ł": "l", "đ": "d", "ı": "i",
}  # fmt: skip
_FOLDED: dict[str, str] = {}


def _fold_letter(char: str) -> str:
    """The plain letter ``char`` looks like, or ``char`` itself: always one character, so offsets hold."""
    folded = _FOLDED.get(char)
    if folded is None:
        lower = char.lower()
        plain = _LOOK_ALIKES.get(lower)
        if plain is None:
            base = "".join(c for c in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(c))
            plain = base if len(base) == 1 and base.isascii() and base.isalpha() else lower
        folded = plain if plain != lower else char
        if len(_FOLDED) < 4096:
            _FOLDED[char] = folded
    return folded


def _fold_run(match: re.Match[str]) -> str:
    return "".join(map(_fold_letter, match.group()))


def folded(text: str) -> str:
    """``text`` with accented and look-alike letters read as the plain letters they stand for, same length.

    Only the runs of characters beyond ASCII are read letter by letter (ASCII letters are their own plain
    form): a long post holding one emoji no longer costs a Python step per character (~0.2 ms per 2,000
    characters; tests/test_fast_paths_round_seven.py compares it with ``plain_folded``)."""
    return text if text.isascii() else NON_ASCII_RUN.sub(_fold_run, text)


def plain_folded(text: str) -> str:
    """``folded`` character by character (for the tests)."""
    return "".join(c if c.isascii() else _fold_letter(c) for c in text)


def _look_alike_hits(text: str, m: OffensiveMatchers) -> list[tuple[int, int, str]]:
    """Strong swearing spelt with accented or look-alike letters ("fück", "ѕhit"): the word lists run
    on the text read as plain letters, and only words that were not plain to begin with count."""
    plain = folded(text)
    if plain == text:
        return []
    return [
        (match.start(), match.end(), match.group())
        for match in m.strong.pattern.finditer(plain)
        if not text[match.start() : match.end()].isascii()
    ]


# ASCII text with every character an _OBFUSCATED match can hold ([\w@$*!|]) or looks behind at ("#") kept and
# every other one read as a space: its pieces are the text's runs with the "#" inside or before them.
_PIECE_BYTES = bytes(c if c < 128 and (chr(c).isalnum() or chr(c) in "_@$*!|#") else 32 for c in range(256))


def _all_clean(data: bytes, m: OffensiveMatchers) -> bool:
    """Whether, in text read as ASCII (``_as_ascii``), no piece holds a disguised word: then ``_obfuscated_hits`` finds nothing in its
    runs. An _OBFUSCATED match lies inside one piece, and what it looks at either side of the piece (a
    character that is none of these, or the text's ends) it reads as it reads the ends of the piece alone;
    so each piece's answer, worked out alone once, holds wherever it appears. Most comments are pieces
    seen before ("the", "07911", "LE10"), and the answer is one set difference instead of a scan for the
    suspect runs and one in each (tests/test_prefilter_families.py compares the two)."""
    clean = m.obfuscated_clean
    pieces = data.translate(_PIECE_BYTES).decode("ascii").split()
    if clean.issuperset(pieces):
        return True
    unknown = set(pieces).difference(clean)
    if len(clean) > 65536:
        clean.clear()
    for piece in unknown:
        for match in _OBFUSCATED.finditer(piece):
            if _known_disguise(match.group(), m):
                return False
        if len(piece) <= 64:  # kept pieces stay small
            clean.add(piece)
    return True


def _known_disguise(raw: str, m: OffensiveMatchers) -> bool:
    """Whether ``raw`` is a disguised strong word or slur, remembered between texts (the memory is emptied
    past 8,192 spellings)."""
    known = m.obfuscated_known.get(raw)
    if known is None:
        if len(m.obfuscated_known) > 8192:
            m.obfuscated_known.clear()
        known = m.obfuscated_known[raw] = _obfuscated_word(raw, m.any_word)
    return bool(known)


def _obfuscated_hits(text: str, m: OffensiveMatchers, pieces: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, raw) of each disguised strong word or slur; ``pieces=False`` skips ``_all_clean`` (for
    the tests)."""
    hits = [] if text.isascii() else _look_alike_hits(text, m)
    data = _as_ascii(text) if pieces else None
    runs = [] if data is not None and _all_clean(data, m) else _suspect_runs(text)
    if len(runs) > 24:
        # A scan per run costs a call each (~4 µs); with many runs one scan from the first to the last
        # finds the same matches (none lies outside a suspect run) for less ("www." repeated: 2.4 -> 0.5 ms).
        runs = [(runs[0][0], runs[-1][1])]
    for start, end in runs:
        for match in _OBFUSCATED.finditer(text, start, end):
            raw = match.group()
            if _known_disguise(raw, m):
                hits.append((match.start(), match.end(), raw))
    for match in _SPACED.finditer(text) if _may_be_spaced(text, data) and _SPACED_HINT.search(text) else ():
        joined = _deobfuscate(re.sub(r"[ ._-]", "", match.group()))
        if len(joined) >= 3 and m.any_word.fullmatch(joined):
            hits.append((match.start(), match.end(), match.group()))
    return hits
