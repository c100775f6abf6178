"""Which abuse classifier the engine should use, and at what threshold: the linear model, the embedding
model, or both averaged (docs/checks.md, "Round five: recall").

    .venv/bin/python bench/abuse_combine.py [--data ../shared/data] [--development] [--models DIR]

1. Each source of the public training data held out in turn: the scores of the model that never saw
   that source (written by `bench/train_abuse.py` and `bench/train_embed.py` to bench/out/), alone and
   combined, at 0.5; and Davidson et al. 2017 (neither model trained on it).
2. The whole engine (rules first, the classifier only where they found nothing) on the sets used to
   set the thresholds: the first blind set's half A and the team's council-style comments
   (bench/data/council_comments.tsv), for each combination and threshold; then the first blind set's
   half B, to choose between the combinations (as the issue asks) but not to set a threshold. It never
   reads the second blind set: that is for reporting only (bench/checks_quality.py).
3. The team's council-style training comments (bench/data/council_train*.tsv, `modelfiles.COUNCIL_TRAIN`), each scored by the models
   that did not see its fifth (the build scripts' five folds): the rules, then the held-out scores where
   the engine would ask the classifier. The held-out scores are of the whole comment, where the engine
   scores it with any quotation it found reported blanked out, so this is close to the engine, not it.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from modelfiles import read_council  # noqa: E402  (bench/modelfiles.py)

from herald.checks import Context, Draft, abuse_model, check, embed_model  # noqa: E402

DATA_GUESSES = [ROOT.parent / "shared" / "data", ROOT.parents[1] / "shared" / "data"]
OUT = ROOT / "bench" / "out"
COMBINATIONS: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "linear": lambda linear, embed: linear,
    "embed": lambda linear, embed: embed,
    "mean": lambda linear, embed: (linear + embed) / 2,
    "2:1": lambda linear, embed: (2 * linear + embed) / 3,  # round eight: the linear model weighted twice
    "max": np.maximum,
}


def pr(flagged: np.ndarray, truth: np.ndarray) -> str:
    tp = int((flagged & truth).sum())
    precision = tp / int(flagged.sum()) if flagged.any() else float("nan")
    return f"{precision:.3f} / {tp / int(truth.sum()):.3f}"


def held_out(data: Path) -> None:
    with gzip.open(data / "abuse" / "abuse_training.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        rows = [(r["source"], int(r["abuse"])) for r in csv.DictReader(handle)]
    with open(data / "davidson2017" / "data_labeled_data.csv", encoding="utf-8", newline="") as handle:
        davidson = np.array([r["class"] in ("0", "1") for r in csv.DictReader(handle)])
    if not (OUT / "heldout_linear.npz").exists() or not (OUT / "heldout_embed.npz").exists():
        print("Held-out scores: none in bench/out (run both build scripts without --quick)")
        return
    linear, embed = np.load(OUT / "heldout_linear.npz"), np.load(OUT / "heldout_embed.npz")
    sources = np.array([r[0] for r in rows])
    labels = np.array([r[1] == 1 for r in rows])
    print("Model alone, each source held out in turn, threshold 0.5 (precision / recall):")
    print(f"  {'source':28}" + "".join(f"{name:>16}" for name in COMBINATIONS))
    for source in [*sorted(set(sources)), "davidson2017 (never trained on)"]:
        if source.startswith("davidson"):
            a, b, truth = linear["davidson"], embed["davidson"], davidson
        else:
            a, b, truth = (
                linear["scores"][sources == source],
                embed["scores"][sources == source],
                labels[sources == source],
            )
        cells = [pr(combine(a, b) >= 0.5, truth) for combine in COMBINATIONS.values()]
        print(f"  {source:28}" + "".join(f"{cell:>16}" for cell in cells))


def tsv(path: Path) -> list[tuple[bool, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [(label == "1", text) for label, _source, text in (line.split("\t") for line in lines[1:])]


def rules_and_scored(texts: Sequence[str]) -> tuple[np.ndarray, list[str | None]]:
    """For each incoming comment: whether the rules gave an offensive finding stronger than mild
    profanity, and the text the classifier would be asked about (None when it would not be asked)."""
    asked: list[str] = []
    real = abuse_model.score_for  # what the engine asks (``check`` one text at a time)

    def record(text: str, threshold: float) -> float:
        asked.append(text)
        return 0.0

    flagged, scored = [], []
    abuse_model.score_for = record  # type: ignore[assignment]
    try:
        for text in texts:
            asked.clear()
            rules = {
                f.rule
                for f in check(Draft(text=text, kind="comment"), Context(account="official")).findings
                if f.category == "offensive"
            }
            flagged.append(bool(rules - {"mild-profanity"}))
            scored.append(asked[-1] if asked else None)
    finally:
        abuse_model.score_for = real  # type: ignore[assignment]
    return np.array(flagged), scored


THRESHOLDS = (0.4, 0.45, 0.5, 0.52, 0.54, 0.55, 0.58, 0.6, 0.65, 0.7, 0.8)
# The two classifiers the engine tables score with: the shipped ones unless ``--models`` says otherwise.
MODELS: dict[str, Path] = {}


def engine_table(name: str, rows: list[tuple[bool, str]]) -> None:
    truth = np.array([label for label, _ in rows])
    flagged, scored = rules_and_scored([text for _, text in rows])
    asked = [s if s is not None else "" for s in scored]
    if MODELS:
        linear_model = abuse_model.AbuseModel.load(MODELS["linear"])
        embed_model_ = embed_model.EmbedModel.load(MODELS["embed"])
    else:
        linear_model, embed_model_ = abuse_model.model(), embed_model.model()
    assert linear_model is not None and embed_model_ is not None
    linear = np.array(linear_model.score_many(asked))
    embed = np.array(embed_model_.score_many(asked))
    may = np.array([s is not None for s in scored])
    print(f"{name}: n={len(rows)} positives={int(truth.sum())}; rules only {pr(flagged, truth)}")
    thresholds = THRESHOLDS
    print(f"  {'combination':12}" + "".join(f"{t:>16}" for t in thresholds))
    for combination, combine in COMBINATIONS.items():
        score = combine(linear, embed)
        cells = [pr(flagged | (may & (score >= t)), truth) for t in thresholds]
        print(f"  {combination:12}" + "".join(f"{cell:>16}" for cell in cells))


def council_folds() -> None:
    if not (OUT / "heldout_linear.npz").exists() or not (OUT / "heldout_embed.npz").exists():
        print("council_train: no held-out scores (run the build scripts without --quick)")
        return
    linear, embed = np.load(OUT / "heldout_linear.npz"), np.load(OUT / "heldout_embed.npz")
    if "council" not in linear.files or "council" not in embed.files:
        print("council_train: no held-out scores (run the build scripts without --quick)")
        return
    rows = [(label == 1, text) for text, label in read_council()]
    if not len(linear["council"]) == len(embed["council"]) == len(rows):
        print("council_train: the held-out scores are of another version of it (run both build scripts again)")
        return
    truth = np.array([label for label, _ in rows])
    flagged, scored = rules_and_scored([text for _, text in rows])
    may = np.array([s is not None for s in scored])
    print(
        f"council_train, five folds held out: n={len(rows)} positives={int(truth.sum())}; rules only {pr(flagged, truth)}"
    )
    thresholds = THRESHOLDS
    print(f"  {'combination':12}" + "".join(f"{t:>16}" for t in thresholds))
    for combination, combine in COMBINATIONS.items():
        score = combine(linear["council"], embed["council"])
        cells = [pr(flagged | (may & (score >= t)), truth) for t in thresholds]
        print(f"  {combination:12}" + "".join(f"{cell:>16}" for cell in cells))


def development() -> None:
    """The engine tables on the development sets (never on a set still unseen)."""
    data = ROOT / "bench" / "data"
    labelled = ROOT / "herald" / "checks" / "tests" / "data"
    print("Development sets (read in earlier rounds; for choosing the combination and checking the floors):")
    # the fifth to seventh sets are development sets since round ten; never the eighth
    for name in (
        "blind_offensive2.tsv",
        "blind_offensive3.tsv",
        "blind_offensive4.tsv",
        "blind_offensive5.tsv",
        "blind_offensive6.tsv",
        "blind_offensive7.tsv",
    ):
        engine_table(name, tsv(data / name))
    for path in (
        labelled / "offensive_cases.tsv",
        labelled / "offensive_holdout.tsv",
        labelled / "offensive_round3.tsv",
        data / "offensive_round5.tsv",
    ):
        engine_table(path.name, tsv(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=next((p for p in DATA_GUESSES if p.exists()), DATA_GUESSES[0]))
    parser.add_argument("--development", action="store_true", help="also the development sets' engine tables")
    parser.add_argument("--models", type=Path, help="folder with abuse_model.npz and abuse_embed.npz to score with")
    args = parser.parse_args()
    if args.models:
        MODELS.update(linear=args.models / "abuse_model.npz", embed=args.models / "abuse_embed.npz")
    held_out(args.data)
    print()
    print("Engine (rules, then the classifier), incoming comments, precision / recall by threshold:")
    half_a = [row for index, row in enumerate(tsv(ROOT / "bench" / "data" / "blind_offensive.tsv")) if index % 2 == 0]
    council = tsv(ROOT / "bench" / "data" / "council_comments.tsv")
    engine_table("first blind set, half A", half_a)
    engine_table("council-style comments (team-labelled)", council)
    engine_table("both together", half_a + council)
    print()
    print("The first blind set's half B (held out: read to choose between the combinations, never a threshold):")
    half_b = [row for index, row in enumerate(tsv(ROOT / "bench" / "data" / "blind_offensive.tsv")) if index % 2]
    engine_table("first blind set, half B", half_b)
    print()
    council_folds()
    if args.development:
        print()
        development()


if __name__ == "__main__":
    main()
