"""CPU time per text of two copies of the engine timed in alternation inside one process, so that the
load of a shared machine falls on both alike (``checks_before_after.py`` runs one process per copy,
minutes apart, and on a busy machine the spread between runs is larger than a round's gain).

    rm -rf /tmp/oldpkg && mkdir -p /tmp/oldpkg/herald_old
    git archive <commit> herald/__init__.py herald/checks | tar -x -C /tmp/oldpkg
    mv /tmp/oldpkg/herald/__init__.py /tmp/oldpkg/herald/checks /tmp/oldpkg/herald_old/
    taskset -c 1 .venv/bin/python bench/checks_interleaved.py /tmp/oldpkg [rounds] [long-post rounds] [--different]

The old copy is imported as ``herald_old.checks`` (the engine's imports are relative), and its reports
are compared with this tree's on the first 300 drafts before anything is timed.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import fields
from pathlib import Path

HERE = Path(__file__).resolve().parent
# --different: time two copies whose findings differ (rules changed between them), e.g. a stop's start and end
DIFFERENT = "--different" in sys.argv
if DIFFERENT:
    sys.argv.remove("--different")
sys.path.insert(0, str(Path(sys.argv[1]).resolve()))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import checks as bench  # noqa: E402  (bench/checks.py: the corpus and context)
import herald_old.checks as old  # noqa: E402
import herald_old.checks.model as old_model  # noqa: E402

import herald.checks as new  # noqa: E402


def _to_old(obj):
    """A draft or context of this tree rebuilt from the old copy's classes (``check_many`` tells drafts
    from (draft, context) pairs by class)."""
    if isinstance(obj, tuple):
        return tuple(_to_old(x) for x in obj)
    if not hasattr(obj, "__dataclass_fields__"):
        return obj
    cls = getattr(old, type(obj).__name__, None) or getattr(old_model, type(obj).__name__)
    return cls(**{f.name: _to_old(getattr(obj, f.name)) for f in fields(obj)})


def main() -> None:
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    long_rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    new.warm_up()
    old.warm_up()
    drafts = bench.corpus(4000)
    ctx = bench.context()
    drafts_old = [_to_old(d) for d in drafts]
    ctx_old = _to_old(ctx)
    for draft, draft_old in zip(drafts[:300], drafts_old[:300], strict=True):
        same = repr(new.check(draft, ctx).findings) == repr(old.check(draft_old, ctx_old).findings)
        assert same or DIFFERENT, "the copies' findings differ: pass --different to time them anyway"

    copies = {"old": (old, drafts_old, ctx_old), "new": (new, drafts, ctx)}
    for label, wanted in (("incoming comments", True), ("official posts", False)):
        chosen = [i for i, d in enumerate(drafts) if (d.kind == "comment") == wanted]
        for mode in ("check", "check_many"):
            best = {"old": float("inf"), "new": float("inf")}
            for r in range(rounds):
                for name in ("old", "new") if r % 2 == 0 else ("new", "old"):
                    module, texts, context = copies[name]
                    selected = [texts[i] for i in chosen]
                    started = time.process_time()
                    if mode == "check":
                        for draft in selected:
                            module.check(draft, context)
                    else:
                        module.check_many(selected, context)
                    best[name] = min(best[name], time.process_time() - started)
            n = len(chosen)
            print(f"{label}, {mode}: before {n / best['old']:,.0f}/s, after {n / best['new']:,.0f}/s CPU "
                  f"({best['old'] / best['new']:.2f}x; µs per text {best['old'] / n * 1e6:.0f} -> "
                  f"{best['new'] / n * 1e6:.0f}), best of {rounds}", flush=True)  # fmt: skip
    if long_rounds:
        # one check() per draft, best of ``long_rounds`` per draft: the single-post latency without
        # the waits for a core that a busy machine adds to any one run
        for subset, label in ((lambda d: len(d.text) >= 2000, "posts of 2,000-2,200 characters"), (None, "all drafts")):
            chosen = [i for i, d in enumerate(drafts) if subset is None or subset(d)]
            spent = {"old": [float("inf")] * len(chosen), "new": [float("inf")] * len(chosen)}
            for _ in range(long_rounds):
                for name in ("old", "new"):
                    module, texts, context = copies[name]
                    for k, i in enumerate(chosen):
                        started = time.process_time()
                        module.check(texts[i], context)
                        spent[name][k] = min(spent[name][k], time.process_time() - started)
            for name in ("old", "new"):
                ms = sorted(s * 1000 for s in spent[name])
                print(f"{label} ({len(ms)}), {name}: CPU ms per check, best of {long_rounds} per draft: "
                      f"p50 {statistics.median(ms):.3f}, p99 {ms[int(len(ms) * 0.99)]:.3f}, max {ms[-1]:.3f}")  # fmt: skip
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
