"""The check engine as shipped (rules + the saved party model) on real party and council text: what an
editor would see on an official post in a pre-election period.

    .venv/bin/python bench/party_engine.py [--texts /work/data-council] [--exclude-manifest PATH]

Reads, from `--texts` (third-party text kept outside the repository; see bench/data/README.md):

- `party_modern_texts.jsonl`: modern party-political texts from party, candidate and councillor-group
  pages (`bench/data/party_modern_manifest.csv`), never used to train anything: the issue's "real
  party-political texts flagged", held out by construction;
- `council_texts.jsonl` and `council_short_texts.jsonl`: the neutral council texts. The model trained
  by `bench/train_party.py` has seen these, so for the model as shipped their figures are in-sample; the
  held-out figures are train_party.py's. Use them here to measure a model that was not trained on them
  (`--exclude-manifest` drops the texts a given manifest lists, the training data of an older model).

Prints, for rules alone and rules + model: the share of each set with a political finding of severity
block or warn, by party and by length (under / at least `party_model_short_words` words), and the
texts the engine missed.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from herald.checks import Context, Draft, check, default_rules  # noqa: E402
from herald.checks.party_model import words  # noqa: E402

TEXTS = Path("/work/data-council")
ADMIN_TOPICS = ("election-admin", "civic")


def read(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def share(hits: list[bool]) -> str:
    """How many of a set were flagged, as a count and a share, or "n/a" for an empty set (all of it left
    out by --exclude-manifest, say) rather than a division by zero."""
    if not hits:
        return "n/a (0 texts)"
    return f"{sum(hits)}/{len(hits)} = {sum(hits) / len(hits):.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--exclude-manifest", type=Path, help="leave out the council texts this manifest lists")
    parser.add_argument("--misses", type=int, default=12, help="how many missed party texts to print")
    parser.add_argument("--false-alarms", type=int, default=8, help="how many flagged council texts to print, per set")
    parser.add_argument("--party-file", default="party_modern_texts.jsonl",
                        help="the party texts' file in --texts, e.g. party_train_texts.jsonl (round eight's training"
                        " text: for a model trained on it, in-sample)")  # fmt: skip
    args = parser.parse_args()

    party = read(args.texts / args.party_file)
    council = read(args.texts / "council_texts.jsonl")
    short = read(args.texts / "council_short_texts.jsonl")
    if args.exclude_manifest:
        with open(args.exclude_manifest, encoding="utf-8", newline="") as handle:
            excluded = {row["sha256"] for row in csv.DictReader(handle)}
        before = len(council) + len(short)
        council = [r for r in council if r["sha256"] not in excluded]
        short = [r for r in short if r["sha256"] not in excluded]
        print(f"left out {before - len(council) - len(short)} council texts listed in {args.exclude_manifest}")

    rules = default_rules()
    off = dataclasses.replace(
        rules, thresholds={**rules.thresholds, "party_model_threshold": 2.0, "party_model_short_threshold": 2.0}
    )
    short_words = int(rules.thresholds["party_model_short_words"])
    context = Context(account="official", role="editor", pre_election=True)

    def flagged(text: str, with_rules: object) -> tuple[bool, list[str]]:
        report = check(Draft(text=text, platform="facebook"), context, rules=with_rules)  # type: ignore[arg-type]
        hits = [f.rule for f in report.findings if f.category == "political" and f.severity in ("block", "warn")]
        return bool(hits), hits

    started = time.process_time()
    print(f"thresholds: party_model_threshold {rules.thresholds['party_model_threshold']},"
          f" party_model_short_threshold {rules.thresholds['party_model_short_threshold']} under {short_words} words")  # fmt: skip
    for name, rows, key in (
        ("modern party texts", party, "party"),
        ("council paragraphs", council, "topic"),
        ("council short texts", short, "topic"),
    ):
        results = {
            label: [flagged(r["text"], w) for r in rows] for label, w in (("rules", off), ("rules + model", rules))
        }
        length = [len(words(r["text"])) for r in rows]
        print(f"\n{name}: {len(rows)} texts")
        for label, found in results.items():
            hits = [f for f, _ in found]
            shorter = [f for f, n in zip(hits, length, strict=True) if n < short_words]
            longer = [f for f, n in zip(hits, length, strict=True) if n >= short_words]
            line = f"   {label:14} flagged {share(hits)}"
            line += f"  (under {short_words} words {sum(shorter)}/{len(shorter)}, longer {sum(longer)}/{len(longer)})"
            if name != "modern party texts":
                admin = [
                    f for f, r in zip(hits, rows, strict=True) if r["topic"].removeprefix("short-") in ADMIN_TOPICS
                ]
                line += f"; election administration and civic {sum(admin)}/{len(admin)}"
            print(line)
        if name != "modern party texts":
            # `councillor-named` blocks a council text that features a councillor in a pre-election period by
            # design (the Publicity Code); the texts flagged by anything else are the false alarms proper.
            other = [bool(set(r) - {"councillor-named"}) for _, r in results["rules + model"]]
            print(f"   rules + model, by a finding other than councillor-named: {share(other)}")
        model_only = Counter(rule for _, rules_hit in results["rules + model"] for rule in rules_hit)
        print(f"   findings (rules + model): {dict(model_only.most_common())}")
        if name == "modern party texts":
            by: dict[str, list[bool]] = defaultdict(list)
            for (hit, _), row in zip(results["rules + model"], rows, strict=True):
                by[row[key]].append(hit)
            print("   by party: " + ", ".join(f"{p} {sum(v)}/{len(v)}" for p, v in sorted(by.items())))
            missed = [r["text"] for (hit, _), r in zip(results["rules + model"], rows, strict=True) if not hit]
            for text in missed[: args.misses]:
                print(f"     missed: {text[:150]}")
        else:
            wrong = [
                (r["topic"], sorted(set(rules_hit)), r["text"])
                for (hit, rules_hit), r in zip(results["rules + model"], rows, strict=True)
                if hit
            ]
            for topic, rules_hit, text in wrong[: args.false_alarms]:
                print(f"     flagged [{topic}] {', '.join(rules_hit)}: {text[:140]}")
    print(f"\n({time.process_time() - started:.0f} s CPU)")


if __name__ == "__main__":
    main()
