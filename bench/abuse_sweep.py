"""The engine's abuse figures on the development sets for built candidate models, at many thresholds,
without copying a tree per candidate (docs/checks.md, "Round twelve").

    .venv/bin/python bench/abuse_sweep.py DIR [DIR ...] [--thresholds 0.50,0.52,...] [--per-source]

Each DIR holds a candidate pair (`abuse_model.npz` from `bench/train_abuse.py --out`, `abuse_embed.npz`
from `bench/train_embed.py --out`); `shipped` names `herald/checks/data/`. The engine reads each
development text once as `bench/checks_quality.py` does (an incoming comment on an official page), with
Herald's classifier answering 0: that gives what the rules flag and the text the classifier would read
(quotations and mild words blanked). Then each candidate scores those texts (the mean of its two
models, as `abuse_model.score` does) and a text counts as flagged where the rules flagged it or the score
reaches the threshold: the same figures `checks_quality.py` prints for that pair and threshold (checked
against it for the shipped pair).

It reads the development sets only: the first to tenth blind sets (the ninth since round thirteen, the tenth
since round fourteen: the lead scored each before and after a round, so they are spent), the team's council comments (whose
fair rows flagged are a floor: 2 of 70 at most), the labelled sets of the engine's tests (floors in
`tests/test_offensive.py`) and round five's set. It never opens a later blind set.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks_quality import tsv_rows  # noqa: E402  (bench/checks_quality.py)

from herald.checks import Context, Draft, abuse_model, check, embed_model  # noqa: E402

BENCH = ROOT / "bench" / "data"
TESTS = ROOT / "herald" / "checks" / "tests" / "data"
# (name, path, column of the text, column of the source or None): development sets only.
SETS = [
    ("blind1", BENCH / "blind_offensive.tsv", 2, 1),
    *((f"blind{n}", BENCH / f"blind_offensive{n}.tsv", 2, 1) for n in range(2, 11)),
    ("council", BENCH / "council_comments.tsv", 2, None),
    ("cases", TESTS / "offensive_cases.tsv", 2, None),
    ("holdout", TESTS / "offensive_holdout.tsv", 2, None),
    ("round3", TESTS / "offensive_round3.tsv", 2, None),
    ("round5", BENCH / "offensive_round5.tsv", 2, None),
]
CONTEXT = Context(account="official")


def read_sets() -> list[tuple[str, str, str, bool]]:
    """(set, source, text, abusive) of every development row."""
    rows = []
    for name, path, text_at, source_at in SETS:
        assert path.name != "blind_offensive11.tsv", "an unseen set"
        for row in tsv_rows(path):
            rows.append((name, row[source_at] if source_at is not None else "", row[text_at], row[0] == "1"))
    return rows


def engine_reading(texts: list[str]) -> tuple[list[bool], list[str | None]]:
    """Whether the rules flag each text (offensive, stronger than mild-profanity), and what Herald's
    classifier reads of it (None where it is not asked)."""
    asked: list[str | None] = []
    real: Callable[[str, float], float] = abuse_model.score_for

    def record(text: str, threshold: float) -> float:
        asked[-1] = text
        return 0.0

    abuse_model.score_for = record  # type: ignore[assignment]
    flagged = []
    try:
        for text in texts:
            asked.append(None)
            found = {
                f.rule for f in check(Draft(text=text, kind="comment"), CONTEXT).findings if f.category == "offensive"
            }
            flagged.append(bool(found - {"mild-profanity"}))
    finally:
        abuse_model.score_for = real  # type: ignore[assignment]
    return flagged, asked


def candidate_scores(folder: Path, asked: list[str | None]) -> np.ndarray:
    linear = abuse_model.AbuseModel.load(folder / "abuse_model.npz")
    embedded = embed_model.EmbedModel.load(folder / "abuse_embed.npz")
    at = [n for n, text in enumerate(asked) if text is not None]
    texts = [asked[n] or "" for n in at]
    scores = np.zeros(len(asked))
    scores[at] = (np.array(linear.score_many(texts)) + np.array(embedded.score_many(texts))) / 2
    return scores


def figures(flagged: np.ndarray, truth: np.ndarray) -> str:
    tp = int((flagged & truth).sum())
    precision = tp / int(flagged.sum()) if flagged.any() else float("nan")
    recall = tp / int(truth.sum()) if truth.any() else float("nan")
    return f"{precision:.3f} / {recall:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", help="candidate folders ('shipped': herald/checks/data)")
    parser.add_argument("--thresholds", default="0.54,0.56,0.58,0.60,0.62,0.64")
    parser.add_argument("--per-source", action="store_true", help="also each blind set's sources")
    args = parser.parse_args()
    rows = read_sets()
    rules, asked = engine_reading([r[2] for r in rows])
    names = np.array([r[0] for r in rows])
    sources = np.array([r[1] for r in rows])
    truth = np.array([r[3] for r in rows])
    rules_flag = np.array(rules)
    blind = np.array([n.startswith("blind") and n not in ("blind1", "blind9") for n in names])  # second to eighth
    every = np.array([n.startswith("blind") and n != "blind9" for n in names])  # first to eighth, pooled
    nine = np.array([n.startswith("blind") and n != "blind10" for n in names])  # first to ninth, pooled
    ten = np.array([n.startswith("blind") for n in names])  # first to tenth, pooled (round fourteen)
    unread = np.isin(names, ["blind8", "blind9", "blind10"])  # scored, never read (round sixteen's check)
    for folder_name in args.folders:
        folder = abuse_model.DATA.parent if folder_name == "shipped" else Path(folder_name)
        scores = candidate_scores(folder, asked)
        print(f"{folder_name}:")
        for threshold in (float(t) for t in args.thresholds.split(",")):
            flagged = rules_flag | (scores >= threshold)
            fair = int((flagged & ~truth & (names == "council")).sum())
            found = int((flagged & truth & blind).sum())
            cells = [f"{name} {figures(flagged[names == name], truth[names == name])}" for name, *_ in SETS]
            pooled = f"1st-8th {figures(flagged[every], truth[every])} ({int((flagged & ~truth & every).sum())} false)"
            pooled += f"  1st-9th {figures(flagged[nine], truth[nine])} ({int((flagged & ~truth & nine).sum())} false)"
            pooled += f"  1st-10th {figures(flagged[ten], truth[ten])} ({int((flagged & ~truth & ten).sum())} false)"
            pooled += f"  8th-10th {figures(flagged[unread], truth[unread])}"
            print(f"  {threshold:.2f}  fair {fair} of 70  found 2nd-8th {found}  {pooled}  " + "  ".join(cells))
            if args.per_source:
                for name in sorted({n for n in names if n.startswith("blind")}):
                    at = names == name
                    parts = [
                        f"{s} {figures(flagged[at & (sources == s)], truth[at & (sources == s)])}"
                        for s in sorted(set(sources[at]))
                    ]
                    print(f"        {name}: " + ", ".join(parts))


if __name__ == "__main__":
    main()
