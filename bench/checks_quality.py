"""Precision and recall per category for herald/checks on labelled public data and a generated UK set.

    .venv/bin/python bench/checks_quality.py [--data ../shared/data]

- Davidson et al. 2017 tweets: class 0 (hate) or 1 (offensive) = positive for "offensive".
  alt-profanity-check was trained partly on this data, so these figures flatter the model.
- presidio-research synthetic PII: a text is positive for "personal_data" when it holds a span of a
  type Herald looks for (phone, email, card, IBAN, UK-style address); recall per entity type is
  printed too. It has no UK NHS, NI or postcode labels.
- A UK set generated here from templates (seeded), positives and traps for every text category.
A text counts as predicted positive for a category when any finding of that category is present
(any severity), checked as an incoming comment on an official page for the tweet data and as an
official post for the rest.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from herald.checks import AllowedContacts, Context, Councillor, Draft, check  # noqa: E402

PII_TYPES = {"PHONE_NUMBER", "EMAIL_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "STREET_ADDRESS", "UK_NHS", "US_SSN"}
HERALD_PII = {"PHONE_NUMBER", "EMAIL_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "STREET_ADDRESS"}


def score(name: str, pairs: list[tuple[bool, bool]]) -> None:
    tp = sum(a and p for a, p in pairs)
    fp = sum(p and not a for a, p in pairs)
    fn = sum(a and not p for a, p in pairs)
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    print(f"  {name:34} n={len(pairs):6}  positives={tp + fn:5}  precision={precision:.3f}  recall={recall:.3f}")


def categories(text: str, context: Context, kind: str = "post") -> set[str]:
    return {f.category for f in check(Draft(text=text, kind=kind), context).findings}


def davidson(folder: Path) -> None:
    path = folder / "davidson2017" / "data_labeled_data.csv"
    if not path.exists():
        print("davidson2017: not found")
        return
    context = Context(account="official")
    pairs = []
    for row in csv.DictReader(path.open(encoding="utf-8")):
        actual = row["class"] in ("0", "1")
        pairs.append((actual, "offensive" in categories(row["tweet"], context, "comment")))
    print("Davidson et al. 2017 (offensive; in-sample for the model):")
    score("offensive", pairs)


def presidio(folder: Path) -> None:
    path = folder / "presidio-research" / "synth_dataset_v2.json"
    if not path.exists():
        print("presidio-research: not found")
        return
    context = Context(account="official")
    pairs = []
    per_type: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for item in json.loads(path.read_text(encoding="utf-8")):
        text = item["full_text"]
        findings = [f for f in check(Draft(text=text, kind="comment"), context).findings if f.category == "personal_data"]
        spans = [s for s in item["spans"] if s["entity_type"] in HERALD_PII]
        pairs.append((bool(spans), bool(findings)))
        for span in spans:
            hit = any(f.start is not None and f.start < span["end_position"] and span["start_position"] < f.end for f in findings)
            per_type[span["entity_type"]].append((True, hit))
    print("presidio-research synth_dataset_v2 (personal_data, text level; US/international in flavour):")
    score("personal_data", pairs)
    for entity, rows in sorted(per_type.items()):
        score(f"  span recall {entity}", rows)


FIRST = ["Amy", "Ben", "Chloe", "Dev", "Ella", "Farhan", "Grace", "Harry", "Isla", "Jack"]
LAST = ["Patel", "Smith", "Jones", "Khan", "Taylor", "Brown", "Wilson", "Evans", "Hughes", "Clarke"]


def uk_set(rng: random.Random) -> list[tuple[str, str, bool, Context]]:
    official = Context(
        account="official", pre_election=True, councillors=[Councillor("Stuart Bray", "Liberal Democrat")],
        allowed_contacts=AllowedContacts(phones=("01455 238141",)),
    )
    rows: list[tuple[str, str, bool, Context]] = []
    for _ in range(150):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        mobile = f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
        positives = [
            ("personal_data", f"Contact {name} on {mobile} about the lost dog"),
            ("personal_data", f"Ring +44 7{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)} after 6"),
            ("personal_data", f"Email {name.split()[0].lower()}.{rng.randint(1, 99)}@gmail.com for tickets"),
            ("personal_data", f"NI number QQ {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} C"),
            ("personal_data", f"{name} lives at {rng.randint(1, 200)} Station Road, Hinckley LE10 {rng.randint(1, 9)}AB"),
            ("personal_data", f"{name}, DOB {rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(1940, 2005)}"),
            ("political", rng.choice(["Vote Labour on Thursday!", "Re-elect Cllr Bray", "Out canvassing with our candidate",
                                      "The Tories want to close the library", "Stuart Bray says the plan is a disaster"])),
            ("defamation", f"{name} is a liar and a fraud"),
            ("defamation", f"{name} has been charged with theft and we all know he did it"),
            ("offensive", rng.choice(["what a load of shit", "f*ck the council", "you are a useless idiot",
                                      "I know where you live", "go back to your own country", "sh1t service again"])),
            ("confidentiality", rng.choice(["CONFIDENTIAL: draft budget figures", "Appendix is exempt under Schedule 12A",
                                            "Not for publication until Cabinet", "Part II item on the depot sale"])),
        ]
        traps = [
            ("personal_data", f"Call the council on 01455 238141 or visit {rng.randint(2020, 2026)} events page"),
            ("personal_data", f"The budget is £{rng.randint(1, 9)},{rng.randint(100, 999)},{rng.randint(100, 999)} for 2026/27"),
            ("political", rng.choice(["Register to vote by 16 April.", "Polling stations open 7am to 10pm.",
                                      "Apply for a postal vote by 5pm on 17 April.", "The notice of election is published."])),
            ("defamation", rng.choice(["Report fraud to Action Fraud.", "Beware of scam calls this winter.",
                                       "A man has been charged with theft, police said."])),
            ("offensive", rng.choice(["Welcome to Scunthorpe", "Class assessments start Monday", "We will beat our target",
                                      "Cocktail night at the museum", "Dick Whittington panto tickets on sale"])),
            ("confidentiality", rng.choice(["Call our confidential helpline", "Your details are kept confidential",
                                            "Part 2 of the consultation opens"])),
        ]
        rows += [(c, t, True, official) for c, t in positives] + [(c, t, False, official) for c, t in traps]
    return rows


def uk(seed: int) -> None:
    rows = uk_set(random.Random(seed))
    by_category: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for category, text, positive, context in rows:
        by_category[category].append((positive, category in categories(text, context)))
    print(f"generated UK set (seed {seed}; positives and traps per category):")
    for category, pairs in sorted(by_category.items()):
        score(category, pairs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    parser.add_argument("--seed", type=int, default=20261124)
    args = parser.parse_args()
    folder = Path(args.data)
    uk(args.seed)
    presidio(folder)
    davidson(folder)


if __name__ == "__main__":
    main()
