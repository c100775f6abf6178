"""CPU time per text of the polite-contempt family (``herald/checks/offensive/contempt.py``, round
fifteen) on the bench corpus and on the development comments, and the share of texts that pass its
cheap word check and pay for the patterns (docs/checks.md, "Round fifteen").

    taskset -c 1 .venv/bin/python bench/contempt_speed.py

It reads the bench corpus (``bench/checks.py``) and the development sets of ``bench/abuse_sweep.py``
only: never a later blind set.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import abuse_sweep  # noqa: E402
import checks as bench  # noqa: E402  (bench/checks.py: the corpus)

from herald.checks.offensive.contempt import _CUES, contempt_hits  # noqa: E402
from herald.checks.textutil import probe  # noqa: E402


def per_text(texts: list[str], rounds: int = 5) -> tuple[float, float]:
    """(µs per text, the best of ``rounds``; share of texts past the word check). The words are worked
    out before timing: the engine has them already (``textutil.probe``)."""
    words = [probe(text)[1] for text in texts]
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for text, seen in zip(texts, words, strict=True):
            contempt_hits(text, seen)
        best = min(best, time.process_time() - started)
    passed = sum(not _CUES.isdisjoint(seen) for seen in words) / len(texts)
    return best / len(texts) * 1e6, passed


def main() -> None:
    sets = {
        "bench corpus (10,000 drafts)": [draft.text for draft in bench.corpus(10000)],
        "development comments (abuse_sweep sets)": [row[2] for row in abuse_sweep.read_sets()],
    }
    for name, texts in sets.items():
        micro, passed = per_text(texts)
        print(f"{name}: {micro:.2f} µs per text, {passed:.1%} past the word check")


if __name__ == "__main__":
    main()
