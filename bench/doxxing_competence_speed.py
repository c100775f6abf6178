"""CPU time a text of the doxxing scan (``doxxing_hits``) and the polite-contempt scan (``competence_hits``) on
the bench corpus's distinct comments, an old copy and this one called in alternation in one process, and
whether they give the same spans.

    rm -rf /tmp/oldpkg && mkdir -p /tmp/oldpkg/herald_old
    git archive <commit> herald/__init__.py herald/checks | tar -x -C /tmp/oldpkg
    mv /tmp/oldpkg/herald/__init__.py /tmp/oldpkg/herald/checks /tmp/oldpkg/herald_old/
    taskset -c 1 .venv/bin/python bench/doxxing_competence_speed.py /tmp/oldpkg [rounds]
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

import checks as bench  # noqa: E402  (bench/checks.py: the corpus)
from herald_old.checks.offensive import competence as old_competence  # noqa: E402
from herald_old.checks.offensive import doxxing as old_doxxing  # noqa: E402

from herald.checks.offensive import competence, doxxing  # noqa: E402
from herald.checks.textutil import probe  # noqa: E402


def main() -> None:
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    seen: set[str] = set()
    texts = []
    for draft in bench.corpus(4000):
        if draft.kind == "comment" and draft.text not in seen:
            seen.add(draft.text)
            texts.append((draft.text, probe(draft.text)[1]))
    pairs = {
        "doxxing": (old_doxxing.doxxing_hits, doxxing.doxxing_hits),
        "competence": (old_competence.competence_hits, competence.competence_hits),
    }
    for name, (old, new) in pairs.items():
        same = all(old(t, w) == new(t, w) for t, w in texts)
        times: dict[str, list[float]] = {"old": [], "new": []}
        for _ in range(rounds):
            for label, fn in (("old", old), ("new", new)):
                begin = time.process_time()
                for t, w in texts:
                    fn(t, w)
                times[label].append((time.process_time() - begin) / len(texts) * 1e6)
        o, n = statistics.median(times["old"]), statistics.median(times["new"])
        print(
            f"{name}: {len(texts)} distinct comments, old {o:.2f} µs, new {n:.2f} µs a text (median of {rounds}); same spans: {same}"
        )


if __name__ == "__main__":
    main()
