"""CPU time per text of the abuse classifier's batch (``abuse_model.score_many_for``, as ``check_many``
calls it) in two copies of the engine, timed in alternation inside one process, on the very batches
``check_many`` sends it for the bench corpus's incoming comments and official posts.

    taskset -c 1 .venv/bin/python bench/abuse_batch_speed.py /work/basepkg [rounds]

The old copy is imported as ``herald_old.checks`` (see ``checks_interleaved.py``). Before timing, the two
copies' scores are compared: equal to within 1e-12, and on the same side of each text's threshold.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(Path(sys.argv[1]).resolve()))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import checks as bench  # noqa: E402  (bench/checks.py: the corpus and context)
import herald_old.checks.abuse_model as old  # noqa: E402

from herald.checks import abuse_model, check_many, engine, warm_up  # noqa: E402

ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 7


def batches() -> list[tuple[str, list[str], list[float]]]:
    """The texts and thresholds ``check_many`` hands the classifier, for comments and for posts."""
    caught: list[tuple[list[str], list[float]]] = []
    inner = engine.abuse_model.score_many_for

    def catching(texts, thresholds):
        caught.append((list(texts), list(thresholds)))
        return inner(texts, thresholds)

    drafts = bench.corpus(4000)
    ctx = bench.context()
    engine.abuse_model.score_many_for = catching
    try:
        found = []
        for label, kind in (("incoming comments", True), ("official posts", False)):
            caught.clear()
            check_many([d for d in drafts if (d.kind == "comment") == kind], ctx)
            found.append((label, *caught[0]))
        return found
    finally:
        engine.abuse_model.score_many_for = inner


def main() -> None:
    warm_up()
    print(f"load average {os.getloadavg()[0]:.2f}")
    for label, texts, thresholds in batches():
        new_scores = abuse_model.score_many_for(texts, thresholds)
        old_scores = old.score_many_for(texts, thresholds)
        assert max(abs(a - b) for a, b in zip(new_scores, old_scores, strict=True)) < 1e-12
        assert [s >= t for s, t in zip(new_scores, thresholds, strict=True)] == [
            s >= t for s, t in zip(old_scores, thresholds, strict=True)
        ]
        best = {"old": float("inf"), "new": float("inf")}
        for _ in range(ROUNDS):
            for name, module in (("old", old), ("new", abuse_model)):
                started = time.process_time()
                module.score_many_for(texts, thresholds)
                best[name] = min(best[name], time.process_time() - started)
        per = {name: seconds / len(texts) * 1e6 for name, seconds in best.items()}
        print(
            f"{label}: a batch of {len(texts):,} texts, µs CPU per text (best of {ROUNDS}): "
            f"old {per['old']:.2f}, new {per['new']:.2f} ({per['old'] / per['new']:.2f}x)"
        )


if __name__ == "__main__":
    main()
