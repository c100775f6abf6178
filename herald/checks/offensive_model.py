"""The alt-profanity-check model, scored in pure Python one text at a time.

alt-profanity-check ships a TF-IDF vectoriser and five sigmoid-calibrated linear SVMs (scikit-learn).
Calling ``predict_prob([text])`` costs about a millisecond per call because of scikit-learn's
per-call overhead; batching helps, but the post editor checks one text per keystroke. The model is
linear, so we read its fitted weights once and compute exactly the same probability with a dict
lookup per word (see ``tests/test_offensive.py`` for the equivalence test and
``bench/checks.py`` for the figures). ``score_many`` uses scikit-learn's batched path.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources

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

    def score(self, text: str) -> float:
        # Same arithmetic in the same order as before (terms in first-occurrence order, each fold
        # summed term by term), so the result is bit-for-bit identical; only the Python overhead
        # (generator filter, per-fold inner loop, repeated lookups) is gone.
        terms = self.terms
        counts: dict[str, int] = {}
        _count_elements(counts, tokens(text))  # Counter's own C loop, without its set-up
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


def score_many(texts: list[str]) -> list[float]:
    """The same probabilities through scikit-learn's batched path (for comparison and big batches)."""
    model = _model()
    if not texts:
        return []
    return [float(p) for p in model.model.predict_proba(model.vectorizer.transform(texts))[:, 1]]
