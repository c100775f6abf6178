"""CPU time per text of the abuse classifiers, one text at a time and in batches (docs/checks.md,
"Round five: recall").

    taskset -c 1 .venv/bin/python bench/abuse_speed.py [--repeats 3]

Texts: the incoming comments of bench/data (both blind sets and the council-style comments) and the
seeded draft posts of bench/checks.py, each scored as the engine asks (whole text). Figures are
`time.process_time` per text, the best of the repeats, with the per-word caches warm (as in a
running engine) and cold (a fresh model: every word looked up for the first time).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from herald.checks import abuse_model, embed_model  # noqa: E402


def comments() -> list[str]:
    texts = []
    for name in ("blind_offensive.tsv", "blind_offensive2.tsv", "council_comments.tsv"):
        lines = (ROOT / "bench" / "data" / name).read_text(encoding="utf-8").splitlines()
        texts += [line.split("\t")[2] for line in lines[1:] if line and not line.startswith("#") and "\t" in line]
    return texts


def posts() -> list[str]:
    from checks import corpus  # bench/checks.py: its seeded drafts

    return [draft.text for draft in corpus(3000)]


def best(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return min(times)


def measure(name: str, texts: Sequence[str], repeats: int) -> None:
    linear = abuse_model.AbuseModel.load()
    embed = embed_model.EmbedModel.load()
    rows = [
        ("linear, one at a time", lambda: [linear.score(t) for t in texts]),
        ("linear, batch of all", lambda: linear.score_many(texts)),
        ("embedding, one at a time", lambda: [embed.score(t) for t in texts]),
        ("embedding, batch of all", lambda: embed.score_many(texts)),
        ("engine's score (both), one at a time", lambda: [abuse_model.score(t) for t in texts]),
        ("engine's score (both), batch of all", lambda: abuse_model.score_many(texts)),
    ]
    print(f"{name}: {len(texts):,} texts, mean {sum(map(len, texts)) / len(texts):.0f} characters")
    cold_linear = abuse_model.AbuseModel.load()
    cold_embed = embed_model.EmbedModel.load()
    cold = best(lambda: [cold_linear.score(t) for t in texts], 1) / len(texts) * 1e6
    print(f"  {'linear, one at a time, cold caches':40} {cold:8.1f} µs per text")
    cold = best(lambda: [cold_embed.score(t) for t in texts], 1) / len(texts) * 1e6
    print(f"  {'embedding, one at a time, cold caches':40} {cold:8.1f} µs per text")
    for label, run in rows:
        run()  # warm the caches
        per = best(run, repeats) / len(texts) * 1e6
        print(f"  {label:40} {per:8.1f} µs per text  ({1e6 / per:,.0f} texts/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}; CPU affinity {sorted(os.sched_getaffinity(0))}")
    measure("incoming comments", comments(), args.repeats)
    measure("official posts (bench/checks.py corpus)", posts(), args.repeats)


if __name__ == "__main__":
    main()
