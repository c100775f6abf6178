"""CPU time per text of ``check_many`` on the bench corpus's incoming comments with every repeated text
left out, two copies of the engine alternated in one process (as ``checks_interleaved.py``): the gain of
the rules themselves, without what ``check_many`` saves by checking a repeated draft once (the corpus's
comments repeat their fixed templates: 1,133 distinct texts of 1,333).

    rm -rf /tmp/oldpkg && mkdir -p /tmp/oldpkg/herald_old
    git archive <commit> herald/__init__.py herald/checks | tar -x -C /tmp/oldpkg
    mv /tmp/oldpkg/herald/__init__.py /tmp/oldpkg/herald/checks /tmp/oldpkg/herald_old/
    taskset -c 1 .venv/bin/python bench/checks_distinct_comments.py /tmp/oldpkg [rounds]
"""

from __future__ import annotations

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
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    new.warm_up()
    old.warm_up()
    seen: set[str] = set()
    comments = []
    for draft in bench.corpus(4000):
        if draft.kind == "comment" and draft.text not in seen:
            seen.add(draft.text)
            comments.append(draft)
    ctx = bench.context()
    copies = {"old": (old, [_to_old(d) for d in comments], _to_old(ctx)), "new": (new, comments, ctx)}
    best = {"old": float("inf"), "new": float("inf")}
    for r in range(rounds):
        for name in ("old", "new") if r % 2 == 0 else ("new", "old"):
            module, drafts, context = copies[name]
            started = time.process_time()
            module.check_many(drafts, context)
            best[name] = min(best[name], time.process_time() - started)
    n = len(comments)
    print(f"{n} distinct incoming comments, check_many: µs per text {best['old'] / n * 1e6:.0f} -> "
          f"{best['new'] / n * 1e6:.0f} ({best['old'] / best['new']:.2f}x), best of {rounds}")  # fmt: skip


if __name__ == "__main__":
    main()
