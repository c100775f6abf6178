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
from collections.abc import Iterable
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

DATA = Path(__file__).with_name("data") / "abuse_model.npz"
_FIRST, _SECOND = itemgetter(0), itemgetter(1)

# Words: letters and digits, with an inner apostrophe kept ("don't"); user handles and links are
# reduced to one token each, as the training tweets are full of them.
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_HANDLE = re.compile(r"@\w+")
_LINK = re.compile(r"https?://\S+|www\.\S+")
# Leetspeak and masked letters, read as the letter they stand for inside a word ("sh1t", "f*ck").
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "*": "u"})
_LEETY = re.compile(r"[a-z][a-z0-9@$*]*[0-9@$*][a-z0-9@$*]*[a-z]")


def _words(text: str) -> list[str]:
    lowered = text.lower()
    if "@" in lowered:
        lowered = _HANDLE.sub(" xhandle ", lowered)
    if "http" in lowered or "www." in lowered:
        lowered = _LINK.sub(" xlink ", lowered)
    if _LEETY.search(lowered):
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
    of distinct terms, which Python adds up in C (``sum(map(...))``) rather than term by term."""

    def __init__(self, vocabulary: Iterable[str], idf: Iterable[float], coef: Iterable[float], intercept: float):
        # term -> (idf squared: its share of the norm, idf * weight: its share of the sum)
        self.terms: dict[str, tuple[float, float]] = {
            term: (float(i) * float(i), float(i) * float(w)) for term, i, w in zip(vocabulary, idf, coef, strict=True)
        }
        self.intercept = float(intercept)
        self._known: dict[str, tuple[tuple[str, tuple[float, float]], ...]] = {}

    @classmethod
    def load(cls, path: Path = DATA) -> AbuseModel:
        import numpy as np

        with np.load(path, allow_pickle=False) as data:
            return cls(
                data["vocabulary"].tolist(), data["idf"].tolist(), data["coef"].tolist(), float(data["intercept"])
            )

    def _word_terms(self, word: str) -> tuple[tuple[str, tuple[float, float]], ...]:
        """The terms a word brings that the model knows (itself, its letter groups) with their shares,
        kept per word: the same words come back all the time, and building every group and looking
        each up costs most of the time. Terms the model does not know add nothing, so they are left out."""
        known = self._known.get(word)
        if known is None:
            if len(self._known) > 200_000:
                self._known.clear()
            terms = self.terms
            found = [word] if word in terms else []
            if len(word) >= 5 and not word.isdigit():
                padded = f"<{word}>"
                found += [g for i in range(len(padded) - 3) if (g := "#" + padded[i : i + 4]) in terms]
            known = tuple((term, terms[term]) for term in found)
            self._known[word] = known
        return known

    def score(self, text: str) -> float:
        """The same probability as scikit-learn's ``predict_proba`` on ``features(text)``: each distinct
        term counts once (binary counts), so the score is a sum over the set of terms present."""
        words = _words(text)
        present: dict[str, tuple[float, float]] = {}
        word_terms = self._word_terms
        for word in set(words):
            present.update(word_terms(word))
        if len(words) > 1:
            terms = self.terms
            pairs = [pair for pair in map(" ".join, zip(words, words[1:], strict=False)) if pair in terms]
            present.update(zip(pairs, map(terms.__getitem__, pairs), strict=True))
        shares = present.values()
        norm = sum(map(_FIRST, shares))
        total = sum(map(_SECOND, shares))
        decision = (total / math.sqrt(norm) if norm else 0.0) + self.intercept
        if decision < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-decision))


@lru_cache(maxsize=1)
def model() -> AbuseModel | None:
    """The trained model, or None when its data file has not been built (``make models``)."""
    if not DATA.exists():
        return None
    return AbuseModel.load()


def score(text: str) -> float:
    """Probability (0-1) that the text is abusive or hateful; 0 when no model is installed."""
    loaded = model()
    return loaded.score(text) if loaded is not None else 0.0
