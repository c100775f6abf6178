"""Herald's own abuse classifier: a linear model over words, word pairs and letter groups, trained on
public labelled abuse and hate-speech data (``bench/train_abuse.py``, ``make models``).

The training script fits it with scikit-learn; this module scores with plain Python from the arrays
it saved (``data/abuse_model.npz``: the vocabulary, each term's inverse document frequency and weight,
and the intercept; numpy reads them, nothing is unpickled). ``features`` is the one tokenizer both
sides use, so the score here equals scikit-learn's ``predict_proba`` (``tests/test_abuse_model.py``).

The model learns what hate and abuse sound like without a listed word ("they are all the same, send
them home"); it does not catch threats or abuse aimed at one named person, and it scores angry but
fair complaints about the council high. The rules keep those jobs: ``offensive.check_offensive`` asks
the model only where the rules found nothing and nothing was quoted to be condemned.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path
from typing import Any

from . import embed_model
from .textutil import plain_word_list, split_words

DATA = Path(__file__).with_name("data") / "abuse_model.npz"
# From this many distinct terms on, ``score`` sums with numpy (a call costs a few µs; Python's sum
# costs ~40 ns a term).
_NUMPY_FROM = 64

# Words: letters and digits, with an inner apostrophe kept ("don't"); user handles and links are
# reduced to one token each, as the training tweets are full of them.
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_HANDLE = re.compile(r"@\w+")
_LINK = re.compile(r"https?://\S+|www\.\S+")
# Leetspeak and masked letters, read as the letter they stand for inside a word ("sh1t", "f*ck").
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "*": "u"})
_LEETY = re.compile(r"[a-z][a-z0-9@$*]*[0-9@$*][a-z0-9@$*]*[a-z]")
# Whether _LEETY matches anywhere, found ~4x faster: inside a run of letters and stand-ins, the
# nearest letters either side of a stand-in have only stand-ins between them, so a run holds a
# _LEETY match exactly when it holds a letter, one or more stand-ins and a letter, in a row
# (tests/test_abuse_model.py compares the two).
_LEETY_ANYWHERE = re.compile(r"[a-z][0-9@$*]+[a-z]")
# Leetspeak found in bytes (``_leety_anywhere``, and a batch's ``_leet_places``): letters become "a",
# stand-ins "1", all else a space, and ``_LEETY_ANYWHERE`` is "a1+a".
_LEET_CLASSES = bytes(97 if 97 <= c <= 122 else 49 if chr(c) in "0123456789@$*" else 32 for c in range(256))
_LEET_IN_CLASSES = re.compile(rb"a1+a")


def _leety_anywhere(lowered: str) -> bool:
    """Whether ``_LEETY_ANYWHERE`` matches in ``lowered``, found by ``_leet_places``' byte search (letters
    "a", stand-ins "1", all else a space, each character one byte) from where a letter meets a stand-in:
    ~10x cheaper than the pattern, which tries every letter (tests/test_abuse_leet_gate.py)."""
    classes = lowered.encode("ascii", "replace").translate(_LEET_CLASSES)
    at = classes.find(b"a1")
    while at >= 0:
        found = _LEET_IN_CLASSES.match(classes, at)
        if found is not None:
            return True
        at = classes.find(b"a1", at + 2)
    return False


def _words(text: str) -> list[str]:
    """The words the model reads, in order (callers must not change the list)."""
    lowered, listed = plain_word_list(text)
    # A text the shared tokenisation splits (ASCII, or no word character beyond ASCII) with no
    # apostrophe, handle, link or leetspeak: _TOKEN's words are the runs of letters and digits it
    # already found (tests/test_fast_paths.py, tests/test_fast_paths_round_six.py).
    if listed is not None:
        if not _leety_anywhere(lowered):
            return listed
    elif "'" not in lowered and ("@" in lowered or "http" in lowered or "www." in lowered):
        # the same with handles and links: each becomes the word "xhandle" or "xlink" between spaces
        # (in _plain_words' order), and the rest is split as above (tests/test_fast_paths_round_seven.py)
        marked = _HANDLE.sub(" xhandle ", lowered) if "@" in lowered else lowered
        if "http" in marked or "www." in marked:
            marked = _LINK.sub(" xlink ", marked)
        if not _leety_anywhere(marked):
            split = split_words(marked)
            if split is not None:
                return split
    return _plain_words(lowered)


# For a batch (``AbuseModel.score_many``): the texts' lower-cased forms are joined, each after a separator
# that is a word of its own and no text's (" \x00 "), handles and links replaced in the whole as
# ``_plain_words`` replaces them in each text (neither pattern reaches past a space), and the whole split
# into words in one go. Without leetspeak, ``_plain_words`` changes nothing else, and its words
# (``_TOKEN``'s) are the runs of letters, digits and apostrophes that one byte translation leaves, each
# run holding an apostrophe split by ``_TOKEN`` itself. A text with leetspeak or the separator is read
# alone by ``_words`` (tests/test_abuse_batch.py).
_SEPARATOR = "\x00"
_BATCH_BYTES = bytes(c if (c < 128 and chr(c).isalnum()) or c in (0, 39) else 32 for c in range(256))
_GOLDEN = -0x61C8864680B583EB  # 0x9E3779B97F4A7C15 (2**64 / the golden ratio) as a signed 64-bit number


def _marked(joined: str, handles: bool, links: bool) -> str:
    if handles:
        joined = _HANDLE.sub(" xhandle ", joined)
    if links:
        joined = _LINK.sub(" xlink ", joined)
    return joined


def _joined_words(lowered: list[str], quoted: bool, handles: bool, links: bool) -> tuple[list[str], list[int]]:
    """The words of each of ``lowered`` (texts with no separator), each text's after a separator, and the
    places in ``lowered`` of the texts that hold leetspeak, which are left out (the caller reads them
    alone). ``quoted``, ``handles``, ``links``: whether some text holds an apostrophe, a "@", a link."""
    encoded = _marked(" \x00 " + " \x00 ".join(lowered), handles, links).encode("ascii", "replace")
    places = _leet_places(encoded.translate(_LEET_CLASSES))
    leety: list[int] = []
    if places:
        np = _numpy()
        separators = np.flatnonzero(np.frombuffer(encoded, dtype=np.uint8) == 0)
        leety = sorted(set((np.searchsorted(separators, places) - 1).tolist()))
        left_out = set(leety)
        kept = [text for n, text in enumerate(lowered) if n not in left_out]
        encoded = _marked("".join(" \x00 " + text for text in kept), handles, links).encode("ascii", "replace")
    words = encoded.translate(_BATCH_BYTES).decode("ascii").split()
    if quoted:
        split: list[str] = []
        for word in words:
            if "'" in word:
                split += _TOKEN.findall(word)
            else:
                split.append(word)
        words = split
    return words, leety


def _leet_places(classes: bytes) -> list[int]:
    """Where ``_LEET_IN_CLASSES`` matches in ``classes`` (at least once in each stretch of letters and
    stand-ins holding a match): tried only where a letter meets a stand-in, found by a substring search
    (the pattern alone tries every letter, ~4x slower on a batch's text)."""
    places = []
    at = classes.find(b"a1")
    while at >= 0:
        found = _LEET_IN_CLASSES.match(classes, at)
        if found is not None:
            places.append(at)
            at = found.end()
        else:
            at += 2
        at = classes.find(b"a1", at)
    return places


def _numpy() -> Any:
    import numpy as np

    return np


def batch_words(texts: Sequence[str]) -> tuple[list[str], list[int]]:
    """The words ``_words`` reads in each text, all in one list, each text's after a separator word
    (``"\\x00"``), and the order in which the texts come in it (a list of places in ``texts``)."""
    plain: list[int] = []
    marked: list[int] = []
    quoted: list[int] = []
    alone: list[int] = []
    handles = links = False
    lowered = [text.lower() for text in texts]
    for n, text in enumerate(lowered):
        if _SEPARATOR in text:
            alone.append(n)
            continue
        has_handle = "@" in text
        has_link = "http" in text or "www." in text
        if "'" in text:
            quoted.append(n)
        elif has_handle or has_link:
            marked.append(n)
        else:
            plain.append(n)
        handles |= has_handle
        links |= has_link
    words: list[str] = []
    order: list[int] = []
    for group, has_quotes in ((plain, False), (marked, False), (quoted, True)):
        if group:
            found, leety = _joined_words(
                [lowered[n] for n in group], has_quotes, handles and group is not plain, links and group is not plain
            )
            words += found
            if leety:
                alone += [group[n] for n in leety]
                left_out = set(leety)
                group = [m for n, m in enumerate(group) if n not in left_out]
            order += group
    for n in alone:
        words.append(_SEPARATOR)
        words += _words(texts[n])
        order.append(n)
    return words, order


def _plain_words(lowered: str) -> list[str]:
    """``_words`` of any lower-cased text, by the patterns themselves."""
    if "@" in lowered:
        lowered = _HANDLE.sub(" xhandle ", lowered)
    if "http" in lowered or "www." in lowered:
        lowered = _LINK.sub(" xlink ", lowered)
    if _leety_anywhere(lowered):
        lowered = _LEETY.sub(lambda m: m.group().translate(_LEET), lowered)
    return _TOKEN.findall(lowered)


def features(text: str) -> list[str]:
    """The terms the model reads: each word, each pair of neighbouring words, and the four-letter
    groups of each word of five or more letters (with its edges marked), so that a misspelt or
    stretched word still shares most of its groups with the word it stands for."""
    words = _words(text)
    terms = words[:]
    terms += [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    for word in words:
        if len(word) >= 5 and not word.isdigit():
            padded = f"<{word}>"
            terms += ["#" + padded[i : i + 4] for i in range(len(padded) - 3)]
    return terms


class AbuseModel:
    """Logistic regression over binary TF-IDF (l2-normalised) of ``features``: a term present counts
    once, weighted by its inverse document frequency. Binary counts make the score a sum over the set
    of distinct terms present.

    Each term is a number (its place in the vocabulary) and each word's known terms (itself and its
    letter groups) are kept per word as a tuple of numbers, so a text's terms are one set of small
    integers built in C (``set.update``), summed by ``score`` with two C-level sums over lists.
    ``score_many`` (``check_many``'s path) reads a whole batch at once: its words in one pass, each word
    a number in one table (``_BatchWords``), and from there numpy alone, with no loop over texts."""

    def __init__(self, vocabulary: Iterable[str], idf: Iterable[float], coef: Iterable[float], intercept: float):
        import numpy as np

        vocabulary = list(vocabulary)
        idf_list = [float(i) for i in idf]
        coef_list = [float(w) for w in coef]
        if not len(vocabulary) == len(idf_list) == len(coef_list):
            raise ValueError("the vocabulary, idf and coef arrays differ in length")
        self.index: dict[str, int] = {term: n for n, term in enumerate(vocabulary)}
        # each term's share of the norm (idf squared) and of the sum (idf * weight), by number
        self.norm_shares: list[float] = [i * i for i in idf_list]
        self.sum_shares: list[float] = [i * w for i, w in zip(idf_list, coef_list, strict=True)]
        self._norm_array = np.array(self.norm_shares, dtype=np.float64)
        self._sum_array = np.array(self.sum_shares, dtype=np.float64)
        self._shares = np.stack([self._norm_array, self._sum_array], axis=1)  # one row per term
        self._np = np
        self.intercept = float(intercept)
        self._known: dict[str, tuple[int, ...]] = {}
        self.cache_limit = 200_000  # words whose terms are kept; the cache starts again beyond it
        self._batch: _BatchWords | None = None  # score_many's table of words, made on first use
        self._pairs: dict[tuple[str, str], int] | None = None  # the known word pairs by their two words
        self._term_bits = len(vocabulary).bit_length()  # every term's number fits below this bit
        self._lock = threading.Lock()

    @property
    def terms(self) -> dict[str, tuple[float, float]]:
        """term -> (its share of the norm, its share of the sum), for reading the model."""
        return {t: (self.norm_shares[n], self.sum_shares[n]) for t, n in self.index.items()}

    @classmethod
    def load(cls, path: Path = DATA) -> AbuseModel:
        import numpy as np

        with np.load(path, allow_pickle=False) as data:
            return cls(
                data["vocabulary"].tolist(), data["idf"].tolist(), data["coef"].tolist(), float(data["intercept"])
            )

    def _word_terms(self, word: str) -> tuple[int, ...]:
        """The numbers of the terms a word brings that the model knows (itself, its letter groups),
        kept per word: the same words come back all the time, and building every group and looking
        each up costs most of the time. Terms the model does not know add nothing, so they are left out."""
        known = self._terms_of(word)
        self._known[word] = known
        return known

    def _terms_of(self, word: str) -> tuple[int, ...]:
        index = self.index
        found = [index[word]] if word in index else []
        if len(word) >= 5 and not word.isdigit():
            padded = f"<{word}>"
            found += [index[g] for i in range(len(padded) - 3) if (g := "#" + padded[i : i + 4]) in index]
        return tuple(found)

    def _present(self, text: str) -> set[int | None]:
        """The numbers of the distinct known terms in ``text`` (perhaps with a None to ignore)."""
        words = _words(text)
        distinct = set(words)
        known = self._known
        new = distinct.difference(known)
        if new and len(known) + len(new) > self.cache_limit:
            known.clear()  # before this text's words are added, so that none of them is dropped
            new = distinct
        for word in new:
            self._word_terms(word)
        present: set[int | None] = set(chain.from_iterable(map(known.__getitem__, distinct)))
        if len(words) > 1:
            # each pair of neighbouring words the model knows, looked up in C as a tuple of the two words
            # (their hashes already known: no joined string is built and hashed, and the table of pairs
            # alone is smaller than the whole vocabulary's); unknown pairs give None. The numbers go into
            # the set in the same order as the joined pairs' did, so ``score`` adds the same floats in the
            # same order (tests/test_abuse_single_text.py).
            present.update(map(self._pair_numbers().get, zip(words, islice(words, 1, None), strict=False)))
        return present

    def _pair_numbers(self) -> dict[tuple[str, str], int]:
        """Each word pair the model knows, as a tuple of its two words, and its number (made on first use)."""
        pairs = self._pairs
        if pairs is None:
            with self._lock:
                pairs = self._pairs
                if pairs is None:
                    pairs = self._pairs = {
                        (first, second): n
                        for term, n in self.index.items()
                        if " " in term
                        for first, second in (term.split(" ", 1),)
                    }
        return pairs

    def _probability(self, norm: float, total: float) -> float:
        decision = (total / math.sqrt(norm) if norm else 0.0) + self.intercept
        if decision < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-decision))

    def score(self, text: str) -> float:
        """The same probability as scikit-learn's ``predict_proba`` on ``features(text)``: each distinct
        term counts once (binary counts), so the score is a sum over the set of terms present."""
        present = self._present(text)
        present.discard(None)
        if len(present) < _NUMPY_FROM:
            norm = sum(map(self.norm_shares.__getitem__, present))  # type: ignore[arg-type]
            total = sum(map(self.sum_shares.__getitem__, present))  # type: ignore[arg-type]
        else:  # a long text: one numpy gather and sum beats two Python sums over hundreds of terms
            numbers = self._np.fromiter(present, dtype=self._np.intp, count=len(present))
            norm, total = self._shares[numbers].sum(axis=0).tolist()
        return self._probability(norm, total)

    def score_many(self, texts: Sequence[str]) -> list[float]:
        """``score`` of each text, for the whole batch at once: the texts' words found in one pass
        (``batch_words``), each word a number through one table, and from there numpy alone. Equal to
        ``score`` to within rounding (1e-12): each text's distinct terms are summed in the order of their
        numbers (``score`` sums them in its set's order), the same floats as ``score_many_reference``
        gives, bit for bit (tests/test_abuse_batch.py)."""
        if not texts:
            return []
        np = self._np
        n = len(texts)
        words, order = batch_words(texts)
        state = self._batch_state()
        try:
            numbers = state.numbers(words)
        except KeyError:
            state = self._learn(state, set(words))
            numbers = state.numbers(words)
        # which text each word belongs to: the count of separators up to it, as a place in ``order``
        owners = np.asarray(order, dtype=np.int64)[np.cumsum(numbers == 0) - 1]
        # each word's known terms (itself and its letter groups), gathered from the table of all words'
        counts = state.counts[numbers]
        ends = np.cumsum(counts)
        places = np.repeat(state.starts[numbers] - (ends - counts), counts) + np.arange(int(ends[-1]))
        # each text's terms as one number: the text's place in the high bits, the term's number below
        bits = self._term_bits
        present = (np.repeat(owners, counts) << bits) | state.terms[places]
        # each pair of neighbouring words the model knows: both words are among the first ``pair_words``
        # numbers (the separator, 0, is in no pair)
        first, second = numbers[:-1], numbers[1:]
        both = (first < state.pair_words) & (second < state.pair_words)
        pairs = state.pair_terms_of(first[both] * state.pair_words + second[both])
        known = pairs >= 0
        present = np.concatenate([present, (owners[:-1][both][known] << bits) | pairs[known]])
        # each text's distinct terms, in the order of their numbers (sorted as 32-bit numbers where they
        # fit, twice as fast)
        if n < 1 << (31 - bits):
            present = present.astype(np.int32)
        present.sort()
        if len(present):
            distinct = np.empty(len(present), dtype=bool)
            distinct[0] = True
            np.not_equal(present[1:], present[:-1], out=distinct[1:])
            present = present[distinct]
        text_of = present >> bits
        present &= (1 << bits) - 1
        norms = np.bincount(text_of, self._norm_array[present], minlength=n)
        totals = np.bincount(text_of, self._sum_array[present], minlength=n)
        # _probability for every text: the same operations, math.exp's own exponential
        decisions = np.zeros(n)
        scored = norms != 0
        decisions[scored] = totals[scored] / np.sqrt(norms[scored])
        decisions += self.intercept
        exp = math.exp
        return [0.0 if d < -30 else 1.0 / (1.0 + exp(-d)) for d in decisions.tolist()]

    def score_many_reference(self, texts: Sequence[str]) -> list[float]:
        """``score_many`` written plainly (for the tests): each text's distinct known terms from
        ``features``, summed in the order of their numbers, one text at a time."""
        scores = []
        for text in texts:
            present = sorted({n for term in features(text) if (n := self.index.get(term)) is not None})
            norm = total = 0.0
            for number in present:
                norm += self.norm_shares[number]
                total += self.sum_shares[number]
            scores.append(self._probability(norm, total))
        return scores

    def _batch_state(self) -> _BatchWords:
        state = self._batch
        if state is None:
            with self._lock:
                state = self._batch
                if state is None:
                    state = self._batch = _BatchWords(self)
        return state

    def _learn(self, state: _BatchWords, words: set[str]) -> _BatchWords:
        """The table with ``words`` in it: added to ``state``, or to a new table of the pair words alone
        when the words kept would pass ``cache_limit`` (so that none of this batch's words is dropped;
        a batch scoring with the old table elsewhere keeps it whole)."""
        with self._lock:
            state = self._batch or state
            new = words.difference(state.ids)
            if len(state.ids) + len(new) > self.cache_limit + state.pair_words:
                state = state.restarted()
            state.add(words, self._terms_of)
            self._batch = state
        return state


class _BatchWords:
    """``score_many``'s table of words: each word a number (the separator 0; then, numbered alike on
    every worker, the words of the model's word pairs; then the words met since), with the numbers of
    its known terms (itself and its letter groups) in one array, and each known pair of words as a key
    ``first * pair_words + second`` in a sorted array. Words are only ever added, each written in place
    beyond the last before it is given a number (the arrays replaced by larger copies when full), so a
    batch reading the table while another adds to it reads what it looked up."""

    def __init__(self, model: AbuseModel) -> None:
        np = model._np
        self._np = np
        pairs = [(term.split(" "), number) for term, number in model.index.items() if " " in term]
        words = [_SEPARATOR, *sorted({word for (first, second), _ in pairs for word in (first, second)})]
        self.pair_words = len(words)
        numbered = {word: n for n, word in enumerate(words)}
        keyed = sorted((numbered[first] * self.pair_words + numbered[second], n) for (first, second), n in pairs)
        # the pairs' keys in a hash table (open addressing, a quarter full): one or two gathers a pair
        # where a search of the sorted keys takes seventeen
        self.slots = 1 << max(10, (4 * len(keyed)).bit_length())
        self.slot_keys = np.full(self.slots, -1, dtype=np.int64)
        self.slot_terms = np.full(self.slots, -1, dtype=np.int64)
        if keyed:
            keys = np.array([key for key, _ in keyed], dtype=np.int64)
            terms = np.array([number for _, number in keyed], dtype=np.int64)
            slots = self._slot(keys)
            while len(keys):  # each key in the first free slot from its own on
                free = self.slot_keys[slots] == -1
                # of several keys for one free slot, the first takes it and the rest move on
                _, first = np.unique(slots[free], return_index=True)
                taken = np.flatnonzero(free)[first]
                self.slot_keys[slots[taken]] = keys[taken]
                self.slot_terms[slots[taken]] = terms[taken]
                left = np.ones(len(keys), dtype=bool)
                left[taken] = False
                keys, terms, slots = keys[left], terms[left], (slots[left] + 1) & (self.slots - 1)
        self.ids: dict[str, int] = {}
        self.counts = np.zeros(1024, dtype=np.int64)
        self.starts = np.zeros(1024, dtype=np.int64)
        self.terms = np.zeros(4096, dtype=np.int64)
        self.filled = 0  # how much of ``terms`` is taken
        self.add(words, model._terms_of)

    def _slot(self, keys: Any) -> Any:
        """Each key's first slot: Fibonacci hashing (the key times 2**64 over the golden ratio, wrapped
        to 64 bits, its top bits)."""
        bits = self.slots.bit_length() - 1
        return ((keys * _GOLDEN) >> (64 - bits)) & (self.slots - 1)

    def pair_terms_of(self, keys: Any) -> Any:
        """The term number of each pair key, -1 for a pair the model does not know."""
        np = self._np
        found = np.full(len(keys), -1, dtype=np.int64)
        waiting = np.arange(len(keys))
        slots = self._slot(keys)
        while len(waiting):
            held = self.slot_keys[slots]
            hit = held == keys
            found[waiting[hit]] = self.slot_terms[slots[hit]]
            going = ~hit & (held != -1)  # an empty slot ends the search: the model does not know the pair
            waiting, keys, slots = waiting[going], keys[going], (slots[going] + 1) & (self.slots - 1)
        return found

    def numbers(self, words: list[str]) -> Any:
        """Each word's number (a KeyError for a word not in the table)."""
        if len(words) == 1:
            return self._np.array([self.ids[words[0]]], dtype=self._np.int64)
        return self._np.fromiter(itemgetter(*words)(self.ids), dtype=self._np.int64, count=len(words))

    def restarted(self) -> _BatchWords:
        """A table of the pair words alone (the words met since dropped)."""
        fresh = _BatchWords.__new__(_BatchWords)
        fresh.__dict__.update(self.__dict__)
        fresh.ids = dict(zip(list(self.ids)[: self.pair_words], range(self.pair_words), strict=True))
        fresh.counts, fresh.starts, fresh.terms = self.counts.copy(), self.starts.copy(), self.terms.copy()
        last = self.pair_words - 1
        fresh.filled = int(self.starts[last] + self.counts[last])
        return fresh

    def add(self, words: Iterable[str], terms_of: Any) -> None:
        np = self._np
        words = [word for word in words if word not in self.ids]
        if not words:
            return
        found = [terms_of(word) if word != _SEPARATOR else () for word in words]
        first, last = len(self.ids), len(self.ids) + len(words)
        counts = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
        flat = np.fromiter(chain.from_iterable(found), dtype=np.int64, count=int(counts.sum()))
        if last > len(self.counts):
            size = max(2 * len(self.counts), last)
            self.counts = np.concatenate([self.counts, np.zeros(size - len(self.counts), dtype=np.int64)])
            self.starts = np.concatenate([self.starts, np.zeros(size - len(self.starts), dtype=np.int64)])
        if self.filled + len(flat) > len(self.terms):
            size = max(2 * len(self.terms), self.filled + len(flat))
            self.terms = np.concatenate([self.terms, np.zeros(size - len(self.terms), dtype=np.int64)])
        self.counts[first:last] = counts
        self.starts[first:last] = self.filled + np.cumsum(counts) - counts
        self.terms[self.filled : self.filled + len(flat)] = flat
        self.filled += len(flat)
        for number, word in enumerate(words, first):  # last: a word is looked up once its terms are in place
            self.ids[word] = number


@lru_cache(maxsize=1)
def model() -> AbuseModel | None:
    """The trained model, or None when its data file has not been built (``make models``)."""
    if not DATA.exists():
        return None
    return AbuseModel.load()


def _combined(linear: list[float] | None, embedded: list[float] | None, count: int) -> list[float]:
    """The engine's score from the two classifiers' (each None when not built): their mean, which did
    better on the sets used to choose it than either alone (``bench/abuse_combine.py``)."""
    if linear is None and embedded is None:
        return [0.0] * count
    if linear is None or embedded is None:
        return linear or embedded or []
    return [(a + b) / 2 for a, b in zip(linear, embedded, strict=True)]


def score(text: str) -> float:
    """Probability (0-1) that the text is abusive or hateful, from this linear model and the
    embedding model (``embed_model``) together; 0 when neither is installed."""
    linear, embedded = model(), embed_model.model()
    return _combined(
        [linear.score(text)] if linear is not None else None,
        embedded.score_many([text]) if embedded is not None else None,
        1,
    )[0]


def score_many(texts: Sequence[str]) -> list[float]:
    """``score`` of each text, in one batch."""
    linear, embedded = model(), embed_model.model()
    return _combined(
        linear.score_many(texts) if linear is not None else None,
        embedded.score_many(texts) if embedded is not None else None,
        len(texts),
    )


def _may_reach(linear: float, threshold: float) -> bool:
    """Whether ``linear`` combined with the highest embedding score there is (1) can reach ``threshold``
    (asked of ``_combined`` itself, which must not fall as the embedding score rises, so that a change to
    how the two are combined changes this bound too); with a margin far above rounding, so that only
    scores that cannot reach it are ruled out."""
    return _combined([linear], [1.0], 1)[0] >= threshold - 1e-9


def score_for(text: str, threshold: float) -> float:
    """``score(text)`` wherever it could reach ``threshold``; elsewhere the linear model's score, which is
    then below ``threshold``: when it alone rules a finding out, the embedding model is not asked (the
    engine needs the score only where it reaches the threshold)."""
    linear, embedded = model(), embed_model.model()
    if linear is None or embedded is None:
        return score(text)
    first = linear.score(text)
    if not _may_reach(first, threshold):
        return first
    return _combined([first], embedded.score_many([text]), 1)[0]


def score_many_for(texts: Sequence[str], thresholds: Sequence[float]) -> list[float]:
    """``score_for`` of each text with its own threshold, in one batch."""
    linear, embedded = model(), embed_model.model()
    if linear is None or embedded is None:
        return score_many(texts)
    firsts = linear.score_many(texts)
    asked = [
        n for n, (first, threshold) in enumerate(zip(firsts, thresholds, strict=True)) if _may_reach(first, threshold)
    ]
    scores = list(firsts)
    if asked:
        for n, second in zip(asked, embedded.score_many([texts[n] for n in asked]), strict=True):
            scores[n] = _combined([firsts[n]], [second], 1)[0]
    return scores
