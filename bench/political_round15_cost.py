"""CPU time of the political rules alone (``check_political`` without the party model's thresholds, so only the
rules run, as for every text the engine checks) per text, for one copy
of the engine: run it on the copy before party round fifteen and on this one, alternating, to see what the
round's scan costs.

    git archive <commit> herald/__init__.py herald/checks | tar -x -C /tmp/engine_old
    taskset -c 1 .venv/bin/python bench/political_round15_cost.py /tmp/engine_old
    taskset -c 1 .venv/bin/python bench/political_round15_cost.py .

Texts: bench/checks.py's corpus (4,000 drafts: news posts and comments) and, if given, the texts of a
collection (``--texts DIR``, the three .jsonl files bench/party_engine.py reads).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = str(Path(sys.argv[1]).resolve())
sys.path.insert(0, ROOT)
sys.path.insert(0, str(Path(__file__).resolve().parent))

import herald.checks  # noqa: E402

assert herald.checks.__file__.startswith(ROOT), herald.checks.__file__

import checks as bench  # noqa: E402  (bench/checks.py: the corpus)

from herald.checks import default_rules  # noqa: E402
from herald.checks.engine import _compiled  # noqa: E402
from herald.checks.political import Register, check_political  # noqa: E402


def main() -> None:
    texts = [draft.text for draft in bench.corpus(4000)]
    if len(sys.argv) > 3 and sys.argv[2] == "--texts":
        for name in ("party_modern_texts.jsonl", "council_texts.jsonl", "council_short_texts.jsonl"):
            path = Path(sys.argv[3]) / name
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    matchers = _compiled(default_rules()).political
    register = Register(())

    def sink(*args: object, **fields: object) -> None:
        return None

    for text in texts[:400]:
        check_political(text, matchers, register, (), sink)
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        for text in texts:
            check_political(text, matchers, register, (), sink)
        best = min(best, time.process_time() - started)
    print(f"{ROOT}: {len(texts)} texts, political rules {best / len(texts) * 1e6:.1f} µs per text CPU (best of 5)")
    print(f"  load average (1 min) at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
