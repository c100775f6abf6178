"""The party model's scoring per official post of the bench corpus: one ``score_words`` per post (``check``)
against ``score_many_words`` for them all (``check_many``), alternated in one process, best of N CPU times.

    taskset -c 1 .venv/bin/python bench/party_batch_speed.py [rounds]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import checks as bench  # noqa: E402

from herald.checks import party_model, political, warm_up  # noqa: E402


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    warm_up()
    model = party_model.model()
    assert model is not None
    posts = [d.text for d in bench.corpus(4000) if d.kind != "comment"]
    lists = [w for w in (party_model.words(political._model_text(t)) for t in posts) if len(w) >= party_model.MIN_WORDS]
    thresholds = [0.5] * len(lists)
    model.score_many_words(lists, thresholds)
    best = {"one at a time": float("inf"), "batch": float("inf")}
    for r in range(rounds):
        for name in ("one at a time", "batch") if r % 2 == 0 else ("batch", "one at a time"):
            started = time.process_time()
            if name == "batch":
                model.score_many_words(lists, thresholds)
            else:
                [model.score_words(found) for found in lists]
            best[name] = min(best[name], time.process_time() - started)
    n = len(lists)
    print(f"{n} posts scored (of {len(posts)}), mean {sum(map(len, lists)) / n:.0f} words: "
          f"one at a time {best['one at a time'] / n * 1e6:.1f} µs per post, batch {best['batch'] / n * 1e6:.1f} µs "
          f"({best['one at a time'] / best['batch']:.2f}x), best of {rounds}")  # fmt: skip


if __name__ == "__main__":
    main()
