"""What the model trainers share (`train_party.py`, `train_abuse.py`, `train_embed.py`).

A fitted TF-IDF vectorizer and logistic regression become plain arrays (vocabulary, idf, coef,
intercept; no pickle), the shape `herald.checks.party_model` and `herald.checks.abuse_model` load,
and the figures the trainer printed go beside them as JSON with the same name. Both abuse trainers
read the team's council-style training comments with `read_council`.

Imports numpy and the standard library only: `train_embed.py` imports this in the torch environment
(`MODELS_VENV`), which has neither Django nor the engine's other requirements.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import numpy as np

# The team-written council-style training comments (bench/data/README.md), read by both abuse
# trainers in this order (their five folds are taken over the rows in this order).
COUNCIL_TRAIN = tuple(
    Path(__file__).resolve().parent / "data" / name
    for name in ("council_train.tsv", "council_train2.tsv", "council_train3.tsv", "council_train4.tsv")
)  # council_train5.tsv and council_train6.tsv: measured and not adopted (docs/checks.md, "Round eleven")


def council_files(names: str | None) -> tuple[Path, ...]:
    """The training files a trainer's ``--council-files`` names (comma-separated, in bench/data), or
    ``COUNCIL_TRAIN`` when it names none: to try a file before adding it to the list."""
    if not names:
        return COUNCIL_TRAIN
    return tuple(Path(__file__).resolve().parent / "data" / name for name in names.split(","))


def read_council(paths: tuple[Path, ...] = COUNCIL_TRAIN) -> list[tuple[str, int]]:
    """(text, label) of each file's rows in turn: a header row, then label, source and text separated by
    tabs; blank lines and lines starting with "#" are skipped."""
    rows: list[tuple[str, int]] = []
    for path in paths:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        rows += [(text, int(label)) for label, _source, text in (line.split("\t") for line in lines[1:])]
    return rows


def save_linear_model(
    path: Path, vectorizer: Any, model: Any, figures: dict[str, Any], *, cpu_since: float | None = None
) -> None:
    """Write the model to `path` (.npz) and `figures` to `path` with .json, adding the number of terms
    and, given the `time.process_time()` the training started at, the CPU seconds it took in all."""
    vocabulary = vectorizer.get_feature_names_out()
    path.parent.mkdir(exist_ok=True)
    np.savez_compressed(
        path,
        vocabulary=np.array(vocabulary, dtype=str),
        idf=vectorizer.idf_.astype(np.float64),
        coef=model.coef_[0].astype(np.float64),
        intercept=np.array(float(model.intercept_[0])),
    )
    figures["terms"] = len(vocabulary)
    if cpu_since is not None:
        figures["cpu_seconds"] = round(time.process_time() - cpu_since)
    path.with_suffix(".json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
