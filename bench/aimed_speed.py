"""CPU time per text of round seventeen's families (``herald/checks/offensive/aimed.py``: menace with no
place, sexual remarks with no approach, takeover dog-whistles, a body or disability jeered at; the bare-name check runs inside round
fifteen's contempt and only after one of its appraisals matched) on the bench corpus and on the
development comments, and the share of texts that pass each cheap word check and pay for its patterns
(bench/abuse_round17_rule.txt).

    taskset -c 1 .venv/bin/python bench/aimed_speed.py

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

from herald.checks.offensive import aimed  # noqa: E402
from herald.checks.textutil import probe  # noqa: E402

FAMILIES = {
    "menace": (aimed.menace_hits, aimed._MENACE_CUES),
    "sexual": (aimed.sexual_hits, aimed._SEXUAL_CUES),
    "takeover": (aimed.takeover_hits, aimed._TAKEOVER_CUES),
    "mockery": (aimed.mockery_hits, aimed._MOCK_CUES),
}


def per_text(texts: list[str], rounds: int = 5) -> dict[str, tuple[float, float]]:
    """Each family's (µs per text, the best of ``rounds``; share of texts past its word check), and
    all three together. The words are worked out before timing: the engine has them already."""
    words = [probe(text)[1] for text in texts]
    figures = {}
    for name, (hits, cues) in FAMILIES.items():
        best = float("inf")
        for _ in range(rounds):
            started = time.process_time()
            for text, seen in zip(texts, words, strict=True):
                hits(text, seen)
            best = min(best, time.process_time() - started)
        gate = aimed.menace_may_match if name == "menace" else (lambda seen, cues=cues: not cues.isdisjoint(seen))
        figures[name] = (best / len(texts) * 1e6, sum(gate(seen) for seen in words) / len(texts))
    figures["all together"] = (sum(f[0] for f in figures.values()), float("nan"))
    return figures


def main() -> None:
    sets = {
        "bench corpus (10,000 drafts)": [draft.text for draft in bench.corpus(10000)],
        "development comments (abuse_sweep sets)": [row[2] for row in abuse_sweep.read_sets()],
    }
    for name, texts in sets.items():
        print(f"{name}:")
        for family, (micro, passed) in per_text(texts).items():
            share = "" if passed != passed else f", {passed:.1%} past the word check"
            print(f"  {family}: {micro:.2f} µs per text{share}")


if __name__ == "__main__":
    main()
