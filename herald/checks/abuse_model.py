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
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path

from . import embed_model
from .textutil import plain_word_list, split_words, word_pairs

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


def _words(text: str) -> list[str]:
    """The words the model reads, in order (callers must not change the list)."""
    lowered, listed = plain_word_list(text)
    # A text the shared tokenisation splits (ASCII, or no word character beyond ASCII) with no
    # apostrophe, handle, link or leetspeak: _TOKEN's words are the runs of letters and digits it
    # already found (tests/test_fast_paths.py, tests/test_fast_paths_round_six.py).
    if listed is not None:
        if _LEETY_ANYWHERE.search(lowered) is None:
            return listed
    elif "'" not in lowered and ("@" in lowered or "http" in lowered or "www." in lowered):
        # the same with handles and links: each becomes the word "xhandle" or "xlink" between spaces
        # (in _plain_words' order), and the rest is split as above (tests/test_fast_paths_round_seven.py)
        marked = _HANDLE.sub(" xhandle ", lowered) if "@" in lowered else lowered
        if "http" in marked or "www." in marked:
            marked = _LINK.sub(" xlink ", marked)
        if _LEETY_ANYWHERE.search(marked) is None:
            split = split_words(marked)
            if split is not None:
                return split
    return _plain_words(lowered)


def _plain_words(lowered: str) -> list[str]:
    """``_words`` of any lower-cased text, by the patterns themselves."""
    if "@" in lowered:
        lowered = _HANDLE.sub(" xhandle ", lowered)
    if "http" in lowered or "www." in lowered:
        lowered = _LINK.sub(" xlink ", lowered)
    if _LEETY_ANYWHERE.search(lowered):
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
    integers built in C (``set.update``), summed by ``score`` with two C-level sums over lists and by
    ``score_many`` for a whole batch with two numpy ``bincount`` calls."""

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
        index = self.index
        found = [index[word]] if word in index else []
        if len(word) >= 5 and not word.isdigit():
            padded = f"<{word}>"
            found += [index[g] for i in range(len(padded) - 3) if (g := "#" + padded[i : i + 4]) in index]
        known = tuple(found)
        self._known[word] = known
        return known

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
            # each pair of neighbouring words the model knows, looked up in C; unknown pairs give None
            present.update(map(self.index.get, word_pairs(words)))
        return present

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
        """``score`` of each text, summed for the whole batch at once (numpy); equal to ``score``
        to within rounding (1e-12)."""
        import numpy as np

        if not texts:
            return []
        sets = []
        for text in texts:
            present = self._present(text)
            present.discard(None)
            sets.append(present)
        sizes = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
        numbers = np.fromiter(chain.from_iterable(sets), dtype=np.int64, count=int(sizes.sum()))
        owners = np.repeat(np.arange(len(sets)), sizes)
        norms = np.bincount(owners, self._norm_array[numbers], minlength=len(sets)).tolist()
        totals = np.bincount(owners, self._sum_array[numbers], minlength=len(sets)).tolist()
        return [self._probability(n, t) for n, t in zip(norms, totals, strict=True)]


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
