"""Small text helpers shared by the rule modules: word-list patterns, sentences, quotes."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import islice

SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
SENTENCE_END = re.compile(r"[.!?\n]")
# Someone speaking in the first person (the political and offensive checks ask the same question: is a
# candidate pledging, is a commenter speaking of themselves). "i" and "we" also find "I'm", "I've",
# "we're" and "we've", straight or curly; "im" is how comments often write "I'm".
FIRST_PERSON = re.compile(r"(?i)\b(?:i|im|me|my|myself|we|us|our|ours)\b")
# Letters a case-blind pattern reads as ASCII ones that lower-casing does not turn into them: dotless "ı"
# and dotted "İ" (as "i"), the long "ſ" (as "s"). A word holding one is not the word a word check looks
# for ("ſtupid"), yet the pattern finds it.
CASE_BLIND_LETTERS = ("\u0131", "\u0130", "\u017f")


def phrase_pattern(phrases: Iterable[str], *, glob: bool = False, hashtags: bool = False) -> str:
    """An alternation matching any phrase as whole words; spaces match any run of spaces.

    With ``hashtags``, a phrase also matches as a hashtag (``#word``); otherwise not.

    With ``glob``, a trailing ``*`` lets the word run on (``fuck*`` matches "fucking") and a
    leading ``*`` lets it start inside a word (``*fuck*`` matches "motherfucker").
    """
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        head, tail = "", ""
        if glob and phrase.startswith("*"):
            phrase, head = phrase[1:], r"\w*"
        if glob and phrase.endswith("*"):
            phrase, tail = phrase[:-1], r"\w*"
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        parts.append(head + body + tail)
    lead = r"(?<![\w@])" if hashtags else r"(?<![\w@#])"
    return lead + "(?:" + "|".join(parts) + r")(?!\w)" if parts else r"(?!x)x"


_TOKEN = re.compile(r"[^\W_]+")


# For ASCII text a _TOKEN is a run of letters and digits: every other byte becomes a space and the
# words are what str.split() leaves (~3x faster than the pattern; tests/test_fast_paths.py).
_ASCII_WORD_BYTES = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256))


# A run of characters beyond ASCII (the engine's one copy: presentation and the folding of words use it).
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_WORD_CHAR = re.compile(r"\w")
# A word character beyond ASCII (an accented letter, "ſ", "²"; not an emoji, "£" or a curly quote): text
# with none splits into words as ASCII text does, each character beyond ASCII read as a space.
_WORD_CHAR_BEYOND_ASCII = re.compile(r"[^\W\x00-\x7f]")


@lru_cache(maxsize=32)
def word_list(text: str) -> tuple[str, list[str] | None]:
    """The text lower-cased and, for text whose characters beyond ASCII are none of them a word
    character (``\\w``: emoji, "£", dashes and curly quotes are not), its words (runs of letters and
    digits) in order; None for other text. One tokenisation per text shared by ``probe``, the abuse
    classifier and the profanity model (each reads it with its own conditions; callers must not change
    the list). Such characters only end words, as a space does, so they are read as spaces
    (tests/test_fast_paths_round_six.py)."""
    lowered = text.lower()
    return lowered, split_words(lowered)


def split_words(lowered: str) -> list[str] | None:
    """``word_list``'s words of a text already lower-cased (its runs of letters and digits, in order), or
    None when a character beyond ASCII is a word character.

    Text beyond ASCII is asked one question (is any such character a word character) and then encoded
    with each such character as "?", which the byte table reads as a space, as it reads every other
    character that is no letter or digit: one scan and one translation, where the runs beyond ASCII
    were found, joined, searched and replaced (tests/test_fast_paths_comment_path.py)."""
    if lowered.isascii():
        return lowered.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split()
    if _WORD_CHAR_BEYOND_ASCII.search(lowered) is not None:
        return None
    return lowered.encode("ascii", "replace").translate(_ASCII_WORD_BYTES).decode("ascii").split()


def split_words_reference(lowered: str) -> list[str] | None:
    """``split_words`` by the patterns themselves (for the tests)."""
    if not lowered.isascii():
        beyond = "".join(NON_ASCII_RUN.findall(lowered))
        if _WORD_CHAR.search(beyond):
            return None
        lowered = NON_ASCII_RUN.sub(" ", lowered)
    return lowered.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split()


def plain_word_list(text: str) -> tuple[str, list[str] | None]:
    """``word_list`` for the two linear classifiers (party promotion, abuse), which read an apostrophe
    ("don't"), a handle and a link each their own way: the words only for text with none of them, else
    None. Each adds its own condition ("’" for the party model, leetspeak for the abuse model)."""
    lowered, listed = word_list(text)
    if listed is None or "'" in lowered or "@" in lowered or "http" in lowered or "www." in lowered:
        return lowered, None
    return lowered, listed


# The last list of words given to ``word_pairs`` and its pairs: the party and abuse classifiers read the
# same list of a text (``plain_word_list``) one after the other. One tuple, replaced in one assignment,
# so threads sharing it see a consistent pair; the list is held, so its identity cannot be reused.
_LAST_PAIRS: tuple[object, list[str]] = (None, [])


def word_pairs(words: list[str]) -> list[str]:
    """Each pair of neighbouring words, joined by a space, in order (callers must not change either
    list). Built once for a list both classifiers read: the joined strings and their hashes are shared."""
    global _LAST_PAIRS
    last = _LAST_PAIRS
    if last[0] is words:
        return last[1]
    pairs = list(map(" ".join, zip(words, islice(words, 1, None), strict=False)))
    _LAST_PAIRS = (words, pairs)
    return pairs


_DIGIT_RUN = re.compile(r"\d+")


@lru_cache(maxsize=32)
def digit_lengths(text: str) -> tuple[frozenset[int], int]:
    """The lengths of the text's runs of digits (``_DIGIT_RUN``) and their total, worked out once per text for
    the families that need a number of a given length (personal data, legal)."""
    runs = _DIGIT_RUN.findall(text)
    return frozenset(map(len, runs)), sum(map(len, runs))


@lru_cache(maxsize=32)
def probe(text: str) -> tuple[str, frozenset[str]]:
    """The text lower-cased and its set of lower-case words, computed once per text for all prefilters."""
    lowered, listed = word_list(text)
    if listed is not None:
        return lowered, frozenset(listed)
    return lowered, frozenset(_TOKEN.findall(lowered))


def starts_word(prefixes: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern that finds, in lower-cased text, a word (a ``_TOKEN``) starting with one of the
    prefixes: the same answer as ``any(w.startswith(prefixes) for w in probe(text)[1])`` without
    walking the word set in Python. Prefixes must themselves be made of word characters."""
    prefixes = set(prefixes)
    if not prefixes:
        return None
    return re.compile(r"(?<![^\W_])" + prefix_trie(prefixes))


def prefix_trie(prefixes: Iterable[str]) -> str:
    r"""A pattern matching where any of the prefixes matches, written as a trie: ``(?:k(?:ill|nife)|s(?:hit|lag))``.

    A plain alternation of ~100 prefixes has every one tried in turn at each word start (~75 µs per
    2,000 characters); the trie tries one branch per letter. A prefix that another prefix starts with
    is left out: what follows the shorter one is never needed, since only where a match starts (and,
    with a ``[^\W_]*`` after it, the whole word) is used."""
    trie: dict = {}
    for prefix in sorted(set(prefixes), key=len):
        node = trie
        for char in prefix:
            if node.get("") is True:  # a shorter prefix already covers this one
                break
            node = node.setdefault(char, {})
        else:
            node.clear()
            node[""] = True
    return _trie_pattern(trie) if trie else r"(?!x)x"


def _trie_pattern(node: dict) -> str:
    branches = [
        re.escape(char) + ("" if child.get("") is True else _trie_pattern(child))
        for char, child in sorted(node.items())
        if char
    ]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


class WordStarts:
    """One scan of a lower-cased text for the words that start with any of many prefixes, shared by
    several matchers (each ``starts_word`` scan costs ~10 µs per 2,000 characters; the offensive
    word lists and the threat stems would otherwise scan the same text three or four times).
    ``hits`` gives (start, word) pairs; a word starts with one of a matcher's prefixes exactly when
    that matcher's own ``starts_word`` pattern would find it (tests/test_fast_paths.py)."""

    def __init__(self, prefixes: Iterable[str]) -> None:
        prefixes = list(prefixes)
        self.pattern = re.compile(r"(?<![^\W_])" + prefix_trie(prefixes) + r"[^\W_]*")
        self.prefixes = tuple(set(prefixes))
        self._by_first: dict[str, tuple[str, ...]] = {}  # first letter -> the prefixes starting with it
        for prefix in self.prefixes:
            self._by_first[prefix[:1]] = (*self._by_first.get(prefix[:1], ()), prefix)
        # words seen that start with none of the prefixes (most words of most texts)
        self._clean: set[str] = set()
        self._last: tuple[str, tuple[tuple[int, str], ...]] = ("\0", ())

    def hits(self, lowered: str, words: frozenset[str] | None = None) -> tuple[tuple[int, str], ...]:
        """(start, word) for each word of ``lowered`` starting with a prefix; ``words``, when given, must
        be ``probe``'s word set of the text ``lowered`` was lowered from (it saves splitting it again)."""
        last = self._last  # one tuple, replaced in one assignment: safe to share between threads
        if last[0] is lowered or last[0] == lowered:
            return last[1]
        if not self._any_start(lowered, words):
            found: tuple[tuple[int, str], ...] = ()
        else:
            found = tuple((m.start(), m.group()) for m in self.pattern.finditer(lowered))
        self._last = (lowered, found)
        return found

    def _any_start(self, lowered: str, words: frozenset[str] | None = None) -> bool:
        """Whether a word of the text starts with a prefix. The pattern reads the text's ``_TOKEN``
        words (runs of letters and digits; a prefix is made of word characters), which ``probe`` has
        usually found already; most texts have no such word, and the answer is then one set difference
        against the words already known to start with none, instead of a scan of the whole text
        (tests/test_prefilter.py compares the two)."""
        if words is None:
            if lowered.isascii():
                words = frozenset(lowered.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split())
            else:
                words = frozenset(_TOKEN.findall(lowered))
        clean = self._clean
        unknown = words.difference(clean)
        if not unknown:
            return False
        if len(clean) > 65536:
            clean.clear()
        by_first = self._by_first
        for word in unknown:
            prefixes = by_first.get(word[:1])
            if prefixes is None:
                continue  # no prefix starts with its first character (numbers, most words)
            if word.startswith(prefixes):
                return True
            clean.add(word)
        return False

    def _hits_by_pattern(self, lowered: str) -> tuple[tuple[int, str], ...]:
        """``hits`` by the pattern alone (for the tests)."""
        return tuple((m.start(), m.group()) for m in self.pattern.finditer(lowered))

    def positions(
        self, lowered: str, prefixes: tuple[str, ...], known: dict[str, bool], first: bool = False
    ) -> list[int]:
        """Starts of the hit words that start with one of ``prefixes`` (only the first with ``first``).

        ``word.startswith(prefixes)`` walks the whole tuple (dozens of stems) for every word; the
        answer per word is kept in ``known`` (the caller's, one per prefix tuple; cleared when large).
        """
        found = []
        for start, word in self.hits(lowered):
            hit = known.get(word)
            if hit is None:
                if len(known) > 65536:
                    known.clear()
                hit = known[word] = word.startswith(prefixes)
            if hit:
                found.append(start)
                if first:
                    break
        return found


class PhraseMatcher:
    """A word-list pattern with a cheap prefilter: the regex only runs when a phrase's first word
    (or, for globs, its stem) occurs in the text. Most texts contain none, so most calls cost a set
    intersection instead of a scan with a many-branch alternation."""

    def __init__(
        self,
        phrases: Iterable[str],
        *,
        glob: bool = False,
        flags: int = re.IGNORECASE,
        hashtags: bool = False,
        shared: WordStarts | None = None,
    ) -> None:
        phrases = list(phrases)
        self.pattern = re.compile(phrase_pattern(phrases, glob=glob, hashtags=hashtags), flags)
        firsts, prefixes, inside = set(), [], []
        # first word -> the sets of words that must all be present for a phrase starting with it to
        # match ("the accused" needs "the" and "accused"; a first-word test alone passes almost
        # every text on "the").
        needs: dict[str, set[frozenset[str]]] = {}
        for phrase in phrases:
            first = _TOKEN.findall(phrase.lower().lstrip("*"))
            stem = first[0] if first else phrase.lower()
            if glob and phrase.startswith("*"):
                inside.append(stem)
            elif glob and phrase.split()[0].endswith("*"):
                prefixes.append(stem)
            else:
                firsts.add(stem)
                required = first if first and not (glob and "*" in phrase) else [stem]
                needs.setdefault(stem, set()).add(frozenset(required))
        self.firsts = frozenset(firsts)
        self.prefixes = tuple(prefixes)
        self.inside = tuple(inside)
        # "some word of the text starts with a prefix", as one scan of the lower-cased text
        self.prefix_scan = starts_word(prefixes)
        self.shared = shared if prefixes else None
        self._prefix_known: dict[str, bool] = {}  # word -> starts with one of self.prefixes
        self.needs = {stem: tuple(sets) for stem, sets in needs.items()}

    # Set by ``Prefilter`` when this matcher is one of the many a rules file compiles: the answer for
    # every such matcher is then worked out together, once per text (``Prefilter.mask``).
    prefilter: Prefilter | None = None
    bit: int = 0

    def may_match(self, text: str) -> bool:
        prefilter = self.prefilter
        if prefilter is not None:
            # the text just asked about is the usual case (~14 matchers ask per text): its mask is read
            # here, without a call
            last = prefilter._last
            return (last[1] if last[0] is text else prefilter.mask(text)) & self.bit != 0
        return self.plain_may_match(text)

    def plain_may_match(self, text: str) -> bool:
        """The matcher's own prefilter (the same answer as its bit in ``Prefilter.mask``)."""
        lowered, words = probe(text)
        if not self.firsts.isdisjoint(words):
            needs = self.needs
            for stem in self.firsts.intersection(words):
                for required in needs[stem]:
                    if required.issubset(words):
                        return True
        if self.shared is not None:
            if self.shared.positions(lowered, self.prefixes, self._prefix_known, first=True):
                return True
        elif self.prefix_scan is not None and self.prefix_scan.search(lowered) is not None:
            return True
        return any(part in lowered for part in self.inside)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        if not self.may_match(text):
            return iter(())
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        if not self.may_match(text):
            return None
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)

    def fullmatch(self, text: str):
        return self.pattern.fullmatch(text)


class Prefilter:
    """One prefilter for many phrase matchers: which of them may match a text, answered together in
    one pass instead of one ``may_match`` each (a rules file compiles ~17, and a text asks ~14 of them).

    Each phrase needs a set of words to be present (``PhraseMatcher.needs``); every such set is filed
    under its longest word, so one C-level intersection of the text's words with those keys finds the
    few sets worth testing (a common first word such as "the" in "the accused" no longer wakes the
    test). Glob stems are read from the shared word-start scan, each word's answer for all matchers
    kept as one bit mask; inner parts (``*fuck*``) are substring tests as before. ``mask(text)`` has
    matcher ``i``'s bit set exactly when its own ``plain_may_match`` says True
    (tests/test_fast_paths.py compares them over the bench corpus and every test text).

    ``families`` adds one bit for each rule family that has words of its own to look for (the offensive
    rules' contempt, calm menace, shapes…): a family is named with the sets of words that can wake it,
    its bit set when every word of one of its sets is among the text's words, found in the same
    intersection as the matchers' (``family_bits`` gives each family's bit). The engine reads the mask
    once per text and does not call a family whose bit is clear, so each family's sets must hold for
    every text it can find something in (tests/test_prefilter_families.py). A text holding a letter that a
    case-blind pattern reads as another ("ı", "İ", "ſ": "ſtupid" is not the word "stupid", yet the
    patterns find it) wakes every family."""

    def __init__(
        self, matchers: Iterable[PhraseMatcher], families: Mapping[str, Iterable[Iterable[str]]] | None = None
    ) -> None:
        unique: list[PhraseMatcher] = []
        for matcher in matchers:
            if matcher.prefilter is None and all(matcher is not m for m in unique):
                unique.append(matcher)
        self.matchers = tuple(unique)
        by_key: dict[str, list[tuple[int, frozenset[str]]]] = {}
        # each family's bit comes after the matchers' bits
        self.family_bits: dict[str, int] = {}
        for name, sets in (families or {}).items():
            bit = self.family_bits[name] = 1 << (len(self.matchers) + len(self.family_bits))
            for words in sets:
                required = frozenset(words)
                by_key.setdefault(max(sorted(required), key=len), []).append((bit, required))
        self.every_family = sum(self.family_bits.values())
        shared: dict[int, tuple[WordStarts, list[tuple[int, tuple[str, ...]]]]] = {}
        scans: list[tuple[int, re.Pattern[str]]] = []
        inside: list[tuple[int, str]] = []
        for n, matcher in enumerate(self.matchers):
            bit = 1 << n
            for sets in matcher.needs.values():
                for required in sets:
                    key = max(sorted(required), key=len)
                    by_key.setdefault(key, []).append((bit, required))
            if matcher.shared is not None:
                shared.setdefault(id(matcher.shared), (matcher.shared, []))[1].append((bit, matcher.prefixes))
            elif matcher.prefix_scan is not None:
                scans.append((bit, matcher.prefix_scan))
            inside += [(bit, part) for part in matcher.inside]
        self.keys = frozenset(by_key)
        # a key whose every set is the key alone (most phrases are one word) gives its bits at once
        self.single: dict[str, int] = {}
        self.multi: dict[str, tuple[tuple[int, frozenset[str]], ...]] = {}
        for key, entries in by_key.items():
            alone = [bit for bit, required in entries if len(required) == 1]
            rest = tuple((bit, required) for bit, required in entries if len(required) > 1)
            if alone:
                bits = 0
                for bit in alone:
                    bits |= bit
                self.single[key] = bits
            if rest:
                self.multi[key] = rest
        self.shared = tuple((starts, tuple(entries), {}) for starts, entries in shared.values())
        self.scans = tuple(scans)
        self.inside = tuple(inside)
        self._last: tuple[str, int] = ("\0", 0)
        for n, matcher in enumerate(self.matchers):
            matcher.prefilter = self
            matcher.bit = 1 << n

    def mask(self, text: str) -> int:
        last = self._last  # one tuple, replaced in one assignment: safe to share between threads
        if last[0] is text:
            return last[1]
        lowered, words = probe(text)
        mask = 0
        hit = self.keys.intersection(words)
        if hit:
            single, multi = self.single, self.multi
            for key in hit:
                mask |= single.get(key, 0)
                for bit, required in multi.get(key, ()):
                    if not mask & bit and required.issubset(words):
                        mask |= bit
        for starts, entries, known in self.shared:
            for _start, word in starts.hits(lowered, words):
                bits = known.get(word)
                if bits is None:
                    if len(known) > 65536:
                        known.clear()
                    bits = 0
                    for bit, prefixes in entries:
                        if word.startswith(prefixes):
                            bits |= bit
                    known[word] = bits
                mask |= bits
        for bit, scan in self.scans:
            if not mask & bit and scan.search(lowered) is not None:
                mask |= bit
        for bit, part in self.inside:
            if not mask & bit and part in lowered:
                mask |= bit
        if self.every_family and not text.isascii() and any(letter in text for letter in CASE_BLIND_LETTERS):
            mask |= self.every_family
        self._last = (text, mask)
        return mask


def compile_phrases(
    phrases: Iterable[str],
    *,
    glob: bool = False,
    flags: int = re.IGNORECASE,
    hashtags: bool = False,
    shared: WordStarts | None = None,
) -> PhraseMatcher:
    return PhraseMatcher(phrases, glob=glob, flags=flags, hashtags=hashtags, shared=shared)


def glob_prefixes(phrases: Iterable[str]) -> list[str]:
    """The stems PhraseMatcher scans for: phrases whose first word ends in ``*`` (``fuk*`` -> ``fuk``)."""
    return [
        _TOKEN.findall(p.lower())[0]
        for p in phrases
        if not p.startswith("*") and p.split()[0].endswith("*") and _TOKEN.findall(p.lower())
    ]


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the sentence (or line) holding ``position``: from just after the last ".",
    "!", "?" or newline before it to just after the first at or after it (or the text's ends).

    The marks' positions are found once per text (the last text's are kept: the checks ask about
    several positions of the same text), so each call is a bisection instead of a walk back that
    made a text with many matches and no full stop quadratic."""
    last = _SENTENCE_ENDS
    ends = last[1] if last[0] is text else _sentence_ends(text)
    i = bisect_left(ends, position)
    return (ends[i - 1] + 1 if i else 0), (ends[i] + 1 if i < len(ends) else len(text))


_SENTENCE_ENDS: tuple[str | None, list[int]] = (None, [])


def _sentence_ends(text: str) -> list[int]:
    global _SENTENCE_ENDS
    ends = [m.start() for m in SENTENCE_END.finditer(text)]
    _SENTENCE_ENDS = (text, ends)  # one tuple, replaced in one assignment: safe between threads
    return ends


_OPEN_CLOSE = {"\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb"}


def inside_quotes(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] sits inside double or typographic quotation marks, or inside plain
    single quotes used as quotation marks (see ``single_quoted``)."""
    before, after = text[:start], text[end:]
    if before.count('"') % 2 == 1 and '"' in after:
        return True
    for opening, closing in _OPEN_CLOSE.items():
        if before.rfind(opening) > before.rfind(closing) and closing in after:
            return True
    return single_quoted(text, start, end) is not None


# Plain single quotes used as quotation marks ("calling refugees 'cockroaches'"): the opening one not
# after a letter or digit (so not the apostrophe in "don't"), the closing one not before one, at most
# 60 characters apart on one line with no other single quote between.
_SINGLE_QUOTED = re.compile(r"(?<![\w'’])'(?=[^\s'])([^'\n]{1,60}?)(?<=[^\s'])'(?![\w'’])")


def single_quoted(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(opening, closing) positions of the single quotes around text[start:end], or None."""
    if "'" not in text:
        return None
    for match in _SINGLE_QUOTED.finditer(text, max(0, start - 62), min(len(text), end + 62)):
        if match.start(1) <= start and end <= match.end(1):
            return match.start(), match.end() - 1
    return None
