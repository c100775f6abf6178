"""How the trainers write the check engine's linear models (`train_party.py`, `train_abuse.py`).

A fitted TF-IDF vectorizer and logistic regression become plain arrays (vocabulary, idf, coef,
intercept; no pickle), the shape `herald.checks.party_model` and `herald.checks.abuse_model` load,
and the figures the trainer printed go beside them as JSON with the same name.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import numpy as np


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
