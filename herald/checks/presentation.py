"""Accessibility of the text, and each platform's limits counted the way the platform counts."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from itertools import chain

import emoji
import regex

from .model import Media
from .textutil import NON_ASCII_RUN

Emit = Callable[..., None]

# The look-behind comes after the "#" so that the scan is led by the literal (a leading look-behind
# is tried at every position: ~15 µs per 1,000 characters instead of ~1); HASHTAG_REFERENCE is the
# plain form (tests/test_fast_paths.py checks they agree).
HASHTAG = re.compile(r"#(?<![\w#&/]#)([^\W\d_]\w*|\d+[^\W\d_]\w*)")
HASHTAG_REFERENCE = r"(?<![\w#&/])#([^\W\d_]\w*|\d+[^\W\d_]\w*)"
LINK = re.compile(
    r"(?i)\b(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]]"
    r"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:gov\.uk|co\.uk|org\.uk|ac\.uk|nhs\.uk|com|org|net|uk|io|ly)\b"
    r"(?:/[^\s<>\"]*[^\s<>\".,;:!?)\]])?"
)


@lru_cache(maxsize=8)
def link_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every LINK match, as ``LINK.finditer(text)`` finds them, computed once per text.

    LINK costs about 0.1 ms per 1,000 characters when run over the whole text. A link holds no
    whitespace and always a "." or ":", so only the whitespace-free tokens holding one are scanned
    (``\b`` looks at the real neighbouring character, which is whitespace either side).
    """
    # Every LINK match holds "://", "www." (any case) or a dot before a letter or digit (the top-level
    # domain's first letter is ASCII, even under IGNORECASE); most texts with full stops hold none.
    # So only the whitespace-free tokens holding such a hint are scanned; the hints are found by
    # literal-led scans (one regex alternation of the three, tried at every position, cost more than
    # LINK's token scan did).
    if "." not in text and ":" not in text:
        return ()
    return _link_spans_hinted(text)


_NON_SPACE_TAIL = re.compile(r"\S*")


# A "." before an ASCII letter or digit or after "www" (any case): a scan led by the literal ".".
_DOT_HINT = re.compile(r"\.(?:(?=[A-Za-z0-9])|(?<=[wW]{3}\.))")


def _hint_positions(text: str) -> list[int]:
    """Positions of the link hints, in order: the "." of _DOT_HINT and the ":" of "://"."""
    hints = [m.start() for m in _DOT_HINT.finditer(text)]
    i = text.find("://")
    if i >= 0:
        while i >= 0:
            hints.append(i)
            i = text.find("://", i + 1)
        hints.sort()
    return hints


def _has_link_hint(text: str) -> bool:
    return "://" in text or _DOT_HINT.search(text) is not None


# LINK's two branches. Run as one pattern, the domain branch is quadratic on a long dotted token
# ("a.b.a.b…": from every label it walks to the token's end and back looking for a top-level
# domain; 2,200 characters took ~60 ms), so `_token_links` runs them separately.
_SCHEME = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]]")
_DOMAIN = re.compile(
    r"(?i)\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:gov\.uk|co\.uk|org\.uk|ac\.uk|nhs\.uk|com|org|net|uk|io|ly)\b"
    r"(?:/[^\s<>\"]*[^\s<>\".,;:!?)\]])?"
)
# A run of labels joined by single dots: a _DOMAIN match's domain lies inside one such run.
_CHAIN = re.compile(r"(?i)[a-z0-9-]+(?:\.[a-z0-9-]+)*")
_DOMAIN_START = re.compile(r"(?i)\b[a-z0-9]")


def _token_links(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[m.span() for m in LINK.finditer(text, start, end)]`` in linear time.

    A _DOMAIN attempt from a position in a chain (``_CHAIN``) succeeds exactly when some dot of the
    chain after that position's label is followed by a top-level domain and a word boundary; later
    positions in the same chain see a subset of those dots. So once the first attempt in a chain
    fails, or a match ends inside it (greedy, it ended at the last such dot), no later position of
    the chain can start a _DOMAIN match, and the scan skips to the chain's end. _SCHEME matches are
    led by literals and run to the token's end, so they are searched directly; at the same
    position LINK tries _SCHEME first.
    """
    spans: list[tuple[int, int]] = []
    pos = start
    scheme = _SCHEME.search(text, pos, end)
    while pos < end:
        if scheme is not None and scheme.start() < pos:
            scheme = _SCHEME.search(text, pos, end)
        limit = scheme.start() if scheme is not None else end
        found = None
        at = pos
        while at < limit:
            first = _DOMAIN_START.search(text, at, limit)
            if first is None:
                break
            s = first.start()
            m = _DOMAIN.match(text, s, end)
            if m is not None:
                found = m
                break
            # skip the rest of the chain holding s (it starts at or before s)
            chain = _CHAIN.match(text, s, end)
            at = chain.end() if chain is not None else s + 1
        if found is not None:
            spans.append(found.span())
            pos = found.end()
        elif scheme is not None:
            spans.append(scheme.span())
            pos = scheme.end()
            scheme = _SCHEME.search(text, pos, end)
        else:
            break
    return spans


def _link_spans_hinted(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    done = 0
    for i in _hint_positions(text):
        if i < done:
            continue
        start = i
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = _NON_SPACE_TAIL.match(text, i).end()
        spans += _token_links(text, start, end)
        done = end
    return tuple(spans)


_ASCII_BYTES = bytes(range(128))
# The last text asked about and its characters beyond ASCII (one tuple, replaced in one assignment: safe
# between threads); accessibility asks three times and the platform rules again.
_LAST_BEYOND: tuple[str | None, str] = (None, "")


def beyond_ascii(text: str) -> str:
    """The text's characters beyond ASCII, in order: ``"".join(NON_ASCII_RUN.findall(text))``, found by
    deleting the ASCII bytes from its UTF-8 encoding (no byte of a character beyond ASCII is below 0x80),
    in C (~2 µs on 2,000 characters where the pattern takes ~25 µs; tests/test_fast_paths_round_twelve.py)."""
    global _LAST_BEYOND
    last = _LAST_BEYOND
    if last[0] is text:
        return last[1]
    if text.isascii():
        beyond = ""
    else:
        encoded = text.encode("utf-8", "surrogatepass")
        beyond = encoded.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    _LAST_BEYOND = (text, beyond)
    return beyond


# Texts with more characters beyond ASCII than this have their runs found by the pattern.
_FEW_BEYOND = 32


def non_ascii_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each ``NON_ASCII_RUN`` match, in order. A text with a few characters beyond ASCII
    (most that have any: a "£", a curly quote, an emoji) has each found with ``str.find`` instead of
    the pattern being tried at every character."""
    beyond = beyond_ascii(text)
    if not beyond:
        return []
    if len(beyond) > _FEW_BEYOND:
        return [run.span() for run in NON_ASCII_RUN.finditer(text)]
    positions = []
    for char in set(beyond):
        at = text.find(char)
        while at >= 0:
            positions.append(at)
            at = text.find(char, at + 1)
    positions.sort()
    runs: list[tuple[int, int]] = []
    start = end = positions[0]
    for at in positions[1:]:
        if at != end + 1:
            runs.append((start, end + 1))
            start = at
        end = at
    runs.append((start, end + 1))
    return runs


_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
# A sentence: from its first character that is not a space to its closing marks (or the line's end).
# SENTENCE_REFERENCE, the form this replaces, also took the spaces before it, and on a long run of
# spaces it was quadratic (~20 ms for 2,200 spaces): it tried every position in the run and scanned
# to the run's end from each (tests/test_fast_paths.py compares them).
_SENTENCE = re.compile(r"[^\s.!?\n][^.!?\n]*(?:[.!?]+|(?=\n)|$)")
SENTENCE_REFERENCE = r"[^.!?\n]*[^\s.!?\n][^.!?\n]*(?:[.!?]+|(?=\n)|$)"
# ASCII text read in C: each character that cannot be in a _WORD (a letter, digit, "_", "'" or "-")
# becomes a space, and each character that ends a _SENTENCE (".", "!", "?", a line break) a NUL.
_SENTENCE_WORD_BYTES = bytes(
    0 if c in b".!?\n" else c if chr(c).isalnum() and c < 128 or c in b"_'-" else 32 for c in range(256)
)


def _sentence_words(text: str, links: bool = False) -> list[list[str]] | None:
    """The words (``_WORD``) of each sentence (``_SENTENCE``) holding a word, in order; None for text
    with a word character or "’" beyond ASCII. In ASCII a _WORD is a run of letters, digits, "_", "'"
    and "-" trimmed to its first and last letter or digit, and no such run crosses a sentence end, so
    one translation and two splits find them; other characters (emoji, "£", "—") only separate words,
    as a space does (tests/test_fast_paths_round_five.py compares it with the regex loop).

    With ``links``, a sentence holding "://" has its links read as the word "link" first, as
    ``check_accessibility`` counts them (ASCII text only, else None)."""
    if not text.isascii():
        if links or _WORDISH.search(beyond_ascii(text)):
            return None
        # each byte of a character beyond ASCII becomes a space, as each run of them did (words are
        # split at any run of spaces)
        encoded = text.encode("utf-8", "surrogatepass")
    else:
        encoded = text.encode("ascii")
    pieces = encoded.translate(_SENTENCE_WORD_BYTES).decode("ascii").split("\0")
    if links:
        if "\0" in text:
            return None
        # the same sentences of the text itself, for those holding a link
        originals = text.encode("ascii").translate(_SENTENCE_END_BYTES).decode("ascii").split("\0")
    trimmed = "_" in text or "'" in text or "-" in text
    listed = []
    for index, piece in enumerate(pieces):
        if links and "://" in originals[index]:
            words = _WORD.findall(LINK.sub("link", originals[index]))
        else:
            words = piece.split()
            if trimmed and words and ("_" in piece or "'" in piece or "-" in piece):
                words = [word for word in (run.strip("_'-") for run in words) if word]
        if words:
            listed.append(words)
    return listed


# ASCII text with each character that ends a _SENTENCE as a NUL, every other as it is.
_SENTENCE_END_BYTES = bytes(0 if c in b".!?\n" else c for c in range(256))
_WORDISH = re.compile(r"[\w’]")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


# Mathematical alphanumerics, circled/parenthesised/squared letters, fullwidth letters, small capitals.
_FANCY_CLASS = (
    "[\U0001d400-\U0001d7ff\u24b6-\u24e9\u249c-\u24b5\uff21-\uff3a\uff41-\uff5a\U0001f130-\U0001f189"
    "\u1d00-\u1d22\u0299\u029c\u029f\u0280\u026a\u0274\u0262\u028f]"
)
_FANCY = re.compile(_FANCY_CLASS + "+(?:[\\s\\d.,!?'-]*" + _FANCY_CLASS + "+)*")
# Every _FANCY match starts with one of its letters, all beyond ASCII: looked for among the text's
# characters beyond ASCII alone (a few emoji or a "£" in most text), the many-range class is not tried at
# every position of the text (~100 µs per 2,000 characters; tests/test_fast_paths_round_seven.py).
_FANCY_LETTER = re.compile(_FANCY_CLASS)


def has_fancy_text(text: str) -> bool:
    """``_FANCY.search(text) is not None``, asked of the characters beyond ASCII only."""
    return not text.isascii() and _FANCY_LETTER.search(beyond_ascii(text)) is not None


_SMALL_CAPS = str.maketrans("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnoprstuvwyz")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=1)
def _segmenter():
    import wordsegment

    wordsegment.load()
    return wordsegment


@lru_cache(maxsize=8192)
def camel_case(tag: str, min_length: int) -> str | None:
    """The CamelCase form of a run-together lower-case hashtag, or None when it is one word or unknown."""
    if len(tag) < min_length or not (tag.islower() or tag.isupper()) or not tag.isalpha():
        return None
    segmenter = _segmenter()
    words = segmenter.segment(tag)
    if len(words) < 2 or any(w not in segmenter.UNIGRAMS or (len(w) < 2 and w not in "ai") for w in words):
        return None
    return "".join(w.capitalize() for w in words)


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_GB")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in a word from the en_GB hyphenation dictionary (as textstat does without cmudict)."""
    word = word.lower()
    by_dictionary = len(_hyphenator().positions(word)) + 1
    by_vowels = len(_VOWEL_GROUPS.findall(word)) - (1 if word.endswith("e") and not word.endswith("le") else 0)
    return max(1, by_dictionary, min(by_vowels, by_dictionary + 1))


# Plain-dict front for ``syllables`` (a dict lookup through map() is several times cheaper than an
# lru_cache hit); bounded by clearing it when it grows past the lru_cache's size.
_SYLLABLES: dict[str, int] = {}


def _syllable_total(words: list[str]) -> int:
    known = _SYLLABLES
    try:
        return sum(map(known.__getitem__, words))
    except KeyError:
        if len(known) > 65536:
            known.clear()
        for word in words:
            if word not in known:
                known[word] = syllables(word)
        return sum(map(known.__getitem__, words))


def flesch_reading_ease(words: list[str], sentences: int) -> float:
    count = _syllable_total(words)
    return 206.835 - 1.015 * (len(words) / max(sentences, 1)) - 84.6 * (count / max(len(words), 1))


def emoji_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, emoji) of each emoji, as ``emoji.emoji_list`` finds them.

    emoji_list walks the whole text in Python, a character at a time (~1 ms per 2,000 characters).
    Without a zero-width joiner (whose non-standard sequences the library takes apart by going back)
    its answer is, from each position in turn, the longest path of its search tree that the text
    follows, kept when that path ends in an emoji and passed over (one character on) when not. An
    Aho-Corasick automaton holding every path of the tree gives those longest paths in C
    (tests/test_fast_paths.py checks equality with the library).
    """
    if text.isascii():  # every emoji holds a character beyond ASCII
        return []
    if "\u200d" in text:
        return [(m["match_start"], m["match_end"], m["emoji"]) for m in emoji.emoji_list(text)]
    automaton, runs = _emoji_paths()
    found: list[tuple[int, int, str]] = []
    for pos, end in _windows(runs, text):
        while pos < end:
            for last, (length, is_emoji) in automaton.iter_long(text, pos, end):
                start = last - length + 1
                if not is_emoji:
                    pos = start + 1
                    break
                found.append((start, last + 1, text[start : last + 1]))
            else:
                break
    return found


@lru_cache(maxsize=1)
def _emoji_paths():
    """Every path of the emoji library's search tree, each with its length and whether it is an emoji."""
    import ahocorasick
    from emoji.tokenizer import get_search_tree

    automaton = ahocorasick.Automaton()
    stack = [("", get_search_tree())]
    while stack:
        prefix, node = stack.pop()
        for char, child in node.items():
            if len(char) == 1:  # the other key is "data", the emoji's own entry
                path = prefix + char
                automaton.add_word(path, (len(path), "data" in child))
                stack.append((path, child))
    automaton.make_automaton()
    return automaton, _runs_of(automaton.keys())


def _runs_of(paths) -> re.Pattern[str]:
    """Runs of the characters an automaton's strings are made of, beyond ASCII (ranges a little wider
    than needed, so that the class stays a few ranges long and quick to test). Each string lies in
    one such run, together with the character before the run when it starts with an ASCII keycap base
    ("#", "*", a digit; no string holds an ASCII character anywhere else, which is checked here).
    pyahocorasick looks for a character among a node's children one by one, and the top node has
    over a thousand, so it only scans these stretches (~0.4 µs a character)."""
    points: set[int] = set()
    for path in paths:
        if any(c.isascii() for c in path[1:]):
            raise ValueError(f"an emoji with an ASCII character after its first: {path!r}")
        points.update(ord(c) for c in path if not c.isascii())
    ranges: list[list[int]] = []
    for point in sorted(points):
        if ranges and point - ranges[-1][1] <= 8:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return re.compile("[" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ranges) + "]+")


def _windows(runs: re.Pattern[str], text: str):
    """(start, end) of each run with the character before it. The runs are looked for inside the
    text's non-ASCII stretches (a class of ~60 ranges is slow to test at every character). Windows
    a few characters apart are joined: an automaton call costs more than scanning a short gap, and
    as no string crosses a window's edge, none crosses the joined window's."""
    start = end = -1
    for stretch_start, stretch_end in non_ascii_runs(text):
        for run in runs.finditer(text, stretch_start, stretch_end):
            if run.start() - 1 - end <= 4 and end >= 0:
                end = run.end()
                continue
            if end >= 0:
                yield start, end
            start, end = max(0, run.start() - 1), run.end()
    if end >= 0:
        yield start, end


_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))


def _uppercase_count(text: str) -> int:
    """Characters for which str.isupper() is true (for ASCII text, a C-level count).

    A-Z are counted as the bytes deleted from the UTF-8 encoding (no byte of a multi-byte character
    is below 0x80)."""
    encoded = text.encode("utf-8", "surrogatepass")
    count = len(encoded) - len(encoded.translate(None, _ASCII_UPPER))
    if text.isascii():
        return count
    # an ASCII character is upper-case exactly when it is A-Z; test the others one by one in C
    return count + sum(map(str.isupper, beyond_ascii(text)))


def caps_reference(run: int) -> str:
    """``run`` or more capitalised words in a row: shouting."""
    return r"(?<![#@\w])[A-Z][A-Z'’]+(?:[\s,:;&-]+[A-Z][A-Z'’]+){" + str(run - 1) + r",}(?!\w)"


@lru_cache(maxsize=4)
def caps_pattern(run: int) -> re.Pattern[str]:
    """caps_reference(run) led by its first letter, the look-behind moved after it: a scan led by a
    character class skips ahead in C (~4x faster on 2,000 characters; tests/test_fast_paths.py)."""
    return re.compile(r"[A-Z](?<![#@\w][A-Z])[A-Z'’]+(?:[\s,:;&-]+[A-Z][A-Z'’]+){" + str(run - 1) + r",}(?!\w)")


def _words_follow(text: str, end: int) -> bool:
    """Whether any letter follows ``end`` outside links and hashtags."""
    rest = text[end:]
    if _has_link_hint(rest):  # without one LINK cannot match (see link_spans)
        # the same as LINK.sub("", rest), without LINK's quadratic case (see _token_links)
        kept, last = [], 0
        for start, stop in _link_spans_hinted(rest):
            kept.append(rest[last:start])
            last = stop
        kept.append(rest[last:])
        rest = "".join(kept)
    rest = HASHTAG.sub("", rest)
    return any(c.isalpha() for c in rest)


def _first_closing_hashtag(text: str, hashtags: list[re.Match[str]]) -> int:
    """Index of the first hashtag with no words after it (hashtags before it are mid-text).

    Words after a hashtag are also after every earlier one, so the answer is found by bisection:
    O(log n) scans of the text instead of one per hashtag (which was quadratic on texts full of them).
    """
    low, high = 0, len(hashtags)
    if not hashtags or _words_follow(text, hashtags[-1].end()):
        return high
    high -= 1
    while low < high:
        middle = (low + high) // 2
        if _words_follow(text, hashtags[middle].end()):
            low = middle + 1
        else:
            high = middle
    return low


def check_accessibility(
    text: str, thresholds: dict[str, float], emit: Emit, hashtags: list[re.Match[str]] | None = None
) -> None:
    if hashtags is None:
        hashtags = list(HASHTAG.finditer(text)) if "#" in text else []
    max_hashtags = int(thresholds["max_hashtags"])
    for tag in hashtags:
        suggestion = camel_case(tag.group(1), int(thresholds["hashtag_min_segment_length"]))
        if suggestion:
            emit("hashtag-camelcase", tag.start(), tag.end(), detail="#" + suggestion)
    if len(hashtags) > max_hashtags:
        extra = hashtags[max_hashtags]
        emit("hashtag-count", extra.start(), hashtags[-1].end(), detail=str(len(hashtags)), limit=max_hashtags)
    for tag in hashtags[: _first_closing_hashtag(text, hashtags)]:
        emit("hashtag-position", tag.start(), tag.end())

    found = emoji_spans(text)
    if found:
        max_emojis = int(thresholds["max_emojis"])
        if len(found) > max_emojis:
            emit("emoji-count", found[max_emojis][0], found[-1][1], detail=str(len(found)), limit=max_emojis)
        seen: set[str] = set()
        reported: set[str] = set()
        for start, end, symbol in found:
            if symbol in seen and symbol not in reported:
                emit("emoji-repeat", start, end)
                reported.add(symbol)
            seen.add(symbol)

    links = link_spans(text)
    if len(links) > thresholds["max_links"]:
        emit("link-count", links[int(thresholds["max_links"])][0], links[-1][1], detail=str(len(links)))

    limit = int(thresholds["max_sentence_words"])
    all_words: list[str] = []
    sentences = 0
    # Inside one sentence (no dots but its closing run) LINK can only match a scheme ("http://x"),
    # so the substitution is skipped when the text has no "://", and in the sentences without one.
    schemes = "://" in text
    # A text of fewer than 2 * n - 1 characters has fewer than n words: when it can hold neither a
    # long sentence nor enough words for the readability score, its sentences are not needed.
    min_words = thresholds["readability_min_words"]
    long_enough = schemes or len(text) >= 2 * min(limit + 1, min_words) - 1
    # Most text is split into sentences and words in C (_sentence_words); a sentence over the limit is
    # then found again among the sentences long enough to hold that many words, to say where it is.
    listed = _sentence_words(text, links=schemes) if long_enough else None
    if listed is not None:
        sentences = len(listed)
        all_words = list(chain.from_iterable(listed))
        lengths = list(map(len, listed))
        over = (
            {index for index, length in enumerate(lengths) if length > limit}
            if max(lengths, default=0) > limit
            else None
        )
        if over:
            # the sentences holding a word, in order, are those of ``listed``, whose words are the
            # sentence's _WORDs (a sentence holds a _WORD exactly when it holds a letter or digit): each
            # long one is found again only to say where it is, its words already counted
            index = -1
            last_over = max(over)
            for sentence in _SENTENCE.finditer(text):
                piece = sentence.group()
                if "://" in piece:
                    if not _WORD.search(LINK.sub("link", piece)):
                        continue
                elif _LETTER_OR_DIGIT.search(piece) is None:
                    continue
                index += 1
                if index not in over:
                    continue
                start = sentence.start() + (len(piece) - len(piece.lstrip()))
                emit("long-sentence", start, sentence.end(), detail=str(lengths[index]), limit=limit)
                if index == last_over:
                    break  # no long sentence after this one
    elif long_enough:
        # No word crosses a sentence end and the sentences cover every word, so the text's words are
        # the sentences' words in order, and each word is found once, sentence by sentence.
        for sentence in _SENTENCE.finditer(text):
            piece = sentence.group()
            words = _WORD.findall(LINK.sub("link", piece) if schemes and "://" in piece else piece)
            if not words:
                continue
            sentences += 1
            all_words += words
            if len(words) > limit:
                start = sentence.start() + (len(piece) - len(piece.lstrip()))
                emit("long-sentence", start, sentence.end(), detail=str(len(words)), limit=limit)
    else:
        all_words = _WORD.findall(text)

    run = int(thresholds["all_caps_run_words"])
    if run > 0 and _uppercase_count(text) >= run * 2:
        for match in caps_pattern(run).finditer(text):
            emit("all-caps", match.start(), match.end())

    if has_fancy_text(text):
        for match in _FANCY.finditer(text):
            plain = unicodedata.normalize("NFKC", match.group()).translate(_SMALL_CAPS)
            emit("fancy-text", match.start(), match.end(), detail=plain)

    if len(all_words) >= thresholds["readability_min_words"]:
        score = flesch_reading_ease(list(filter(str.isalpha, all_words)) or all_words, sentences)
        if score < thresholds["readability_min_score"]:
            emit("readability", None, None, detail=f"{score:.0f}")


_X_ONE_CHAR = re.compile(r"[\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")
_X_WEIGHT_ONE = re.compile(r"[\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]*")


def x_weighted_length(text: str, limit: int = 280) -> tuple[int, int | None]:
    """X's weighted length and the index of the first character over the limit (None if within).

    twitter-text's parse_tweet costs about a millisecond per call, so estimate first (weight 1 for
    Latin and common punctuation, 2 for everything else, 23 per link) and only ask twitter-text
    when the estimate is within 30 of the limit.
    """
    links = link_spans(text) if "." in text else ()
    estimate = len(text) - sum(end - start for start, end in links) + 23 * len(links)
    # the characters _X_ONE_CHAR does not match, all beyond ASCII: looked for among those alone
    estimate += len(_X_HEAVY.findall(beyond_ascii(text)))
    if estimate <= limit - 30:
        return estimate, None
    if estimate > limit + 30 and text.isascii() and not links:
        return estimate, limit
    if _LONG_TOKEN.search(text) or _too_dotted(text):
        # twitter-text's URL pattern backtracks badly inside very long unbroken tokens (seconds for
        # 2,000 characters of "a.b.") and in tokens with many dots (see _too_dotted); no real post
        # has either, so the estimate stands for such text.
        return estimate, (min(limit, len(text)) if estimate > limit else None)
    return _x_parse(text)


_LONG_TOKEN = re.compile(r"\S{300}")
# twitter-text's URL pattern takes time growing with the square of a token's dots when its labels are
# one character long ("a.b.a.b.www.xy": ~0.5 ms for 11 dots, ~60 ms for 120), ~4 µs per dot
# squared; a budget of 200 keeps a text's URL extraction under ~1 ms. A post with a few links and
# abbreviations spends under 50 ("https://www.hinckley-bosworth.gov.uk/bins" is 9, "e.g." 4).
_DOT_BUDGET = 200
_DOTTED_TOKEN = re.compile(r"\S*\.\S*")


def _too_dotted(text: str) -> bool:
    spent = 0
    for token in _DOTTED_TOKEN.findall(text):
        spent += token.count(".") ** 2
        if spent > _DOT_BUDGET:
            return True
    return False


_X_HEAVY = re.compile(r"[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")
_X_INVALID = frozenset("\ufffe\ufeff\uffff")


@lru_cache(maxsize=1)
def _twitter_text():
    """twitter-text's URL extractor (its import takes ~0.5 s), with the emoji automaton built now too."""
    from twitter_text.extract_urls import extract_urls_with_indices

    _x_emoji_automaton()
    return extract_urls_with_indices


# twitter-text's spaces_group: no URL it extracts holds one of these.
_X_TOKEN = re.compile(r"[^\x09-\x0d\x20\x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def _x_urls(text: str, extract_urls_with_indices) -> dict[int, str]:
    """twitter-text's URL entities, keyed by start index.

    Its URL pattern costs about 0.4 ms per 1,000 characters. A URL holds a dot and none of
    twitter-text's space characters, so each space-free token holding a dot (with the one character
    before it, the pattern's "preceding character") is extracted on its own, with the same result.
    """
    found: dict[int, str] = {}
    if "." not in text:
        return found
    # A URL's domain ends in "." and a top-level domain, whose first character is a letter, so
    # tokens whose dots all end the token or precede punctuation ("morning.", "7..") hold no URL.
    done = 0
    for dot in _X_DOT_WORD.finditer(text):
        if dot.start() < done:
            continue
        token_start = dot.start()
        while token_start > 0 and _X_TOKEN.match(text, token_start - 1, token_start) is not None:
            token_start -= 1
        token_end = _X_TOKEN.match(text, dot.start()).end()
        start = max(0, token_start - 1)
        for url in extract_urls_with_indices(text[start:token_end]):
            found[start + url["indices"][0]] = url["url"]
        done = token_end
    return found


_X_DOT_WORD = re.compile(r"\.\w")


def _x_emojis(text: str) -> dict[int, str]:
    """twitter-text's emoji entities (``emoji.finditer(text)``), keyed by start index.

    Its emoji pattern is a many-thousand-branch alternation (about 4 ms per 1,000 characters of
    emoji): its multi-code-point sequences, longest first, then one code point from a class. That is
    the leftmost-longest match of a set of strings, which an Aho-Corasick automaton of the same
    strings finds in C (tests/test_fast_paths.py checks equality with the pattern).
    """
    found: dict[int, str] = {}
    if text.isascii():  # every emoji holds a character beyond ASCII
        return found
    automaton, runs = _x_emoji_automaton()
    for start, end in _windows(runs, text):
        for last, length in automaton.iter_long(text, start, end):
            found[last - length + 1] = text[last - length + 1 : last + 1]
    return found


@lru_cache(maxsize=1)
def _x_emoji_automaton():
    """The strings twitter-text's emoji pattern is made of, as an Aho-Corasick automaton."""
    import ahocorasick
    from twitter_text.regexp import emoji as source

    automaton = ahocorasick.Automaton()
    for entry in source.emoji_list:
        points = entry.codepoint.split()
        if len(points) > 1:
            sequence = "".join(chr(int(point, 16)) for point in points)
            automaton.add_word(sequence, len(sequence))
    for low, high in source.single_codepoint_emoji_ranges:
        for point in range(low, high + 1):
            automaton.add_word(chr(point), 1)
    automaton.make_automaton()
    return automaton, _runs_of(automaton.keys())


def _x_parse(text: str, max_length: int = 280) -> tuple[int, int | None]:
    """twitter-text's ``parse_tweet`` (v3 defaults) as (weightedLength, index of the first character
    over the limit or None when valid), computed the same way but linear in practice: the emoji
    scan only covers non-ASCII stretches and, past the limit, plain stretches are weighed in bulk
    instead of character by character (tests/test_media_accessibility_platform.py checks equality).
    """
    extract_urls_with_indices = _twitter_text()
    normalized = text if text.isascii() else unicodedata.normalize("NFC", text)
    if "\r" in normalized:
        normalized = re.sub(r"\r\n|\r|\n", "\n", normalized)
    urls = _x_urls(normalized, extract_urls_with_indices)
    emojis = _x_emojis(normalized)
    starts = sorted(set(urls) | set(emojis))
    n = len(normalized)
    cap = max_length * 100
    weighted = 0
    valid = True
    valid_display_index = 0
    i = 0
    # Character by character (as twitter-text does) while the text is still within the limit; a
    # plain stretch up to the next entity that holds no invalid character and keeps the total within
    # the limit is weighed in one step (it would leave ``valid`` as it is and move the display index
    # to its last character).
    k = 0
    tried = 0  # the stretch before this index was tried in bulk and did not fit
    while i < n and weighted <= cap:
        if i >= tried and valid:
            while k < len(starts) and starts[k] < i:
                k += 1
            stop = starts[k] if k < len(starts) else n
            if stop - i > 1:
                piece = normalized[i:stop]
                step = 100 * len(piece) + (0 if piece.isascii() else 100 * len(_X_HEAVY.findall(piece)))
                if weighted + step <= cap and (piece.isascii() or not _X_INVALID.intersection(piece)):
                    weighted += step
                    valid_display_index = stop - 1
                    i = stop
                    continue
                tried = stop
                if piece.isascii():
                    # Every ASCII character weighs 100 and none is invalid: the characters that still fit
                    # move the display index to the last of them, and the next one crosses the limit,
                    # as the walk below would find character by character.
                    fit = (cap - weighted) // 100
                    if fit:
                        valid_display_index = i + fit - 1
                    weighted += 100 * (fit + 1)
                    i += fit + 1
                    continue
        if i in urls:
            weighted += 2300
            i += len(urls[i]) - 1
        elif i in emojis:
            weighted += 200
            i += len(emojis[i]) - 1
        else:
            weighted += 100 if _X_ONE_CHAR.match(normalized, i) else 200
        if valid:
            valid = normalized[i] not in _X_INVALID
        if valid and weighted <= cap:
            valid_display_index = i
        i += 1
    # Past the limit only the total matters: weigh plain stretches in bulk between entities.
    if i < n:
        k = bisect_left(starts, i)
        while i < n:
            while k < len(starts) and starts[k] < i:
                k += 1
            stop = starts[k] if k < len(starts) else n
            if stop > i:
                piece = normalized[i:stop]
                weighted += 100 * len(piece) + (0 if piece.isascii() else 100 * len(_X_HEAVY.findall(piece)))
                i = stop
                continue
            if i in urls:
                weighted += 2300
                i += len(urls[i])
            else:
                weighted += 200
                i += len(emojis[i])
    weighted_length = int(weighted / 100)
    if valid and 0 < weighted_length <= max_length or not text:
        return weighted_length, None
    display_offset = _utf16_len(normalized[: valid_display_index + 1]) - 1
    normalization_offset = _utf16_len(text) - _utf16_len(normalized)
    return weighted_length, min(len(text), display_offset + normalization_offset + 1)


def _utf16_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def _x_parse_reference(text: str) -> tuple[int, int | None]:
    """The same figures straight from twitter-text (slow; for tests)."""
    from twitter_text import parse_tweet

    result = parse_tweet(text)
    over = None if result.valid or not text else min(len(text), result.validRangeEnd + 1)
    return result.weightedLength, over


def graphemes(text: str) -> int:
    """Bluesky's length: user-perceived characters (extended grapheme clusters)."""
    if text.isascii():
        return len(text) - text.count("\r\n")
    count = 0
    for start, end, windowed in _grapheme_stretches(text):
        if windowed:
            count += len(_GRAPHEME.findall(text, start, end))
        else:
            count += end - start - text.count("\r\n", start, end)
    return count


# Mastodon counts a post as its server does: every link as 23 characters, however long, and a mention
# of someone on another server by its "@name" alone (not "@name@their.server"); the rest in graphemes.
_MASTODON_LINK = re.compile(r"https?://[^\s<>\"]+")
_MASTODON_REMOTE = re.compile(r"(?<![\w@/])(@\w+)@[\w-]+(?:\.[\w-]+)+")
_LINK_TAIL = ".,;:!?)'\""


def mastodon_length(text: str, limit: int) -> tuple[int, int | None]:
    """Mastodon's length and the index of the first character over the limit (None if within)."""
    if "@" not in text and "://" not in text:
        length = len(text) if text.isascii() else graphemes(text)
        return length, (_grapheme_index(text, limit) if length > limit else None)
    spans = []
    for match in _MASTODON_LINK.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in _LINK_TAIL:
            end -= 1
        spans.append((match.start(), end, 23))
    spans += [(m.start(), m.end(), len(m.group(1))) for m in _MASTODON_REMOTE.finditer(text)]
    length, position, over_at = 0, 0, None
    for start, end, weight in [*sorted(spans), (len(text), len(text), 0)]:
        if start < position:  # a mention inside a link: the link counts
            continue
        plain = text[position:start]
        size = len(plain) if plain.isascii() else graphemes(plain)
        if over_at is None and length + size > limit:
            over_at = position + _grapheme_index(plain, limit - length)
        length += size
        if over_at is None and weight and length + weight > limit:
            over_at = start
        length += weight
        position = end
    return length, over_at


def _grapheme_index(text: str, limit: int) -> int:
    """Where the grapheme numbered ``limit`` (from 0) starts, or the text's length if it has no more."""
    count = 0
    for start, end, windowed in _grapheme_stretches(text):
        if windowed:
            for match in _GRAPHEME.finditer(text, start, end):
                if count == limit:
                    return match.start()
                count += 1
            continue
        size = end - start - text.count("\r\n", start, end)
        if count + size <= limit:
            count += size
            continue
        i = start
        while True:  # the wanted grapheme starts in this plain stretch
            if count == limit:
                return i
            count += 1
            i += 2 if text.startswith("\r\n", i) else 1
    return len(text)


_GRAPHEME = regex.compile(r"\X")


def _grapheme_stretches(text: str):
    r"""The text cut into stretches, each (start, end, windowed), such that the grapheme clusters of the
    whole text are the clusters of the stretches taken one by one.

    Segmenting with ``\X`` costs ~0.1 ms per 1,000 characters. Between two ASCII characters there is
    always a cluster break except inside CR LF, so only windows round the non-ASCII runs need ``\X``:
    each window takes one character more on each side (an ASCII letter before a combining mark, or
    after a prepended mark, belongs to the mark's cluster) and never splits a CR LF. Plain stretches
    between windows are ASCII: one cluster per character, CR LF counting one
    (tests/test_fast_paths.py compares with ``\X`` over the whole text).
    """
    n = len(text)
    windows: list[list[int]] = []
    for run_start, run_end in non_ascii_runs(text):
        start = max(0, run_start - 1)
        if start > 0 and text[start] == "\n" and text[start - 1] == "\r":
            start -= 1
        end = min(n, run_end + 1)
        if end < n and text[end - 1] == "\r" and text[end] == "\n":
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    done = 0
    for start, end in windows:
        if start > done:
            yield done, start, False
        yield start, end, True
        done = end
    if done < n:
        yield done, n, False


def check_platform(
    text: str, platform: str, spec: dict, media: tuple[Media, ...], hashtag_count: int, emit: Emit
) -> None:
    limit = spec["max_length"]
    method = spec.get("count", "chars")
    over_at: int | None = None
    if method == "x-weighted":
        length, over_at = x_weighted_length(text, limit)
        if length > limit and over_at is None:
            over_at = min(len(text), limit)
    elif method == "graphemes":
        length = len(text) if text.isascii() else graphemes(text)
        if length > limit:
            over_at = _grapheme_index(text, limit)
    elif method == "mastodon":
        length, over_at = mastodon_length(text, limit)
    else:
        length = len(text)
        over_at = limit
    if length > limit:
        unit = "characters (graphemes)" if method == "graphemes" else "characters"
        emit(
            "length", over_at, len(text), detail=f"{length} {unit}", limit=f"{limit} on {platform}",
            over=f"{length - limit} {unit}",
        )  # fmt: skip
    if "max_hashtags" in spec and hashtag_count > spec["max_hashtags"]:
        emit("platform-hashtags", None, None, detail=str(hashtag_count), limit=spec["max_hashtags"])
    required = spec.get("media_required", False)
    if required == "video" and not any(m.kind == "video" for m in media):
        emit("media-required", None, None, detail="a video")
    elif required is True and not media:
        emit("media-required", None, None, detail="a photo or video")
    if "max_media" in spec and len(media) > spec["max_media"]:
        emit("media-count", None, None, detail=str(len(media)), limit=spec["max_media"])
