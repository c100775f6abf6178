"""CPU time per text of two copies of the engine on the same corpus, one process each (run it twice,
alternating, to see the spread). On a shared machine CPU time is steadier than the wall clock.

    git archive <commit> herald/__init__.py herald/checks | tar -x -C /tmp/engine_old
    taskset -c 1 .venv/bin/python bench/checks_before_after.py /tmp/engine_old
    taskset -c 1 .venv/bin/python bench/checks_before_after.py .
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = str(Path(sys.argv[1]).resolve())
sys.path.insert(0, ROOT)
sys.path.insert(0, str(Path(__file__).resolve().parent))

import herald.checks  # noqa: E402

assert herald.checks.__file__.startswith(ROOT), herald.checks.__file__

import checks as bench  # noqa: E402  (bench/checks.py: the corpus and context)

from herald.checks import check, check_many, warm_up  # noqa: E402


def main() -> None:
    warm_up()
    drafts = bench.corpus(4000)
    ctx = bench.context()
    for draft in drafts[:400]:
        check(draft, ctx)
    rates = {}
    for label, chosen in (
        ("incoming comments", [d for d in drafts if d.kind == "comment"]),
        ("official posts", [d for d in drafts if d.kind != "comment"]),
    ):
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            for draft in chosen:
                check(draft, ctx)
            best = min(best, time.process_time() - started)
        rates[label] = len(chosen) / best
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            check_many(chosen, ctx)
            best = min(best, time.process_time() - started)
        rates[label + " (check_many)"] = len(chosen) / best
    print(ROOT, ", ".join(f"{label} {rate:,.0f}/s CPU" for label, rate in rates.items()))
    print(f"  load average (1 min) at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
