"""Abuse round eighteen's figures (docs/checks.md; rule in bench/abuse_round18_rule.txt).

    .venv/bin/python bench/abuse_round18.py            # pooled figures, per platform, 11+12 as counts only
    .venv/bin/python bench/abuse_round18.py --dump     # misses and false alarms of the development sets only

The development sets are blind sets 1-10 and 13 (spent: read for error analysis) and the team's council
comments. Sets 11 and 12 are scored pooled, as counts only: their rows are never printed (--dump refuses them).
Each text is read as bench/checks_quality.py reads it: an incoming comment on an official page, flagged when
it gets an offensive finding stronger than mild-profanity.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent))

from checks_quality import offensive_flagged, tsv_rows  # noqa: E402

DATA = ROOT / "data"
DEVELOPMENT = ["", *(str(n) for n in range(2, 11)), "13"]
UNREAD = ["11", "12"]


def figures(pairs: list[tuple[bool, bool]]) -> str:
    tp = sum(a and p for a, p in pairs)
    fp = sum(p and not a for a, p in pairs)
    fn = sum(a and not p for a, p in pairs)
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    return f"n={len(pairs):5} positives={tp + fn:4} false={fp:3} missed={fn:3} precision={precision:.3f} recall={recall:.3f}"


def read(number: str) -> list[tuple[str, str, bool]]:
    """(source, text, abusive) of one blind set."""
    return [(row[1], row[2], row[0] == "1") for row in tsv_rows(DATA / f"blind_offensive{number}.tsv")]


def main(development: list[str] = DEVELOPMENT, label: str = "1-10 + 13") -> None:
    """Print the figures of ``development`` (blind set numbers, "" for the first) named ``label``; later rounds'
    scripts call it with their own development sets."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--dump", action="store_true", help="print the development sets' misses and false alarms")
    args = parser.parse_args()
    pooled: list[tuple[bool, bool]] = []
    platforms: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for number in development:
        for source, text, abusive in read(number):
            flagged = offensive_flagged(text)
            pooled.append((abusive, flagged))
            platforms[source].append((abusive, flagged))
            if args.dump and abusive != flagged:
                print(f"{'MISS' if abusive else 'FALSE'}\tset{number or 1}\t{source}\t{text}")
    council = [(row[0] == "1", offensive_flagged(row[2])) for row in tsv_rows(DATA / "council_comments.tsv")]
    if args.dump:
        for (abusive, flagged), row in zip(council, tsv_rows(DATA / "council_comments.tsv"), strict=True):
            if abusive != flagged:
                print(f"{'MISS' if abusive else 'FALSE'}\tcouncil\t{row[1]}\t{row[2]}")
        return
    print(f"development, blind {label} pooled:", figures(pooled))
    for source, pairs in sorted(platforms.items()):
        print(f"  {source:12}", figures(pairs))
    fair = [flagged for abusive, flagged in council if not abusive]
    print(f"council comments: fair flagged {sum(fair)} of {len(fair)};", figures(council))
    unread = [(abusive, offensive_flagged(text)) for number in UNREAD for _source, text, abusive in read(number)]
    print("unread, blind 11 + 12 pooled (counts only):", figures(unread))


if __name__ == "__main__":
    main()
