"""Cross-validate a linear abuse model trained on the spent blind sets, by writer (bench/abuse_blindtrain_rule.txt).

    .venv/bin/python bench/abuse_blind_cv.py train FOLD WEIGHT [--out DIR]   # one fold's model
    .venv/bin/python bench/abuse_blind_cv.py score [--out DIR] [--thresholds 0.50,0.52,...]

Blind sets 1-12 go into four folds of three sets (`FOLDS`, fixed by the rule before any figure). `train`
runs `bench/train_abuse.py --quick` with the team files and the nine blind sets outside FOLD as council rows
at council weight WEIGHT, writing DIR/FOLD-wWEIGHT/abuse_model.npz. `score` reads every blind row once
through the engine as `bench/abuse_sweep.py` does (an incoming comment on an official page; the rules'
offensive findings other than mild-profanity, and the text the classifier would read), then scores each
fold's rows with that fold's models (mean of the linear model and the shipped embedding model) and prints,
per council weight and threshold, the pooled held-out precision and recall, fold by fold too, beside the
shipped arrays (no blind rows) on the same rows. It never opens /work/heldout. The first run's figures and
decision (not shipped): bench/abuse_blindtrain_result.txt.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from abuse_sweep import engine_reading  # noqa: E402  (bench/abuse_sweep.py)
from checks_quality import tsv_rows  # noqa: E402
from modelfiles import COUNCIL_TRAIN  # noqa: E402

from herald.checks import abuse_model, embed_model  # noqa: E402

BENCH = ROOT / "bench" / "data"
FOLDS = {"A": (1, 5, 9), "B": (2, 6, 10), "C": (3, 7, 11), "D": (4, 8, 12)}
PRECISION_FLOOR = 0.93


def blind_path(n: int) -> Path:
    return BENCH / ("blind_offensive.tsv" if n == 1 else f"blind_offensive{n}.tsv")


def train(fold: str, weight: float, out: Path) -> None:
    kept = [n for n in range(1, 13) if n not in FOLDS[fold]]
    files = [path.name for path in COUNCIL_TRAIN] + [blind_path(n).name for n in kept]
    folder = out / f"{fold}-w{weight:g}"
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "train_abuse.py"),
            "--quick",
            "--council-weight",
            str(weight),
            "--council-files",
            ",".join(files),
            "--out",
            str(folder / "abuse_model.npz"),
        ],
        check=True,
    )


def counts(flagged: np.ndarray, truth: np.ndarray) -> tuple[int, int, int]:
    return int((flagged & truth).sum()), int((flagged & ~truth).sum()), int(truth.sum())


def cell(tp: int, fp: int, positives: int) -> str:
    precision = tp / (tp + fp) if tp + fp else float("nan")
    return f"{precision:.3f} / {tp / positives:.3f}"


def score(out: Path, thresholds: list[float], weights: list[str], also: list[Path]) -> None:
    rows = [(n, r[1], r[2], r[0] == "1") for n in range(1, 13) for r in tsv_rows(blind_path(n))]
    rules, asked = engine_reading([r[2] for r in rows])
    sets = np.array([r[0] for r in rows])
    truth = np.array([r[3] for r in rows])
    rules_flag = np.array(rules)
    at = [i for i, text in enumerate(asked) if text is not None]
    texts = [asked[i] or "" for i in at]
    embedded = np.zeros(len(rows))
    embedded[at] = embed_model.EmbedModel.load(embed_model.DATA).score_many(texts)

    def linear_scores(path: Path, where: np.ndarray) -> np.ndarray:
        model = abuse_model.AbuseModel.load(path)
        scores = np.zeros(len(rows))
        chosen = [i for i in at if where[i]]
        scores[chosen] = model.score_many([asked[i] or "" for i in chosen])
        return scores

    everywhere = np.ones(len(rows), dtype=bool)
    candidates: dict[str, np.ndarray] = {"shipped": (linear_scores(abuse_model.DATA, everywhere) + embedded) / 2}
    for path in also:  # models trained without any blind set (a rebuild): every row is held out for them
        candidates[str(path)] = (linear_scores(path, everywhere) + embedded) / 2
    for weight in weights:
        combined = np.zeros(len(rows))
        for fold, members in FOLDS.items():
            where = np.isin(sets, members)
            combined[where] = ((linear_scores(out / f"{fold}-w{weight}" / "abuse_model.npz", where) + embedded) / 2)[
                where
            ]
        candidates[f"w{weight}"] = combined
    print(f"blind sets 1-12: {len(rows)} rows, {int(truth.sum())} abusive; rules alone flag {int(rules_flag.sum())}")
    print("pooled held-out precision / recall (false alarms); then folds " + " ".join(FOLDS))
    best: dict[str, tuple[float, float, float]] = {}
    for name, scores in candidates.items():
        print(f"{name}:")
        for threshold in thresholds:
            flagged = rules_flag | (scores >= threshold)
            tp, fp, positives = counts(flagged, truth)
            folds = [cell(*counts(flagged[np.isin(sets, m)], truth[np.isin(sets, m)])) for m in FOLDS.values()]
            print(f"  {threshold:.2f}  {cell(tp, fp, positives)} ({fp})   " + "   ".join(folds))
            precision, recall = tp / (tp + fp), tp / positives
            if precision >= PRECISION_FLOOR and (recall, precision, threshold) > best.get(name, (-1, 0, 0)):
                best[name] = (recall, precision, threshold)
    print(f"most pooled recall at pooled precision >= {PRECISION_FLOOR} (recall, precision, threshold):")
    for name, (recall, precision, threshold) in sorted(best.items(), key=lambda item: item[1], reverse=True):
        print(f"  {name:8} {recall:.3f}  {precision:.3f}  {threshold:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["train", "score"])
    parser.add_argument("fold", nargs="?", choices=sorted(FOLDS))
    parser.add_argument("weight", nargs="?", type=float)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "blind_cv")
    parser.add_argument("--weights", default="10,30,60", help='council weights to score ("" for none)')
    parser.add_argument("--also", type=Path, nargs="*", default=[], help="linear models trained on no blind set")
    parser.add_argument("--thresholds", default=",".join(f"{0.50 + 0.02 * n:.2f}" for n in range(11)))
    args = parser.parse_args()
    if args.action == "train":
        if args.fold is None or args.weight is None:
            parser.error("train needs FOLD and WEIGHT")
        train(args.fold, args.weight, args.out)
    else:
        weights = [w for w in args.weights.split(",") if w]
        score(args.out, [float(t) for t in args.thresholds.split(",")], weights, args.also)


if __name__ == "__main__":
    main()
