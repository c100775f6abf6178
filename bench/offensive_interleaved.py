"""CPU time of the offensive rules alone (``check_offensive``, up to the profanity model's tokens) per distinct
incoming comment of the bench corpus, two copies of the engine timed in alternation in one process, and how
many comments each family of the new copy is called for (its bit in the engine's prefilter mask).

    rm -rf /tmp/oldpkg && mkdir -p /tmp/oldpkg/herald_old
    git archive <commit> herald/__init__.py herald/checks | tar -x -C /tmp/oldpkg
    mv /tmp/oldpkg/herald/__init__.py /tmp/oldpkg/herald/checks /tmp/oldpkg/herald_old/
    taskset -c 1 .venv/bin/python bench/offensive_interleaved.py /tmp/oldpkg [rounds]

Each copy is given what its engine has worked out before the offensive rules run (the text's words and
the prefilter mask), so only the rules themselves are timed. The old copy is called as its engine calls
it (without a mask when it takes none).
"""

from __future__ import annotations

import inspect
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(Path(sys.argv[1]).resolve()))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import checks as bench  # noqa: E402  (bench/checks.py: the corpus and context)
import herald_old.checks as old  # noqa: E402
from herald_old.checks import engine as old_engine  # noqa: E402
from herald_old.checks.textutil import probe as old_probe  # noqa: E402

import herald.checks as new  # noqa: E402
from herald.checks import engine as new_engine  # noqa: E402
from herald.checks.textutil import probe as new_probe  # noqa: E402


def main() -> None:
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    new.warm_up()
    old.warm_up()
    seen: set[str] = set()
    texts = []
    for draft in bench.corpus(4000):
        if draft.kind == "comment" and draft.text not in seen:
            seen.add(draft.text)
            texts.append(draft.text)
    copies = {}
    for name, engine, probe in (("old", old_engine, old_probe), ("new", new_engine, new_probe)):
        compiled = engine._compiled(engine.default_rules())
        prefilter = getattr(compiled, "prefilter", None)
        takes_mask = "mask" in inspect.signature(engine.check_offensive).parameters and prefilter is not None
        copies[name] = (engine.check_offensive, compiled, probe, prefilter if takes_mask else None)
    thresholds = new_engine.default_rules().thresholds

    def emit(*args, **fields) -> None:
        pass

    def wait(*args) -> None:
        pass

    def run(name: str) -> float:
        check_offensive, compiled, probe, prefilter = copies[name]
        spent = 0.0
        for text in texts:
            probe(text)
            compiled.offensive.strong.may_match(text)  # the shared mask, worked out before the rules run
            extra = (prefilter.mask(text),) if prefilter is not None else ()
            started = time.process_time()
            check_offensive(text, compiled.offensive, thresholds, emit, "comment", None, None, wait, *extra)
            spent += time.process_time() - started
        return spent

    best = {"old": float("inf"), "new": float("inf")}
    for r in range(rounds):
        for name in ("old", "new") if r % 2 == 0 else ("new", "old"):
            best[name] = min(best[name], run(name))
    n = len(texts)
    print(f"{n} distinct incoming comments, check_offensive, µs CPU per comment (best of {rounds}): "
          f"{best['old'] / n * 1e6:.1f} -> {best['new'] / n * 1e6:.1f}")  # fmt: skip
    _, compiled, _, prefilter = copies["new"]
    if prefilter is not None:
        bits = compiled.offensive.bits
        for family in compiled.offensive.families:
            called = sum(1 for text in texts if prefilter.mask(text) & bits[family])
            print(f"  {family}: called for {called} of {n}")


if __name__ == "__main__":
    main()
