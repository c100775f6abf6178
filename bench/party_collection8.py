"""Collection 8 (development): the party model as shipped against a retrained one and against new thresholds,
on text neither was fitted to, with the rule for choosing written down before any figure was seen.

    .venv/bin/python bench/party_collection8.py [--texts /work/data-party8] [--model PATH]
        [--threshold T --short-threshold S] [--fit-thresholds] [--split-out DIR]

Reads, from `--texts` (made by `bench/collect_council.py --suffix 8`; manifests
`bench/data/council_texts8_manifest.csv`, `party_modern8_manifest.csv`, `party_train8_manifest.csv`):
`party_train_texts.jsonl` (kind `T`, for training and fitting), `party_modern_texts.jsonl` (kind `M`, the
development check, never trained or fitted on; no source is in both) and the council texts, split by
council: a council whose sha256 (of its name) ends in an even hex digit is on the fitting side, odd on the
checking side (`council_split`), so no council is on both.

For each text it takes the engine's political rules on an official post in a pre-election period (the model
switched off) and then asks the model where the rules found nothing, as `political.check_political` does:
a text counts as flagged when a political finding of severity block or warn other than `councillor-named`
is given (`councillor-named` blocks a council text featuring a councillor by design, the Publicity Code;
bench/party_engine.py reports the rest the same way).

`--model` scores with other arrays (a retrain written elsewhere); `--threshold`/`--short-threshold` replace
the rules file's pair; `--fit-thresholds` chooses a pair on the fitting side only: for each length band
(under / at least `party_model_short_words` words), the lowest threshold from 0.50 to 0.99 in steps of
0.01 at which the model warns on no fitting-side council text of that band that the rules left alone
(the fitting side holds about 75 texts: zero is the only false-alarm target it can show). `--split-out`
writes the fitting side's council texts as `council_texts.jsonl` / `council_short_texts.jsonl` in DIR,
the files `bench/train_party.py --council-texts/--short-texts` read.

The rule for choosing (fixed before the first run on these texts, 2026-12-07): a candidate (retrained
arrays with the thresholds `bench/train_party.py` chooses, or the shipped arrays with fitted thresholds) is
shipped only if, on the checking side, (1) it flags more of the `M` texts than the model as shipped, and
(2) it flags no more checking-side council texts than the model as shipped, and (3) every engine test passes
unchanged (`.venv/bin/pytest herald/checks -p no:django -n 2 -q`). If two pass, the one flagging more `M`
texts; on a tie, the thresholds alone (the smaller change).

Result (2026-12-07; checking side: 71 `M` texts, 64 council texts from 27 councils). As shipped (0.88 /
0.90): `M` 33/71 = 0.465 flagged (29 by the rules alone), council 3/64 (all three by the rules). Shipped
arrays with fitted thresholds (`--fit-thresholds`: 0.86 / 0.68): `M` 34/71, council 3/64, but an engine test
fails (a short council post, "well done Amelia (age 8) from St Mary's!", gets a model warning) and
`bench/political_same_findings.py` gives 1,426 model findings on the repository's labelled texts against
145: not shipped. Retrained (`bench/train_party.py --council-texts/--short-texts` on the fitting side's 90
council texts, `--party-train-texts` the 80 `T` texts, `--skip-recall-steps`; its step 1 chose 0.97 / 0.97,
as 127 council sentences and posts against 56,666 manifesto sentences leave every council text scored
high): `M` 29/71, council 3/64: fewer `M` texts than shipped, not shipped. The shipped arrays and thresholds
stay.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from herald.checks import Context, Draft, check, default_rules, political  # noqa: E402
from herald.checks.party_model import DATA, MIN_WORDS, PartyModel, words  # noqa: E402

TEXTS = Path("/work/data-party8")
ADMIN_TOPICS = ("election-admin", "civic")
GRID = [round(0.50 + 0.01 * n, 2) for n in range(50)]


def read(path: Path) -> list[dict[str, str]]:
    """The rows of a ``.jsonl`` file; none for a file that is not there (collection 10 has no kind-T file)."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def council_split(council: str) -> str:
    """'fit' or 'check', by the last hex digit of the council name's sha256: stable, and no council on both."""
    return "fit" if int(hashlib.sha256(council.encode("utf-8")).hexdigest()[-1], 16) % 2 == 0 else "check"


@dataclasses.dataclass
class Row:
    text: str
    group: str  # "T", "M", "council-fit", "council-check"
    topic: str
    by_rules: bool  # a block or warn political finding other than councillor-named, model off
    found: bool  # any political finding at all (the engine then does not ask the model)
    words: int
    score: float


def rules_pass(texts: list[str]) -> list[tuple[bool, bool]]:
    rules = default_rules()
    off = dataclasses.replace(
        rules, thresholds={**rules.thresholds, "party_model_threshold": 2.0, "party_model_short_threshold": 2.0}
    )
    context = Context(account="official", role="editor", pre_election=True)
    out = []
    for text in texts:
        political_findings = [
            f
            for f in check(Draft(text=text, platform="facebook"), context, rules=off).findings
            if f.category == "political"
        ]
        by_rules = any(f.severity in ("block", "warn") and f.rule != "councillor-named" for f in political_findings)
        out.append((by_rules, bool(political_findings)))
    return out


def load_rows(texts: Path, model: PartyModel) -> list[Row]:
    groups: list[tuple[str, dict[str, str]]] = [("T", r) for r in read(texts / "party_train_texts.jsonl")]
    groups += [("M", r) for r in read(texts / "party_modern_texts.jsonl")]
    for name in ("council_texts.jsonl", "council_short_texts.jsonl"):
        groups += [(f"council-{council_split(r['council'])}", r) for r in read(texts / name)]
    flags = rules_pass([r["text"] for _, r in groups])
    rows = []
    for (group, r), (by_rules, found) in zip(groups, flags, strict=True):
        found_words = words(political._model_text(r["text"]))
        score = model.score_words(found_words) if len(found_words) >= MIN_WORDS else 0.0
        rows.append(Row(r["text"], group, r.get("topic", r.get("party", "")), by_rules, found, len(found_words), score))
    return rows


def flagged(row: Row, threshold: float, short_threshold: float, short_words: int) -> bool:
    needed = short_threshold if row.words < short_words else threshold
    return row.by_rules or (not row.found and row.score >= needed)


def fit_thresholds(rows: list[Row], short_words: int) -> tuple[float, float]:
    fitting = [r for r in rows if r.group == "council-fit" and not r.found]
    chosen = []
    for band in (lambda r: r.words >= short_words, lambda r: r.words < short_words):
        scores = [r.score for r in fitting if band(r)]
        chosen.append(next((t for t in GRID if all(s < t for s in scores)), GRID[-1]))
    return chosen[0], chosen[1]


def report(rows: list[Row], threshold: float, short_threshold: float, short_words: int, label: str) -> dict[str, int]:
    print(f"\n{label}: thresholds {threshold} / {short_threshold} under {short_words} words")
    counts = {}
    for group in ("M", "council-check", "T", "council-fit"):
        members = [r for r in rows if r.group == group]
        hits = [flagged(r, threshold, short_threshold, short_words) for r in members]
        by_rules = sum(r.by_rules for r in members)
        counts[group] = sum(hits)
        if not members:
            print(f"   {group:14} n/a (0 texts)")
            continue
        line = f"   {group:14} {sum(hits):3}/{len(members)} = {sum(hits) / len(members):.3f} flagged (rules alone {by_rules})"
        if group.startswith("council"):
            admin = [h for h, r in zip(hits, members, strict=True) if r.topic.removeprefix("short-") in ADMIN_TOPICS]
            line += f"; election administration and civic {sum(admin)}/{len(admin)}"
        else:
            by_party = Counter(r.topic for r, h in zip(members, hits, strict=True) if h)
            total = Counter(r.topic for r in members)
            line += "; " + ", ".join(f"{p} {by_party[p]}/{n}" for p, n in sorted(total.items()))
        print(line)
        counts[group] = sum(hits)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--model", type=Path, default=DATA, help="the arrays to score with (default: as shipped)")
    parser.add_argument("--threshold", type=float)
    parser.add_argument("--short-threshold", type=float)
    parser.add_argument("--fit-thresholds", action="store_true", help="choose a pair on the fitting side")
    parser.add_argument("--split-out", type=Path, help="write the fitting side's council texts here and stop")
    parser.add_argument("--show", type=int, default=0, help="print this many checking-side misses and false alarms")
    args = parser.parse_args()

    if args.split_out:
        args.split_out.mkdir(parents=True, exist_ok=True)
        for name in ("council_texts.jsonl", "council_short_texts.jsonl"):
            rows = [r for r in read(args.texts / name) if council_split(r["council"]) == "fit"]
            (args.split_out / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
            print(f"{args.split_out / name}: {len(rows)} texts")
        return

    shipped = default_rules().thresholds
    short_words = int(shipped["party_model_short_words"])
    rows = load_rows(args.texts, PartyModel.load(args.model))
    sides = Counter(r.group for r in rows)
    print(f"{args.model.relative_to(ROOT) if args.model.is_relative_to(ROOT) else args.model}: {dict(sides)};"
          f" councils fitting {len({r.text for r in rows if r.group == 'council-fit'})} texts")  # fmt: skip
    threshold = args.threshold if args.threshold is not None else float(shipped["party_model_threshold"])
    short_threshold = (
        args.short_threshold if args.short_threshold is not None else float(shipped["party_model_short_threshold"])
    )
    report(rows, threshold, short_threshold, short_words, "as given (rules file unless --threshold)")
    if args.fit_thresholds:
        fitted = fit_thresholds(rows, short_words)
        report(rows, *fitted, short_words, "thresholds fitted on the fitting side")
        threshold, short_threshold = fitted
    if args.show:
        check_rows = [r for r in rows if r.group in ("M", "council-check")]
        for r in check_rows:
            hit = flagged(r, threshold, short_threshold, short_words)
            if (r.group == "M") != hit:
                kind = "missed" if r.group == "M" else "false alarm"
                print(
                    f"     {kind} {r.score:.2f} ({r.words} words, rules {'found' if r.found else 'none'}): {r.text[:120]}"
                )


if __name__ == "__main__":
    main()
