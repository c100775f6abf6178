"""The alt-profanity-check model, scored in pure Python one text at a time.

alt-profanity-check ships a TF-IDF vectoriser and five sigmoid-calibrated linear SVMs (scikit-learn).
Calling ``predict_prob([text])`` costs about a millisecond per call because of scikit-learn's
per-call overhead; batching helps, but the post editor checks one text per keystroke. The model is
linear, so we read its fitted weights once and compute exactly the same probability with a dict
lookup per word (see ``tests/test_offensive.py`` for the equivalence test and
``bench/checks.py`` for the figures). ``score_many`` uses scikit-learn's batched path; ``score_counted``
gives ``score``'s very numbers for many texts at once (``engine.check_many``).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources
from itertools import chain, repeat

from .textutil import word_list

try:
    from collections import _count_elements  # Counter's C counting loop
except ImportError:  # pragma: no cover - CPython has it

    def _count_elements(mapping: dict[str, int], iterable) -> None:
        for element in iterable:
            mapping[element] = mapping.get(element, 0) + 1


_TOKEN_PATTERN = r"(?u)\b\w\w+\b"  # the vectoriser's token_pattern
# The same tokens, found faster (~35 vs ~50 µs per 2,000 characters): a greedy \w\w+ found left to
# right only ever starts at the start of a run of word characters and takes the whole run, which is
# exactly what the boundaries ask for (tests/test_fast_paths.py).
_TOKEN = re.compile(r"\w\w+")


def tokens(text: str) -> list[str]:
    """The vectoriser's tokens of ``text``, in order. For text without "_" that the shared tokenisation
    splits (ASCII, or no word character beyond ASCII), a ``\\w\\w+`` token is a run of two or more
    letters and digits: its words of two characters or more (tests/test_fast_paths.py,
    tests/test_fast_paths_round_six.py)."""
    lowered, listed = word_list(text)
    if listed is not None and "_" not in lowered:
        return [word for word in listed if len(word) > 1]
    return _TOKEN.findall(lowered)


class _Model:
    def __init__(self) -> None:
        import joblib  # deferred: importing scikit-learn takes most of a second
        import numpy as np

        data = resources.files("profanity_check") / "data"
        with resources.as_file(data / "vectorizer.joblib") as path:
            self.vectorizer = joblib.load(path)
        with resources.as_file(data / "model.joblib") as path:
            self.model = joblib.load(path)
        vec = self.vectorizer
        if vec.ngram_range != (1, 1) or vec.norm != "l2" or vec.sublinear_tf or not vec.lowercase:
            raise RuntimeError("alt-profanity-check's vectoriser changed; update herald.checks.offensive_model")
        idf = vec.idf_
        folds = self.model.calibrated_classifiers_
        coefs = [fold.estimator.coef_[0] for fold in folds]
        self.intercepts = [float(fold.estimator.intercept_[0]) for fold in folds]
        self.calibration = [(float(fold.calibrators[0].a_), float(fold.calibrators[0].b_)) for fold in folds]
        # term -> (idf, idf * w_1, ..., idf * w_k)
        self.terms: dict[str, tuple[float, ...]] = {
            term: (float(idf[i]), *(float(c[i] * idf[i]) for c in coefs)) for term, i in vec.vocabulary_.items()
        }
        self.folds = len(folds)
        # For score_counted: each term's number, its weights as one row (idf, then idf * w per fold)
        # and its share of the norm when it occurs once, ``(1 * idf) ** 2`` worked out by Python's own
        # ``**`` as score_counts does (C's ``pow``, which differs from ``idf * idf`` in the last bit for
        # about one value in 1,600).
        self.index = {term: n for n, term in enumerate(self.terms)}
        self.weights = np.array(list(self.terms.values()), dtype=np.float64).reshape(len(self.index), self.folds + 1)
        self.once = np.array([(1 * values[0]) ** 2 for values in self.terms.values()], dtype=np.float64)

    def counted(self, text: str) -> dict[str, int]:
        """Each token of ``text`` and how often it occurs, in first-occurrence order."""
        counts: dict[str, int] = {}
        _count_elements(counts, tokens(text))  # Counter's own C loop, without its set-up
        return counts

    def score(self, text: str) -> float:
        return self.score_counts(self.counted(text))

    def score_counts(self, counts: dict[str, int]) -> float:
        # Same arithmetic in the same order as before (terms in first-occurrence order, each fold
        # summed term by term), so the result is bit-for-bit identical; only the Python overhead
        # (generator filter, per-fold inner loop, repeated lookups) is gone.
        terms = self.terms
        folds = self.folds
        if folds != 5:
            return self._score_generic(counts)
        s0 = s1 = s2 = s3 = s4 = 0.0
        norm = 0.0
        for term, count in counts.items():
            weights = terms.get(term)
            if weights is None:
                continue
            idf, w0, w1, w2, w3, w4 = weights
            norm += (count * idf) ** 2
            s0 += count * w0
            s1 += count * w1
            s2 += count * w2
            s3 += count * w3
            s4 += count * w4
        return self._calibrate([s0, s1, s2, s3, s4], norm)

    def _score_generic(self, all_counts: dict[str, int]) -> float:
        sums = [0.0] * self.folds
        norm = 0.0
        for term, count in all_counts.items():
            weights = self.terms.get(term)
            if weights is None:
                continue
            norm += (count * weights[0]) ** 2
            for k in range(self.folds):
                sums[k] += count * weights[k + 1]
        return self._calibrate(sums, norm)

    def score_counted(self, counted: list[dict[str, int]]) -> list[float]:
        """``score_counts`` of each of many texts' counts, the same numbers bit for bit, summed for the
        whole batch at once: each text's terms in the order ``score_counts`` reads them, every sum
        begun at 0.0 and added to term by term (``numpy.bincount`` adds its weights in order), each
        product the same single multiplication, and the norm's squares Python's own."""
        import numpy as np

        n = len(counted)
        if not n:
            return []
        index, weights, once = self.index, self.weights, self.once
        sizes = np.fromiter(map(len, counted), dtype=np.intp, count=n)
        total = int(sizes.sum())
        rows = np.fromiter(map(index.get, chain.from_iterable(counted), repeat(-1)), dtype=np.intp, count=total)
        counts = np.fromiter(chain.from_iterable(map(dict.values, counted)), dtype=np.float64, count=total)
        owners = np.repeat(np.arange(n), sizes)
        known = rows >= 0  # unknown tokens add nothing (score_counts skips them)
        rows, counts, owners = rows[known], counts[known], owners[known]
        found = weights[rows]
        squares = once[rows]
        again = np.flatnonzero(counts != 1)
        if len(again):  # a token that occurs more than once: its square as score_counts takes it
            squares[again] = [value**2 for value in (counts[again] * found[again, 0]).tolist()]
        norms = np.bincount(owners, squares, minlength=n)
        products = found[:, 1:] * counts[:, None]
        # _calibrate for every text at once, one operation at a time as it does them; the exponential is
        # math.exp's own (numpy's may differ in the last bit)
        scale = np.zeros(n)
        scale[norms != 0] = 1.0 / np.sqrt(norms[norms != 0])
        total = np.zeros(n)
        for k in range(self.folds):
            decision = np.bincount(owners, products[:, k], minlength=n) * scale + self.intercepts[k]
            a, b = self.calibration[k]
            exponentials = np.fromiter(map(math.exp, (a * decision + b).tolist()), dtype=np.float64, count=n)
            total += 1.0 / (1.0 + exponentials)
        return (total / self.folds).tolist()

    def _calibrate(self, sums: list[float], norm: float) -> float:
        scale = 1.0 / math.sqrt(norm) if norm else 0.0
        total = 0.0
        for k in range(self.folds):
            decision = sums[k] * scale + self.intercepts[k]
            a, b = self.calibration[k]
            total += 1.0 / (1.0 + math.exp(a * decision + b))
        return total / self.folds


@lru_cache(maxsize=1)
def _model() -> _Model:
    return _Model()


def load() -> None:
    """Load the model now (it otherwise loads on first use)."""
    _model()


def score(text: str) -> float:
    """Probability (0-1) that the text is offensive, as alt-profanity-check would say."""
    return _model().score(text)


def counted(text: str) -> dict[str, int]:
    """The tokens of ``text`` the model reads, with their counts (``score_counted``'s input)."""
    return _model().counted(text)


def score_counted(counted: list[dict[str, int]]) -> list[float]:
    """``score`` of each text whose ``counted`` is given, for the whole batch at once: the same numbers,
    bit for bit (``engine.check_many``; ``tests/test_fast_paths_round_nine.py``)."""
    return _model().score_counted(counted)


def score_many(texts: list[str]) -> list[float]:
    """The same probabilities through scikit-learn's batched path (for comparison and big batches)."""
    model = _model()
    if not texts:
        return []
    return [float(p) for p in model.model.predict_proba(model.vectorizer.transform(texts))[:, 1]]
