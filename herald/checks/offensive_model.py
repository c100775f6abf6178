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
from collections import Counter
from functools import lru_cache
from importlib import resources

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # the vectoriser's token_pattern


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
        counts = Counter(t for t in _TOKEN.findall(text.lower()) if t in self.terms)
        sums = [0.0] * self.folds
        norm = 0.0
        for term, count in counts.items():
            weights = self.terms[term]
            norm += (count * weights[0]) ** 2
            for k in range(self.folds):
                sums[k] += count * weights[k + 1]
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
