"""Herald's party-promotion classifier: a linear model over words and word pairs that tells what a
party says (UK general-election manifesto sentences, 1945-2005) from what a council says (public
council web pages); built by ``bench/train_party.py`` (``make models``).

The training script fits it with scikit-learn; this module scores with plain Python from the arrays
it saved (``data/party_model.npz``: the vocabulary, each term's inverse document frequency and weight,
and the intercept; numpy reads them, nothing is unpickled). ``features`` is the one tokenizer both
sides use, so the score here equals scikit-learn's ``predict_proba`` (``tests/test_party_model.py``).

It runs only where the Publicity Code's pre-election rules apply: on an official account's post while
a pre-election period is in force, when no political rule has already found something
(``political.check_political``). Party names and calls to vote stay with the rules, which block; the
model only warns, for promotion written without them ("we will cut your council tax and protect
every library").
"""

from __future__ import annotations

import math
import re
import threading
from array import array
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain, islice, repeat
from pathlib import Path
from typing import Any

from .textutil import plain_word_list, split_words

DATA = Path(__file__).with_name("data") / "party_model.npz"

# Words: letters and digits with an inner apostrophe kept ("don't"). Any word with a digit in it is
# read as one token: the years, sums and dates of 1945-2005 manifestos and of today's council pages
# differ, and the model should learn neither era from them.
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_LINK = re.compile(r"https?://\S+|www\.\S+")
_HANDLE = re.compile(r"@\w+")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")  # "1945", "300,000", "3.71": one number each
NUMBER = "<n>"
# Fewer words than this carry too little to tell a party from a council ("The fete opens at noon"
# scored 0.89): such texts are not scored. Party names and calls to vote in them are the rules' job.
MIN_WORDS = 8


_DIGIT = re.compile(r"\d")
# A number holding a comma or a point ("300,000", "3.71"): one _NUMBER match over two runs of digits.
_GROUPED_NUMBER = re.compile(r"\d[,.]+\d")


def words(text: str) -> list[str]:
    """The words the model reads, in order (callers must not change the list)."""
    lowered, listed = plain_word_list(text)
    # With no apostrophe, link or handle, _TOKEN's words are the runs of letters and digits that the
    # shared tokenisation found; with no number holding a comma or a point either, each _NUMBER match
    # is a run of digits, so a word holds a digit exactly when it becomes NUMBER
    # (tests/test_fast_paths_round_six.py).
    unlinked = lowered
    if listed is None and "'" not in lowered and ("@" in lowered or "http" in lowered or "www." in lowered):
        # links, then handles, are dropped first, as _plain_words drops them: the rest is split as above
        # (tests/test_fast_paths_round_seven.py)
        if "http" in unlinked or "www." in unlinked:
            unlinked = _LINK.sub(" ", unlinked)
        if "@" in unlinked:
            unlinked = _HANDLE.sub(" ", unlinked)
        listed = split_words(unlinked)
    if listed is not None and "’" not in lowered:
        if not _DIGIT.search(unlinked):
            return listed
        if not _GROUPED_NUMBER.search(unlinked):
            return [word if word.isalpha() else NUMBER for word in listed]
    return _plain_words(lowered)


def _plain_words(lowered: str) -> list[str]:
    """``words`` of any lower-cased text, by the patterns themselves."""
    if "http" in lowered or "www." in lowered:
        lowered = _LINK.sub(" ", lowered)
    if "@" in lowered:
        lowered = _HANDLE.sub(" ", lowered)
    lowered = lowered.replace("’", "'")
    if not _DIGIT.search(lowered):
        return _TOKEN.findall(lowered)
    # Every digit is inside some _NUMBER match, so afterwards "0" is the only digit a word can hold.
    return [NUMBER if "0" in w else w for w in _TOKEN.findall(_NUMBER.sub("0", lowered))]


def features(text: str) -> list[str]:
    """The terms the model reads: each word and each pair of neighbouring words."""
    return _features(words(text))


def _features(found: list[str]) -> list[str]:
    return found + [f"{a} {b}" for a, b in zip(found, found[1:], strict=False)]


class PartyModel:
    """Logistic regression over binary TF-IDF (l2-normalised) of ``features``: a term present counts
    once, weighted by its inverse document frequency, so a text's score is a sum over the set of
    distinct known terms it holds. Each term is a number (its place in the vocabulary): a text's terms
    are one set of numbers built in C, summed with two C-level sums (as ``abuse_model`` does)."""

    def __init__(self, vocabulary: Iterable[str], idf: Iterable[float], coef: Iterable[float], intercept: float):
        vocabulary = list(vocabulary)
        idf_list = [float(i) for i in idf]
        coef_list = [float(w) for w in coef]
        if not len(vocabulary) == len(idf_list) == len(coef_list):
            raise ValueError("the vocabulary, idf and coef arrays differ in length")
        self.index: dict[str, int] = {term: n for n, term in enumerate(vocabulary)}
        # The same numbers looked up the way ``score_words`` asks: a word alone, and a pair of neighbouring
        # words as a tuple of the two (the text's own strings, whose hashes are already known: no joined
        # string is built and hashed for each pair, and the two smaller tables stay in the cache better
        # than the one of 125,000 terms; tests/test_fast_paths_round_twelve.py).
        self.unigrams: dict[str, int] = {term: n for term, n in self.index.items() if " " not in term}
        self.pairs: dict[tuple[str, ...], int] = {
            tuple(term.split(" ")): n for term, n in self.index.items() if " " in term
        }
        # each term's share of the norm (idf squared) and of the sum (idf * weight), by number
        # (arrays of doubles, not lists of float objects: a term's share is read from one place in memory
        # instead of through a pointer to an object elsewhere; the same floats come out)
        self.norm_shares: array[float] = array("d", [i * i for i in idf_list])
        self.sum_shares: array[float] = array("d", [i * w for i, w in zip(idf_list, coef_list, strict=True)])
        self.intercept = float(intercept)
        self._batch: _PartyBatch | None = None

    @property
    def terms(self) -> dict[str, tuple[float, float]]:
        """term -> (its share of the norm, its share of the sum), for reading the model."""
        return {t: (self.norm_shares[n], self.sum_shares[n]) for t, n in self.index.items()}

    @classmethod
    def load(cls, path: Path = DATA) -> PartyModel:
        import numpy as np

        with np.load(path, allow_pickle=False) as data:
            return cls(
                data["vocabulary"].tolist(), data["idf"].tolist(), data["coef"].tolist(), float(data["intercept"])
            )

    def score(self, text: str) -> float:
        """The same probability as scikit-learn's ``predict_proba`` on ``features(text)``."""
        return self.score_words(words(text))

    def score_many_words(self, lists: Sequence[list[str]], thresholds: Sequence[float]) -> list[float]:
        """``score_words`` of each list of words, for a batch at once (``engine.check_many``): each word a
        number through one table, and from there numpy alone. Each text's distinct terms are summed in the
        order of their numbers (``score_words`` sums them in its set's order), so a score may differ from
        ``score_words``'s in its last bits; wherever that could change what is done with it (the score
        within 1e-9 of its text's threshold, or of a boundary where ``f"{score:.2f}"`` changes), the text
        is scored by ``score_words`` itself. So a score here reaches its threshold exactly when
        ``score_words``'s does, and prints the same (tests/test_party_batch.py)."""
        if not lists:
            return []
        batch = self._batch_tables()
        np = batch.np
        n = len(lists)
        lengths = np.fromiter(map(len, lists), dtype=np.int64, count=n)
        total = int(lengths.sum())
        if total == 0:
            return [self.score_words(found) for found in lists]
        # each word's number (0: a word in no term), and which text it belongs to
        ids = np.fromiter(map(batch.ids.get, chain.from_iterable(lists), repeat(0)), dtype=np.int64, count=total)
        owners = np.repeat(np.arange(n, dtype=np.int64), lengths)
        terms = batch.unigram_terms[ids]
        alone = terms >= 0
        bits = batch.term_bits
        present = [(owners[alone] << bits) | terms[alone]]
        # neighbouring words of one text, both in some pair the model knows
        first, second = ids[:-1], ids[1:]
        both = (owners[:-1] == owners[1:]) & (first > 0) & (second > 0)
        if both.any():
            keys = first[both] * batch.width + second[both]
            places = np.searchsorted(batch.pair_keys, keys)
            places[places >= len(batch.pair_keys)] = 0
            known = batch.pair_keys[places] == keys
            present.append((owners[:-1][both][known] << bits) | batch.pair_terms[places[known]])
        # each text's distinct terms, in the order of their numbers (sorted as 32-bit numbers where they fit,
        # twice as fast; np.unique is ten times slower than a sort and a comparison here)
        joined = np.concatenate(present)
        if n < 1 << (31 - bits):
            joined = joined.astype(np.int32)
        joined.sort()
        if len(joined):
            distinct = np.empty(len(joined), dtype=bool)
            distinct[0] = True
            np.not_equal(joined[1:], joined[:-1], out=distinct[1:])
            joined = joined[distinct]
        text_of = joined >> bits
        numbers = joined & ((1 << bits) - 1)
        norms = np.bincount(text_of, batch.norm_shares[numbers], minlength=n).tolist()
        totals = np.bincount(text_of, batch.sum_shares[numbers], minlength=n).tolist()
        scores = []
        for found, norm, summed, threshold in zip(lists, norms, totals, thresholds, strict=True):
            decision = (summed / math.sqrt(norm) if norm else 0.0) + self.intercept
            score = 0.0 if decision < -30 else 1.0 / (1.0 + math.exp(-decision))
            hundredths = score * 100.0
            if abs(score - threshold) < 1e-9 or abs(hundredths - math.floor(hundredths) - 0.5) < 1e-7:
                score = self.score_words(found)
            scores.append(score)
        return scores

    def _batch_tables(self) -> _PartyBatch:
        batch = self._batch
        if batch is None:
            with _BATCH_LOCK:
                batch = self._batch
                if batch is None:
                    batch = self._batch = _PartyBatch(self)
        return batch

    def score_words(self, found: list[str]) -> float:
        # the known words and pairs of neighbouring words, looked up in C; unknown terms give None (the
        # numbers go into the set in the same order as when each pair was one joined string, so the sums
        # below add the same floats in the same order)
        present: set[int | None] = set(map(self.unigrams.get, found))
        present.update(map(self.pairs.get, zip(found, islice(found, 1, None), strict=False)))
        present.discard(None)
        norm = sum(map(self.norm_shares.__getitem__, present))  # type: ignore[arg-type]
        total = sum(map(self.sum_shares.__getitem__, present))  # type: ignore[arg-type]
        decision = (total / math.sqrt(norm) if norm else 0.0) + self.intercept
        if decision < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-decision))


_BATCH_LOCK = threading.Lock()


class _PartyBatch:
    """``score_many_words``'s tables, built once: a number for each word in some term (from 1; 0 is a word
    in none), the term of each word alone by number (-1: none), each known pair of words as the key
    ``first * width + second`` in a sorted array with its term beside it, and the terms' shares as numpy
    arrays."""

    def __init__(self, model: PartyModel) -> None:
        import numpy as np

        self.np: Any = np
        words = sorted({word for pair in model.pairs for word in pair} | set(model.unigrams))
        self.ids: dict[str, int] = {word: n for n, word in enumerate(words, 1)}
        self.width = len(words) + 1
        unigram_terms = np.full(self.width, -1, dtype=np.int64)
        for word, term in model.unigrams.items():
            unigram_terms[self.ids[word]] = term
        self.unigram_terms = unigram_terms
        keyed = sorted(
            (self.ids[pair[0]] * self.width + self.ids[pair[1]], term)
            for pair, term in model.pairs.items()
            if len(pair) == 2
        )
        self.pair_keys = np.array([key for key, _ in keyed] or [-1], dtype=np.int64)
        self.pair_terms = np.array([term for _, term in keyed] or [0], dtype=np.int64)
        self.term_bits = max(len(model.index), 1).bit_length()
        self.norm_shares = np.frombuffer(model.norm_shares, dtype=np.float64)
        self.sum_shares = np.frombuffer(model.sum_shares, dtype=np.float64)


@lru_cache(maxsize=1)
def model() -> PartyModel | None:
    """The trained model, or None when its data file has not been built (``make models``)."""
    if not DATA.exists():
        return None
    return PartyModel.load()


def score(text: str) -> float:
    """Probability (0-1) that the text reads as party-political promotion; 0 when no model is installed
    or the text has fewer than ``MIN_WORDS`` words."""
    return score_and_length(text)[0]


def score_and_length(text: str) -> tuple[float, int]:
    """``score(text)`` and the number of words it read: the threshold for a warning depends on the
    length (a short post needs a higher score; ``political.PartyThresholds``)."""
    loaded = model()
    if loaded is None:
        return 0.0, 0
    found = words(text)
    return (loaded.score_words(found) if len(found) >= MIN_WORDS else 0.0), len(found)
