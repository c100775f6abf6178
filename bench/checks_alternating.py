"""One ``check`` per draft in two copies of the engine, the copy that goes first swapped from one draft
to the next, each draft met once by each copy (its caches cold, as for a post checked once; 300 other drafts are
checked first, for what a copy loads or builds on first use). In
``checks_interleaved.py``'s per-draft timings the old copy always runs first over every draft of a
round; here neither copy gains from its place.

    taskset -c 1 .venv/bin/python bench/checks_alternating.py /tmp/oldpkg [drafts]

The old copy is laid out as ``checks_interleaved.py`` expects (``/tmp/oldpkg/herald_old/checks``).
Prints, for all drafts and for the posts of 2,000-2,200 characters, the CPU time per check of each copy
(p50, p99, mean).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(Path(sys.argv[1]).resolve()))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import checks as bench  # noqa: E402  (bench/checks.py: the corpus and context)
import herald_old.checks as old  # noqa: E402
from checks_interleaved import _to_old  # noqa: E402

import herald.checks as new  # noqa: E402


def main() -> None:
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    new.warm_up()
    old.warm_up()
    drafts = bench.corpus(count)
    ctx = bench.context()
    drafts_old = [_to_old(d) for d in drafts]
    ctx_old = _to_old(ctx)
    for draft in bench.corpus(300, seed=7):  # other drafts first: what each copy loads or builds on first use
        new.check(draft, ctx)
        old.check(_to_old(draft), ctx_old)
    spent: dict[str, list[float]] = {"old": [], "new": []}
    for i, (draft, draft_old) in enumerate(zip(drafts, drafts_old, strict=True)):
        runs = (("old", old, draft_old, ctx_old), ("new", new, draft, ctx))
        for name, module, text, context in runs if i % 2 == 0 else runs[::-1]:
            started = time.process_time()
            module.check(text, context)
            spent[name].append((time.process_time() - started) * 1000)
    for label, chosen in (
        ("all drafts", range(len(drafts))),
        ("posts of 2,000-2,200 characters", [i for i, d in enumerate(drafts) if len(d.text) >= 2000]),
    ):
        for name in ("old", "new"):
            ms = sorted(spent[name][i] for i in chosen)
            print(f"{label} ({len(ms)}), {name}: CPU ms per check, p50 {statistics.median(ms):.3f}, "
                  f"p99 {ms[int(len(ms) * 0.99)]:.3f}, mean {statistics.mean(ms):.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
