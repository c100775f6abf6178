"""CPU time per text of each rule family of one copy of the engine, on the bench corpus (where the
time goes). Each family is timed by wrapping it, which adds ~1 µs per call: compare runs of this
script with each other, not with ``checks_before_after.py``.

    git archive <commit> herald/__init__.py herald/checks | tar -x -C /tmp/engine_old
    taskset -c 1 .venv/bin/python bench/checks_families.py /tmp/engine_old
    taskset -c 1 .venv/bin/python bench/checks_families.py .
    taskset -c 1 .venv/bin/python bench/checks_families.py . --long

With ``--long``, only the official posts of 2,000-2,200 characters, each through ``check`` alone (the
single-post latency the p99 is made of; the classifiers score one text at a time there).

The first family to run on a text (personal data, then political) also pays for what is worked out
once per text and shared (the lower-cased text and its words, the word-list prefilter).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

LONG = "--long" in sys.argv
ARGS = [a for a in sys.argv[1:] if a != "--long"]
ROOT = str(Path(ARGS[0] if ARGS else ".").resolve())
sys.path.insert(0, ROOT)
sys.path.insert(0, str(Path(__file__).resolve().parent))

import herald.checks  # noqa: E402

assert herald.checks.__file__.startswith(ROOT), herald.checks.__file__

import checks as bench  # noqa: E402  (bench/checks.py: the corpus and context)

from herald.checks import check, check_many, engine, offensive, warm_up  # noqa: E402

FAMILIES = ("check_personal_data", "check_political", "check_legal", "check_offensive", "check_children",
            "check_accessibility", "check_platform", "_findings")  # fmt: skip


def main() -> None:
    spent: dict[str, float] = {}

    def timed(module, name: str, label: str) -> None:
        inner = getattr(module, name)

        def wrapper(*args, **kwargs):
            started = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - started

        setattr(module, name, wrapper)

    warm_up()
    drafts = bench.corpus(4000)
    ctx = bench.context()
    for draft in drafts[:400]:
        check(draft, ctx)
    for name in FAMILIES:
        timed(engine, name, name.removeprefix("check_").removeprefix("_"))
    timed(offensive.offensive_model, "score", "offensive: profanity model (inside offensive)")
    if hasattr(offensive.offensive_model, "score_counted"):  # round nine: batched in check_many
        timed(offensive.offensive_model, "counted", "offensive: profanity tokens (inside offensive)")
        timed(offensive.offensive_model, "score_counted", "profanity model (check_many's batch)")
    timed(engine.abuse_model, "score_many", "abuse classifier (check_many's batch)")
    timed(engine.abuse_model, "score", "abuse classifiers (one text, inside offensive)")
    if hasattr(engine.abuse_model, "score_for"):  # round six: the form the engine calls
        timed(engine.abuse_model, "score_for", "abuse classifiers (one text, inside offensive)")
        timed(engine.abuse_model, "score_many_for", "abuse classifier (check_many's batch)")
    print(ROOT)
    if LONG:
        groups = [
            (
                "official posts of 2,000-2,200 characters, one check each",
                [d for d in drafts if d.kind != "comment" and len(d.text) >= 2000],
            )
        ]
        whole = "whole check"
    else:
        groups = [
            ("incoming comments", [d for d in drafts if d.kind == "comment"]),
            ("official posts", [d for d in drafts if d.kind != "comment"]),
        ]
        whole = "whole check_many"
    for label, chosen in groups:
        best: dict[str, float] = {}
        for _ in range(5 if LONG else 3):
            spent.clear()
            started = time.process_time()
            if LONG:
                for draft in chosen:
                    check(draft, ctx)
            else:
                check_many(chosen, ctx)
            spent[whole] = time.process_time() - started
            if not best or spent[whole] < best[whole]:
                best = dict(spent)
        print(f"{label} ({len(chosen)}), µs CPU per text, best of {5 if LONG else 3}:")
        for name, seconds in best.items():
            print(f"  {name:48} {seconds / len(chosen) * 1e6:7.1f}")


if __name__ == "__main__":
    main()
