"""Train Herald's party-promotion classifier and report how it does on text it never saw (`make models`).

    .venv/bin/python bench/train_party.py [--data ../shared/data] [--council-texts PATH] [--short-texts PATH]
        [--party-train-texts PATH | --no-party-train] [--modern-weight W] [--modern-party-texts PATH]
        [--quick | --held-out-only] [--c C]

Party text: the UK general-election manifesto sentences 1945-2005 (`uk-manifestos-1945-2005/`, see
`../shared/data/README.md`). Neutral text: paragraphs and short texts (8-40 words: a headline and its
first sentence, or one line as written) from public council web pages collected for Herald
(`--council-texts` and `--short-texts`, default `/work/data-council/council_texts.jsonl` and
`council_short_texts.jsonl`, one JSON object a line with `url`, `council`, `topic`, `collected`,
`text`, `sha256`). Those texts are third-party and are not in the repository;
`bench/data/council_texts_manifest.csv` lists each one's address, council, date, length and sha256
(short texts with topics `short-…`), and this script checks the files against it
(`bench/collect_council.py` makes both). Without the files it says so and stops (exit 0), so
`make models` still rebuilds the abuse model.

Modern party text for training (`--party-train-texts`, default
`/work/data-council/party_train_texts.jsonl`, kind `T` of `bench/collect_council.py`, listed in
`bench/data/party_train_manifest.csv`: party branch, candidate, councillor-group, independent and
residents' group pages of 2010 onwards) goes on the party side beside the manifesto sentences, each text
whole, weighted `--modern-weight` (default MODERN_WEIGHT) against a manifesto sentence's 1; in the folds
of step 1 it is grouped by source (no party branch, candidate or group is ever in its own training data)
and its held-out recall is reported per party. `--no-party-train` trains on the manifestos alone, as
rounds six and seven did, and still reports the held-out recall on those texts (the model before).

Manifesto sentences (and modern party text) are trained against council paragraphs split into sentences
and short council texts whole (a short post is the length of a manifesto sentence); a logistic regression is fitted over
binary TF-IDF of `herald.checks.party_model.features` (words and word pairs) with scikit-learn. The era
of the two sides differs (1945-2005 manifestos, council pages of today), so the figures printed are
all held out:

1. councils held out: ten folds grouped by council (no council, paragraphs or short texts, is ever in
   its own training data) and, in the same folds, manifestos grouped by party and year; false alarms
   on the held-out council texts (paragraphs, those about election administration and civic events,
   single sentences, short texts of `party_model_short_words` words or more), recall on the held-out
   manifesto sentences; the threshold is chosen here. A false alarm counts only where the political
   rules found nothing: the engine asks the model nowhere else;
5. the short texts by length on the same held-out scores, and the short-post threshold (texts under
   `party_model_short_words` words) chosen with councils held out;
2. each party held out in turn (trained on the other parties), recall on it;
3. each decade held out in turn, recall on it;
4. the engine as a whole (rules, then rules + the held-out model) on manifesto sentences and council
   texts, an official post in a pre-election period;
then trains on everything and writes `herald/checks/data/party_model.npz` (plain arrays, no pickle) and
the figures to `herald/checks/data/party_model.json`, and
6. the saved model on modern party texts (`--modern-party-texts`, default
   `/work/data-council/party_modern_texts.jsonl`; `bench/data/party_modern_manifest.csv`) that nothing
   was trained or tuned on: rules, and rules + model at the thresholds chosen above.

`--held-out-only` stops after step 5 and writes nothing (to compare `--c` values; the one used,
`C`, had the best held-out recall at the false-alarm limit). The thresholds live in the rules file
(`party_model_threshold`, and `party_model_short_threshold` for texts of fewer than
`party_model_short_words` words), set by hand from steps 1 and 5. scikit-learn is needed only here
(requirements/models.txt). `bench/party_engine.py` measures the engine as shipped.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from modelfiles import save_linear_model  # noqa: E402  (bench/modelfiles.py)

from herald.checks.party_model import DATA, MIN_WORDS, features, words  # noqa: E402

DATA_GUESSES = [ROOT.parent / "shared" / "data", ROOT.parents[1] / "shared" / "data"]
COUNCIL_TEXTS = Path("/work/data-council/council_texts.jsonl")
SHORT_TEXTS = Path("/work/data-council/council_short_texts.jsonl")
MODERN_PARTY_TEXTS = Path("/work/data-council/party_modern_texts.jsonl")
PARTY_TRAIN_TEXTS = Path("/work/data-council/party_train_texts.jsonl")
PARTY_TRAIN_MANIFEST = ROOT / "bench" / "data" / "party_train_manifest.csv"
MODERN_WEIGHT = 20.0  # a modern party text's weight against a manifesto sentence's 1 (--modern-weight): round eight compared 1, 5, 20, 50
SHORT_TOPIC = "short-"  # the manifest's short council texts (step 5) have topics short-news, short-event…
MANIFEST = ROOT / "bench" / "data" / "council_texts_manifest.csv"
MIN_DF = 2
C = 0.3  # chosen with councils held out: the best recall at the false-alarm limit of 0.3, 1 and 3 (docs/checks.md)
FOLDS = 10
MIN_SENTENCE_WORDS = 4  # manifesto headings ("CONSERVATIVE PARTY: 1945") and stray fragments are left out
ADMIN_TOPICS = ("election-admin", "civic")
# the false-alarm rate the threshold must keep on held-out council text, all and election/civic alike: half
# the ceiling of 0.01, as the rules have false alarms of their own and 507 texts are few
TARGET_FALSE_ALARMS = 0.005
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(“A-Z0-9])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if len(words(s)) >= MIN_SENTENCE_WORDS]


def read_manifestos(data: Path) -> list[dict[str, str]]:
    path = data / "uk-manifestos-1945-2005" / "manifesto_sentences_1945_2005.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [r for r in rows if len(words(r["text"])) >= MIN_SENTENCE_WORDS]


def read_party_train(path: Path) -> list[dict[str, str]]:
    """Modern party text for training, each checked against its sha256 and the set against
    bench/data/party_train_manifest.csv."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        if hashlib.sha256(row["text"].encode("utf-8")).hexdigest() != row["sha256"]:
            raise SystemExit(f"{path}: the text from {row['url']} does not match its sha256")
    if PARTY_TRAIN_MANIFEST.exists():
        with open(PARTY_TRAIN_MANIFEST, encoding="utf-8", newline="") as handle:
            listed = {r["sha256"] for r in csv.DictReader(handle)}
        found = {r["sha256"] for r in rows}
        if listed != found:
            print(f"note: {path} differs from {PARTY_TRAIN_MANIFEST.relative_to(ROOT)}: {len(found - listed)} texts"
                  f" not in the manifest, {len(listed - found)} listed but missing (figures are for the file read)")  # fmt: skip
    return rows


def read_texts(path: Path, short: bool = False) -> list[dict[str, str]]:
    """Council texts (paragraphs, or with ``short`` the short texts), each checked against its sha256 and
    the set against the manifest's rows of that kind (bench/collect_council.py writes both)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        if hashlib.sha256(row["text"].encode("utf-8")).hexdigest() != row["sha256"]:
            raise SystemExit(f"{path}: the text from {row['url']} does not match its sha256")
    if MANIFEST.exists():
        with open(MANIFEST, encoding="utf-8", newline="") as handle:
            listed = {r["sha256"] for r in csv.DictReader(handle) if r["topic"].startswith(SHORT_TOPIC) == short}
        found = {r["sha256"] for r in rows}
        if listed != found:
            print(f"note: {path} differs from {MANIFEST.relative_to(ROOT)}: {len(found - listed)} texts not in"
                  f" the manifest, {len(listed - found)} listed but missing (figures are for the file read)")  # fmt: skip
    return rows


def fit(
    texts: list[str], labels: list[int], weights: list[float] | None = None
) -> tuple[TfidfVectorizer, LogisticRegression]:
    vectorizer = TfidfVectorizer(analyzer=features, min_df=MIN_DF, binary=True, norm="l2", dtype=np.float64)
    matrix = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=C, max_iter=2000, solver="liblinear", class_weight="balanced", random_state=0)
    model.fit(matrix, labels, sample_weight=None if weights is None else np.array(weights))
    return vectorizer, model


def scores(fitted: tuple[TfidfVectorizer, LogisticRegression], texts: list[str]) -> np.ndarray:
    """The engine's scores: texts shorter than party_model.MIN_WORDS words are not scored (0)."""
    vectorizer, model = fitted
    if not texts:  # a fold with no text of a kind (few councils, few short texts): nothing to score
        return np.zeros(0)
    found = model.predict_proba(vectorizer.transform(texts))[:, 1]
    found[[len(words(t)) < MIN_WORDS for t in texts]] = 0.0
    return found


def training_set(
    party: list[dict[str, str]],
    council: list[dict[str, str]],
    short: list[dict[str, str]] = (),  # type: ignore[assignment]
    modern: list[dict[str, str]] = (),  # type: ignore[assignment]
) -> tuple[list[str], list[int], list[float]]:
    """Manifesto sentences and modern party texts (whole, weighted MODERN_WEIGHT) against council paragraphs
    split into sentences and short council texts whole (a short post is a headline and a sentence or two,
    the length of a manifesto sentence)."""
    neutral = [s for row in council for s in sentences(row["text"])] + [r["text"] for r in short]
    texts = [r["text"] for r in party] + [r["text"] for r in modern] + neutral
    labels = [1] * (len(party) + len(modern)) + [0] * len(neutral)
    weights = [1.0] * len(party) + [MODERN_WEIGHT] * len(modern) + [1.0] * len(neutral)
    return texts, labels, weights


def rate(flags: np.ndarray) -> float:
    return round(float(flags.mean()), 4) if len(flags) else float("nan")


def lengths(rows: list[dict[str, str]]) -> np.ndarray:
    return np.array([len(words(r["text"])) for r in rows])


def rules_flags(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The political rules alone (the model switched off), on an official post in a pre-election period:
    whether they give a finding of severity block or warn, and whether they give any political finding
    at all (the engine asks the model only where they give none: ``political.check_political``)."""
    import dataclasses

    from herald.checks import Context, Draft, check, default_rules

    rules = default_rules()
    rules_only = dataclasses.replace(
        rules, thresholds={**rules.thresholds, "party_model_threshold": 2.0, "party_model_short_threshold": 2.0}
    )
    context = Context(account="official", role="editor", pre_election=True)
    flagged, found = [], []
    for text in texts:
        political = [f for f in check(Draft(text=text, platform="facebook"), context, rules=rules_only).findings
                     if f.category == "political"]  # fmt: skip
        flagged.append(any(f.severity in ("block", "warn") for f in political))
        found.append(bool(political))
    return np.array(flagged, dtype=bool), np.array(found, dtype=bool)


def model_flags(
    found: np.ndarray, length: np.ndarray, threshold: float, short_threshold: float, short_words: int
) -> np.ndarray:
    """The model's warning as the engine gives it, where it is asked: the short-post threshold under
    ``short_words`` words."""
    return found >= np.where(length < short_words, short_threshold, threshold)


def engine_figures(
    party: list[dict[str, str]],
    sets: dict[str, tuple[list[dict[str, str]], np.ndarray, np.ndarray]],
    party_scores: np.ndarray,
    thresholds: tuple[float, float, int],
) -> dict[str, float]:
    """Rules alone, then rules or the held-out model score: what an editor would see. Party text counts
    only sentences of 8 words or more; ``sets`` are the council texts by name (rows, held-out scores, a
    mask of those about election administration and civic events)."""
    started = time.process_time()
    long_enough = np.array([len(r["text"].split()) >= 8 for r in party])
    party_rules, party_found = rules_flags([r["text"] for r in party])
    party_any = party_rules | (~party_found & model_flags(party_scores, lengths(party), *thresholds))
    figures = {
        "party_flagged_rules": rate(party_rules[long_enough]),
        "party_flagged_rules_and_model": rate(party_any[long_enough]),
    }
    print(f"   manifesto sentences of 8+ words ({int(long_enough.sum()):,}) flagged: rules {figures['party_flagged_rules']:.3f},"
          f" rules + held-out model {figures['party_flagged_rules_and_model']:.3f}")  # fmt: skip
    for name, (rows, found, admin) in sets.items():
        by_rules, by_found = rules_flags([r["text"] for r in rows])
        by_any = by_rules | (~by_found & model_flags(found, lengths(rows), *thresholds))
        figures[f"{name}_false_alarms_rules"] = rate(by_rules)
        figures[f"{name}_false_alarms_rules_and_model"] = rate(by_any)
        figures[f"{name}_election_civic_false_alarms_rules_and_model"] = rate(by_any[admin])
        print(f"   {name.replace('_', ' ')} ({len(rows)}) flagged: rules {rate(by_rules):.4f}, rules + held-out model"
              f" {rate(by_any):.4f}; election administration and civic events {rate(by_any[admin]):.4f}"
              f" ({int(by_any[admin].sum())}/{int(admin.sum())}) (issue: <= 0.01)")  # fmt: skip
    print(f"   ({time.process_time() - started:.0f} s CPU)")
    return figures


def short_threshold_figures(
    party: list[dict[str, str]],
    short: list[dict[str, str]],
    party_scores: np.ndarray,
    short_scores: np.ndarray,
    short_fold: np.ndarray,
    short_free: np.ndarray,
    threshold: float,
    short_words: int,
) -> dict[str, object]:
    """Step 5: the held-out scores of the short council texts (8-40 words, what official accounts post:
    news items, event notices, service updates, thanks) by length, and the short-post threshold chosen
    with councils held out: for each fold, the lowest threshold keeping false alarms on the other folds'
    texts under ``short_words`` words <= TARGET_FALSE_ALARMS, applied to that fold. A false alarm is the
    model's warning where the rules found nothing (``short_free``): elsewhere the engine does not ask it."""
    short_len, party_len = lengths(short), lengths(party)
    print("   words   council texts  false alarms at the threshold / +0.03   manifesto sentences  recall (held out)")
    by_band = {}
    for lo, hi in [(8, 12), (12, 16), (16, 20), (20, 30), (30, 41)]:
        c, p = (short_len >= lo) & (short_len < hi), (party_len >= lo) & (party_len < hi)
        higher = min(threshold + 0.03, 0.99)
        row = {
            "council_texts": int(c.sum()), "false_alarms": int((short_free & (short_scores >= threshold))[c].sum()),
            "false_alarms_higher": int((short_free & (short_scores >= higher))[c].sum()),
            "manifesto_sentences": int(p.sum()),
            "recall": rate(party_scores[p] >= threshold), "recall_higher": rate(party_scores[p] >= higher),
        }  # fmt: skip
        by_band[f"{lo}-{hi - 1}"] = row
        print(f"   {lo:2}-{hi - 1:2}   {row['council_texts']:4}           {row['false_alarms']} / {row['false_alarms_higher']}"
              f"                               {row['manifesto_sentences']:6,}              {row['recall']:.3f} / {row['recall_higher']:.3f}")  # fmt: skip
    grid = np.round(np.arange(threshold, 0.9951, 0.005), 3)
    below = short_len < short_words
    held_flags = np.zeros(len(short), dtype=bool)
    chosen = []
    for f in range(FOLDS):
        train = (short_fold != f) & below
        t = next(
            (float(t) for t in grid if rate((short_free & (short_scores >= t))[train]) <= TARGET_FALSE_ALARMS), 0.995
        )
        chosen.append(t)
        test = short_fold == f
        held_flags[test] = short_free[test] & model_flags(
            short_scores[test], short_len[test], threshold, t, short_words
        )
    counts = Counter(chosen).most_common()
    short_threshold = max(t for t, n in counts if n == counts[0][1])
    party_below = party_len < short_words
    recall_below = rate(party_scores[party_below & (party_len >= MIN_WORDS)] >= short_threshold)
    print(f"   short-post threshold chosen with councils held out ({FOLDS} folds; texts under {short_words} words):"
          f" {sorted(Counter(chosen).items())} -> {short_threshold}; held-out false alarms {int(held_flags.sum())}/{len(short)}"
          f" = {rate(held_flags)} (at {threshold} for all lengths: {int((short_free & (short_scores >= threshold)).sum())}"
          f"/{len(short)}); held-out recall on manifesto sentences of {MIN_WORDS}-{short_words - 1}"
          f" words at {short_threshold}: {recall_below}")  # fmt: skip
    worst = sorted(np.flatnonzero(short_free), key=lambda i: -short_scores[i])[:5]
    for i in worst:
        print(f"     {short_scores[i]:.3f} ({short_len[i]} words) {short[i]['text'][:100]!r}")
    return {"texts": len(short), "councils": len({r["council"] for r in short}), "by_words": by_band,
            "short_words": short_words, "short_threshold": short_threshold,
            "short_threshold_held_out_choices": chosen, "held_out_false_alarms": rate(held_flags),
            "held_out_recall_manifesto_under_short_words": recall_below}  # fmt: skip


def modern_held_out_figures(
    modern: list[dict[str, str]], found: np.ndarray, thresholds: tuple[float, float, int]
) -> dict[str, object]:
    """Step 1b: the modern party texts' held-out scores (folds grouped by source) at the thresholds chosen on
    council text: the model alone, and rules + model as the engine flags an official post in a pre-election
    period, all and per party; the model's recall at other thresholds only to show the trade-off."""
    length = lengths(modern)
    by_model = model_flags(found, length, *thresholds)
    by_rules, by_found = rules_flags([r["text"] for r in modern])
    by_any = by_rules | (~by_found & by_model)
    out: dict[str, object] = {
        "texts": len(modern), "sources": len({r["source"] for r in modern}), "recall_model": rate(by_model),
        "flagged_rules": rate(by_rules), "flagged_rules_and_model": rate(by_any),
        "model_adds": int((by_any & ~by_rules).sum()), "by_party": {},
    }  # fmt: skip
    print(f"   model alone {rate(by_model):.3f}; rules {rate(by_rules):.3f}, rules + model {rate(by_any):.3f}"
          f" (the model adds {out['model_adds']} of {len(modern)})")  # fmt: skip
    print("   party          texts  sources  model  rules  rules+model")
    for party in sorted({r["party"] for r in modern}):
        mask = np.array([r["party"] == party for r in modern])
        row = {"texts": int(mask.sum()), "sources": len({r["source"] for r in modern if r["party"] == party}),
               "recall_model": rate(by_model[mask]), "flagged_rules": rate(by_rules[mask]),
               "flagged_rules_and_model": rate(by_any[mask])}  # fmt: skip
        out["by_party"][party] = row  # type: ignore[index]
        print(f"   {party:14} {row['texts']:5}  {row['sources']:7}  {row['recall_model']:.3f}  {row['flagged_rules']:.3f}"
              f"  {row['flagged_rules_and_model']:.3f}")  # fmt: skip
    trade = {f"{t:.2f}": rate(found >= t) for t in (0.5, 0.7, 0.8, 0.9)}
    out["model_one_threshold"] = trade
    print(f"   the model alone at one threshold for all lengths (for the trade-off): {trade}")
    return out


def modern_party_figures(
    fitted: tuple[TfidfVectorizer, LogisticRegression],
    modern: list[dict[str, str]],
    thresholds: tuple[float, float, int],
) -> dict[str, object]:
    """Step 6: the model as saved on modern party-political texts (party, candidate and councillor-group
    pages; bench/data/party_modern_manifest.csv) that nothing was trained or tuned on: the rules alone,
    and rules + model at the thresholds chosen above, as the engine flags an official post in a
    pre-election period; the model's score alone at other thresholds only to show the trade-off."""
    found = scores(fitted, [r["text"] for r in modern])
    length = lengths(modern)
    by_rules, by_found = rules_flags([r["text"] for r in modern])
    by_model = model_flags(found, length, *thresholds)
    by_any = by_rules | (~by_found & by_model)
    parties = sorted({r["party"] for r in modern})
    by_party = {p: rate(by_any[np.array([r["party"] == p for r in modern])]) for p in parties}
    print(f"   {len(modern)} texts from {len({r['source'] for r in modern})} sources: rules {rate(by_rules):.3f},"
          f" model alone {rate(by_model):.3f}, rules + model {rate(by_any):.3f} (issue: >= 0.95)")  # fmt: skip
    print("   by party (rules + model): " + ", ".join(f"{p} {v:.2f}" for p, v in by_party.items()))
    trade = {f"{t:.2f}": rate(by_rules | (~by_found & (found >= t))) for t in (0.5, 0.7, 0.8, 0.9)}
    print(f"   rules + model at one threshold for all lengths (not chosen here; for the trade-off): {trade}")
    for r, hit, s in sorted(zip(modern, by_any, found, strict=True), key=lambda x: -x[2]):
        if not hit:
            print(f"     missed {s:.2f}: {r['text'][:110]!r}")
            break
    return {"texts": len(modern), "flagged_rules": rate(by_rules), "flagged_model": rate(by_model),
            "flagged_rules_and_model": rate(by_any), "by_party": by_party, "one_threshold": trade}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=next((p for p in DATA_GUESSES if p.exists()), DATA_GUESSES[0]))
    parser.add_argument("--council-texts", type=Path, default=COUNCIL_TEXTS)
    parser.add_argument("--short-texts", type=Path, default=SHORT_TEXTS)
    parser.add_argument("--modern-party-texts", type=Path, default=MODERN_PARTY_TEXTS)
    parser.add_argument("--party-train-texts", type=Path, default=PARTY_TRAIN_TEXTS,
                        help="modern party text for the party side of training (kind T of collect_council.py)")  # fmt: skip
    parser.add_argument("--no-party-train", action="store_true",
                        help="train on the manifestos alone (the model before); still report the held-out recall on"
                        " the modern party texts")  # fmt: skip
    parser.add_argument("--modern-weight", type=float, help=f"a modern party text's weight (default {MODERN_WEIGHT})")
    parser.add_argument("--quick", action="store_true", help="skip the held-out runs; only write the model")
    parser.add_argument("--c", type=float, help=f"the inverse regularisation strength to compare (default {C})")
    parser.add_argument("--held-out-only", action="store_true", help="steps 1 and 5 only; write nothing")
    parser.add_argument("--skip-recall-steps", action="store_true",
                        help="skip steps 2-4 (each party and decade held out, the engine on manifesto sentences);"
                        " steps 1, 1b and 5 run and the model is written")  # fmt: skip
    args = parser.parse_args()
    if args.c is not None:
        globals()["C"] = args.c  # fit() reads it
    if args.modern_weight is not None:
        globals()["MODERN_WEIGHT"] = args.modern_weight  # training_set() reads it

    if not args.council_texts.exists() or not args.short_texts.exists():
        print(f"Party model not rebuilt: the council texts are not at {args.council_texts} and {args.short_texts}.")
        print(f"  They are third-party text kept outside the repository; {MANIFEST.relative_to(ROOT)} lists")
        print("  each one's address, council, date and sha256. Collect them again (bench/collect_council.py)")
        print(f"  or pass --council-texts and --short-texts. The model in {DATA.relative_to(ROOT)} is left as it is.")
        return
    started_all = time.process_time()
    party = read_manifestos(args.data)
    council = read_texts(args.council_texts)
    short = read_texts(args.short_texts, short=True)
    modern_all = read_party_train(args.party_train_texts) if args.party_train_texts.exists() else []
    train_modern = not args.no_party_train and bool(modern_all)
    modern = modern_all if train_modern else []  # what the model trains on; modern_all is scored either way
    councils = sorted({r["council"] for r in council} | {r["council"] for r in short})
    print(f"{len(party):,} manifesto sentences ({len({r['party'] for r in party})} parties, "
          f"{min(int(r['year']) for r in party)}-{max(int(r['year']) for r in party)}); "
          f"{len(council)} council paragraphs ({sum(len(sentences(r['text'])) for r in council):,} sentences) and "
          f"{len(short)} short council texts from {len(councils)} councils")  # fmt: skip
    print(f"{len(modern_all)} modern party texts from {len({r['source'] for r in modern_all})} sources"
          f" {dict(Counter(r['party'] for r in modern_all).most_common())}:"
          f" {'on the party side of training, weight ' + str(MODERN_WEIGHT) if train_modern else 'not trained on'}")  # fmt: skip
    report: dict[str, object] = {
        "min_df": MIN_DF, "C": C, "manifesto_sentences": len(party), "council_texts": len(council),
        "council_short_texts": len(short), "councils": len(councils),
        "modern_party_texts_trained": len(modern), "modern_weight": MODERN_WEIGHT if train_modern else None,
    }  # fmt: skip
    from herald.checks import default_rules

    short_words = int(default_rules().thresholds["party_model_short_words"])

    if not args.quick:
        # 1. councils (and manifestos by party and year) held out, ten folds; short texts go with their council
        council_folds = {name: n % FOLDS for n, name in enumerate(councils)}
        council_fold = np.array([council_folds[r["council"]] for r in council])
        short_fold = np.array([council_folds[r["council"]] for r in short])
        docs = [f"{r['party']}_{r['year']}" for r in party]
        party_fold = np.zeros(len(party), dtype=int)
        for fold, (_, test) in enumerate(GroupKFold(n_splits=FOLDS).split(docs, groups=docs)):
            party_fold[test] = fold
        # modern party texts grouped by source (a branch, candidate or group): none in its own training data
        modern_fold = np.zeros(len(modern_all), dtype=int)
        sources = [r["source"] for r in modern_all]
        if len(set(sources)) >= FOLDS:
            for fold, (_, test) in enumerate(GroupKFold(n_splits=FOLDS).split(sources, groups=sources)):
                modern_fold[test] = fold
        modern_scores = np.zeros(len(modern_all))
        council_scores = np.zeros(len(council))
        short_scores = np.zeros(len(short))
        party_scores = np.zeros(len(party))
        sentence_scores: list[float] = []  # each held-out council paragraph's sentences on their own
        started = time.process_time()
        for fold in range(FOLDS):
            fitted = fit(
                *training_set(
                    [r for r, f in zip(party, party_fold, strict=True) if f != fold],
                    [r for r, f in zip(council, council_fold, strict=True) if f != fold],
                    [r for r, f in zip(short, short_fold, strict=True) if f != fold],
                    [r for r, f in zip(modern_all, modern_fold, strict=True) if f != fold] if train_modern else [],
                )
            )
            held_c = np.flatnonzero(council_fold == fold)
            held_s = np.flatnonzero(short_fold == fold)
            held_p = np.flatnonzero(party_fold == fold)
            council_scores[held_c] = scores(fitted, [council[i]["text"] for i in held_c])
            short_scores[held_s] = scores(fitted, [short[i]["text"] for i in held_s])
            sentence_scores += scores(fitted, [s for i in held_c for s in sentences(council[i]["text"])]).tolist()
            party_scores[held_p] = scores(fitted, [party[i]["text"] for i in held_p])
            held_m = np.flatnonzero(modern_fold == fold)
            if len(held_m):
                modern_scores[held_m] = scores(fitted, [modern_all[i]["text"] for i in held_m])
        print(f"\n1. Councils held out ({FOLDS} folds grouped by council; manifestos grouped by party and year),"
              f" {time.process_time() - started:.0f} s CPU:")  # fmt: skip
        # the engine asks the model only where the rules found nothing: its false alarms are those texts'
        held_sentences = [s for r in council for s in sentences(r["text"])]
        council_free, sentence_free, short_free = (
            ~rules_flags(texts)[1]
            for texts in ([r["text"] for r in council], held_sentences, [r["text"] for r in short])
        )
        print(f"   texts the rules already give a political finding (the model is not asked): paragraphs"
              f" {int((~council_free).sum())}/{len(council)}, sentences {int((~sentence_free).sum())}/{len(held_sentences)},"
              f" short texts {int((~short_free).sum())}/{len(short)}")  # fmt: skip
        admin = np.array([r["topic"] in ADMIN_TOPICS for r in council])
        short_admin = np.array([r["topic"].removeprefix(SHORT_TOPIC) in ADMIN_TOPICS for r in short])
        short_long = lengths(short) >= short_words  # short texts the usual threshold applies to
        by_sentence = np.array(sentence_scores)
        print("   false alarms: the model's warnings where the rules found nothing")
        print(f"   threshold  false alarms (paragraphs / election+civic / sentences / short texts of {short_words}+ words)"
              f"  recall  precision at 1:1")  # fmt: skip
        table = []
        for threshold in np.round(np.arange(0.50, 0.996, 0.01), 2):
            fa = rate(council_free & (council_scores >= threshold))
            fa_admin = rate((council_free & (council_scores >= threshold))[admin])
            fa_sentence = rate(sentence_free & (by_sentence >= threshold))
            fa_short = rate((short_free & (short_scores >= threshold))[short_long])
            recall = rate(party_scores >= threshold)
            precision = round(recall / (recall + fa), 3) if recall + fa else float("nan")
            table.append((float(threshold), fa, fa_admin, fa_sentence, fa_short, recall, precision))
        for row in table[::5]:
            print(f"   {row[0]:.2f}       {row[1]:.4f} / {row[2]:.4f} / {row[3]:.4f} / {row[4]:.4f}"
                  f"                          {row[5]:.3f}   {row[6]}")  # fmt: skip
        chosen = next(
            (
                row
                for row in table
                if max(row[1], row[2]) <= TARGET_FALSE_ALARMS and max(row[3], row[4]) <= 2 * TARGET_FALSE_ALARMS
            ),
            table[-1],
        )
        threshold = chosen[0]
        flagged = council_free & (council_scores >= threshold)
        print(f"   chosen: {threshold:.2f}, the lowest with held-out false alarms <= {TARGET_FALSE_ALARMS} on council"
              f" paragraphs, all and election administration and civic events alike, and <= {2 * TARGET_FALSE_ALARMS}"
              f" on their single sentences and on short texts of {short_words} words or more")  # fmt: skip
        print(f"   at {threshold:.2f}: false alarms {int(flagged.sum())}/{len(council)} = {chosen[1]}"
              f" (election administration and civic events {int(flagged[admin].sum())}/{int(admin.sum())}"
              f" = {chosen[2]}; single sentences {int((sentence_free & (by_sentence >= threshold)).sum())}/{len(by_sentence)}"
              f" = {chosen[3]}; short texts of {short_words}+ words {int((short_free & (short_scores >= threshold))[short_long].sum())}"
              f"/{int(short_long.sum())} = {chosen[4]}); recall {chosen[5]} on {len(party):,} manifesto sentences;"
              f" precision {chosen[6]} if party and council text were equally common")  # fmt: skip
        by_council = Counter(r["council"] for r, f in zip(council, flagged, strict=True) if f)
        print(f"   councils with any false alarm: {len(by_council)}/{len(councils)} {dict(by_council.most_common(5))}")
        worst = sorted(np.flatnonzero(council_free), key=lambda i: -council_scores[i])[:5]
        for i in worst:
            print(f"     {council_scores[i]:.2f} [{council[i]['topic']}] {council[i]['text'][:110]}")
        report["threshold"] = threshold
        report["councils_held_out"] = {
            "threshold": threshold, "false_alarms": chosen[1], "false_alarms_election_and_civic": chosen[2],
            "false_alarms_sentences": chosen[3], "false_alarms_short_texts_long_enough": chosen[4],
            "recall": chosen[5], "precision_at_equal_prevalence": chosen[6],
            "table": [dict(zip(("threshold", "false_alarms", "false_alarms_election_civic", "false_alarms_sentences",
                                "false_alarms_short_long_enough", "recall", "precision_1_1"), row, strict=True))
                      for row in table],
        }  # fmt: skip

        # 5 (before 2-4, which use its threshold). The short-post threshold, on the same held-out scores
        print(f"\n5. Short council texts held out by council ({len(short)} of 8-40 words from"
              f" {len({r['council'] for r in short})} councils), usual threshold {threshold:.2f}:")  # fmt: skip
        report["short_council_texts"] = short_threshold_figures(
            party, short, party_scores, short_scores, short_fold, short_free, threshold, short_words
        )
        short_threshold = float(report["short_council_texts"]["short_threshold"])  # type: ignore[index]
        if modern_all:
            print(f"\n1b. Modern party texts held out by source ({len(modern_all)} texts, {len(set(sources))} sources;"
                  f" {'trained on in the other folds' if train_modern else 'never trained on'}), thresholds"
                  f" {threshold:.2f} / {short_threshold} under {short_words} words:")  # fmt: skip
            report["modern_party_texts_held_out"] = modern_held_out_figures(
                modern_all, modern_scores, (threshold, short_threshold, short_words)
            )
            shipped = default_rules().thresholds
            in_file = (float(shipped["party_model_threshold"]), float(shipped["party_model_short_threshold"]))
            if in_file != (threshold, short_threshold):
                print(f"   the same held-out scores at the rules file's thresholds {in_file[0]} / {in_file[1]}:")
                report["modern_party_texts_held_out_at_rules_file_thresholds"] = modern_held_out_figures(
                    modern_all, modern_scores, (*in_file, short_words)
                )
        if args.held_out_only:
            return
        thresholds = (threshold, short_threshold, short_words)

    if not args.quick and not args.skip_recall_steps:
        # 2. each party held out; 3. each decade held out (recall only: council text is all in training)
        def held_out_recall(key: str, values: list[str]) -> dict[str, dict[str, float]]:
            out: dict[str, dict[str, float]] = {}
            started = time.process_time()
            for value in values:
                train = [r for r in party if key_of(r, key) != value]
                test = [r for r in party if key_of(r, key) == value]
                found = scores(fit(*training_set(train, council, short, modern)), [r["text"] for r in test])
                recall = rate(model_flags(found, lengths(test), *thresholds))
                out[value] = {"sentences": len(test), "recall": recall}
                print(f"   {value:10} {len(test):6,} sentences  recall {recall:.3f}")
            print(f"   ({time.process_time() - started:.0f} s CPU)")
            return out

        def key_of(row: dict[str, str], key: str) -> str:
            return f"{row['year'][:3]}0s" if key == "decade" else row["party"]

        counts = Counter(r["party"] for r in party)
        parties = [p for p, n in counts.most_common() if n >= 1000]
        print(f"\n2. Each party held out in turn (parties with >= 1,000 sentences), thresholds {threshold:.2f} /"
              f" {short_threshold} under {short_words} words:")  # fmt: skip
        report["parties_held_out"] = held_out_recall("party", parties)
        print(f"\n3. Each decade held out in turn, thresholds {threshold:.2f} / {short_threshold}:")
        report["decades_held_out"] = held_out_recall("decade", sorted({key_of(r, "decade") for r in party}))

        # 4. the engine as a whole (rules + held-out model) as the issue measures it: the share of party
        # text and of neutral council text given a political finding (block or warn) on an official post
        # in a pre-election period.
        print(f"\n4. The engine as a whole, official post in a pre-election period, thresholds {threshold:.2f} /"
              f" {short_threshold} under {short_words} words:")  # fmt: skip
        report["engine"] = engine_figures(
            party,
            {
                "council_paragraphs": (council, council_scores, admin),
                "council_short_texts": (short, short_scores, short_admin),
            },
            party_scores,
            thresholds,
        )

    final = fit(*training_set(party, council, short, modern))
    save_linear_model(DATA, *final, report, cpu_since=started_all)
    if not args.quick and args.modern_party_texts.exists():
        # 6. the saved model on modern party text nothing here was trained or tuned on
        print(f"\n6. Modern party texts ({args.modern_party_texts.name}), the saved model, thresholds {threshold:.2f} /"
              f" {short_threshold} under {short_words} words:")  # fmt: skip
        modern = [json.loads(line) for line in args.modern_party_texts.read_text(encoding="utf-8").splitlines() if line]
        report["modern_party_texts"] = modern_party_figures(final, modern, thresholds)
        DATA.with_suffix(".json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nWrote {DATA.relative_to(ROOT)} ({report['terms']:,} terms, {DATA.stat().st_size / 1e6:.1f} MB);"
          f" {report['cpu_seconds']} s CPU in all")  # fmt: skip


if __name__ == "__main__":
    main()
