"""CPU time per text of round eighteen's families (``herald/checks/offensive/doxxing.py`` and ``leers.py``)
alone, the share of texts that pass each cheap check and pay for its patterns, and the whole engine's time
per incoming comment with and without them (docs/checks.md, "Round eighteen").

    taskset -c 1 .venv/bin/python bench/abuse_round18_speed.py

It reads the bench corpus (``bench/checks.py``) and the development sets of ``bench/abuse_sweep.py`` only.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import abuse_sweep  # noqa: E402
import checks as bench  # noqa: E402  (bench/checks.py: the corpus)

import herald.checks.offensive as offensive  # noqa: E402
from herald.checks import Context, Draft, check  # noqa: E402
from herald.checks.offensive import doxxing, leers  # noqa: E402
from herald.checks.textutil import probe  # noqa: E402

CONTEXT = Context(account="official")


def best_of(run, rounds: int = 5) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    sets = {
        "bench corpus (10,000 drafts, as comments)": [draft.text for draft in bench.corpus(10000)],
        "development comments (abuse_sweep sets)": [row[2] for row in abuse_sweep.read_sets()],
    }
    for name, texts in sets.items():
        words = [probe(text)[1] for text in texts]
        n = len(texts)
        print(f"{name}:")
        dox = best_of(lambda t=texts, ws=words: [doxxing.doxxing_hits(x, w) for x, w in zip(t, ws, strict=True)])
        past = sum(not doxxing._CUES.isdisjoint(w) for w in words) / n
        print(f"  doxxing: {dox / n * 1e6:.2f} µs per text, {past:.1%} past the word check")
        leer = best_of(lambda t=texts: [leers.leer_hits(x) for x in t])
        past = sum(any(e in t for e in leers._LEERS) for t in texts) / n
        print(f"  emoji leers: {leer / n * 1e6:.2f} µs per text, {past:.1%} past the emoji check")
        drafts = [Draft(text=t, kind="comment") for t in texts]
        with_cues = best_of(lambda ds=drafts: [check(d, CONTEXT) for d in ds], rounds=3)
        saved = offensive.doxxing_hits, offensive.leer_hits
        offensive.doxxing_hits = lambda text, words: []  # type: ignore[assignment]
        offensive.leer_hits = lambda text: []  # type: ignore[assignment]
        try:
            without = best_of(lambda ds=drafts: [check(d, CONTEXT) for d in ds], rounds=3)
        finally:
            offensive.doxxing_hits, offensive.leer_hits = saved
        print(
            f"  whole engine per comment: {with_cues / n * 1e6:.1f} µs with round eighteen's cues, "
            f"{without / n * 1e6:.1f} µs without"
        )


if __name__ == "__main__":
    main()
