"""Train Herald's abuse classifier and report how it does on sources it never saw (`make models`).

    .venv/bin/python bench/train_abuse.py [--data ../shared/data] [--quick]

Reads the public labelled abuse data (`abuse/abuse_training.csv.gz`, seven sources; see its README for
sources, licences and the label mapping) and fits a logistic regression over binary TF-IDF (each term present counts once, weighted by its idf) of
`herald.checks.abuse_model.features` (words, word pairs, four-letter groups) with scikit-learn. Then:

1. holds each source out in turn (trains on the other six) and prints precision and recall on it
   (abuse, and hateful recall where the source labels hate), plus Davidson et al. 2017, never trained on;
   the held-out scores go to `bench/out/heldout_linear.npz` for `bench/abuse_combine.py`;
2. trains on all seven and writes the vocabulary, idf, weights and intercept to
   `herald/checks/data/abuse_model.npz` (plain arrays, no pickle) and the figures to
   `herald/checks/data/abuse_model.json`.

The thresholds per context live in the rules file (`abuse_model_comment_threshold`,
`abuse_model_post_threshold`); `bench/checks_quality.py` reports the engine with the model and rules
combined. scikit-learn is needed only here (requirements/models.txt).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from modelfiles import save_linear_model  # noqa: E402  (bench/modelfiles.py)

from herald.checks.abuse_model import DATA, features  # noqa: E402

# ../shared/data next to the checkout (or next to the folder of git worktrees).
DATA_GUESSES = [ROOT.parent / "shared" / "data", ROOT.parents[1] / "shared" / "data"]
# Each row's score from the model that did not see its source, for bench/abuse_combine.py.
HELD_OUT = ROOT / "bench" / "out" / "heldout_linear.npz"
MIN_DF = 3
C = 4.0


def read_training(data: Path) -> list[tuple[str, str, int, int]]:
    with gzip.open(data / "abuse" / "abuse_training.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        return [(r["source"], r["text"], int(r["hate"]), int(r["abuse"])) for r in csv.DictReader(handle)]


def read_davidson(data: Path) -> list[tuple[str, int, int]]:
    with open(data / "davidson2017" / "data_labeled_data.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [(r["tweet"], int(r["class"] == "0"), int(r["class"] in ("0", "1"))) for r in rows]


def fit(texts: list[str], labels: list[int]) -> tuple[TfidfVectorizer, LogisticRegression]:
    vectorizer = TfidfVectorizer(analyzer=features, min_df=MIN_DF, binary=True, norm="l2", dtype=np.float64)
    matrix = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=C, max_iter=2000, solver="liblinear")
    model.fit(matrix, labels)
    return vectorizer, model


def figures(scores: np.ndarray, labels: list[int], hate: list[int] | None, threshold: float) -> dict[str, float]:
    predicted = scores >= threshold
    truth = np.array(labels, dtype=bool)
    tp = int((predicted & truth).sum())
    fp = int((predicted & ~truth).sum())
    fn = int((~predicted & truth).sum())
    out = {
        "n": len(labels),
        "positives": int(truth.sum()),
        "precision": round(tp / (tp + fp), 3) if tp + fp else float("nan"),
        "recall": round(tp / (tp + fn), 3) if tp + fn else float("nan"),
    }
    if hate is not None:
        hateful = np.array([h == 1 for h in hate])
        if hateful.any():
            out["hateful_recall"] = round(float(predicted[hateful].mean()), 3)
            out["hateful"] = int(hateful.sum())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=next((p for p in DATA_GUESSES if p.exists()), DATA_GUESSES[0]))
    parser.add_argument("--quick", action="store_true", help="skip the held-out runs; only write the model")
    parser.add_argument("--threshold", type=float, default=0.5, help="threshold for the printed figures")
    args = parser.parse_args()

    rows = read_training(args.data)
    davidson = read_davidson(args.data)
    sources = sorted({r[0] for r in rows})
    report: dict[str, object] = {"min_df": MIN_DF, "C": C, "rows": len(rows), "held_out": {}}
    held: dict[str, dict[str, float]] = {}
    held_scores = np.full(len(rows), np.nan)
    if not args.quick:
        print(f"Each source held out in turn (trained on the others), threshold {args.threshold}:")
        for source in sources:
            train = [r for r in rows if r[0] != source]
            test = [r for r in rows if r[0] == source]
            started = time.perf_counter()
            vectorizer, model = fit([r[1] for r in train], [r[3] for r in train])
            scores = model.predict_proba(vectorizer.transform([r[1] for r in test]))[:, 1]
            held_scores[[i for i, r in enumerate(rows) if r[0] == source]] = scores
            held[source] = figures(scores, [r[3] for r in test], [r[2] for r in test], args.threshold)
            print(f"  {source:12} {held[source]}  ({time.perf_counter() - started:.0f} s)")
    vectorizer, model = fit([r[1] for r in rows], [r[3] for r in rows])
    scores = model.predict_proba(vectorizer.transform([d[0] for d in davidson]))[:, 1]
    held["davidson2017 (never trained on)"] = figures(
        scores, [d[2] for d in davidson], [1 if d[1] else 0 for d in davidson], args.threshold
    )
    print(f"  {'davidson2017':12} {held['davidson2017 (never trained on)']}")
    if not args.quick:
        HELD_OUT.parent.mkdir(exist_ok=True)
        np.savez_compressed(HELD_OUT, scores=held_scores, davidson=scores)
    report["held_out"] = held
    report["threshold"] = args.threshold

    save_linear_model(DATA, vectorizer, model, report)
    print(f"Wrote {DATA.relative_to(ROOT)} ({report['terms']:,} terms, {DATA.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
