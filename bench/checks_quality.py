"""Precision and recall per category for herald/checks on labelled public data and a generated UK set.

    .venv/bin/python bench/checks_quality.py [--data ../shared/data]

- Davidson et al. 2017 tweets: class 0 (hate) or 1 (offensive) = positive for "offensive".
  alt-profanity-check was trained partly on this data, so these figures flatter the model; the
  share flagged is printed per class (hate, offensive, neither), with and without the model, and for
  each half (A: even rows, read while writing the rules; B: odd rows, held out).
- presidio-research synthetic PII (synth_dataset_v2 and generated_small): a text is positive for
  "personal_data" when it holds a span of a type Herald looks for (phone, email, card, IBAN, street
  address, US SSN); span recall per entity type is printed too, including types Herald deliberately
  does not flag (marked "not looked for"), and the findings per rule with how many overlap no
  labelled span. It has no UK NHS, NI or postcode labels.
- A UK set generated here from templates (seeded), positives and traps for every text category.
- The hand-labelled comment sets in herald/checks/tests/data (offensive; one used while writing the
  rules, one written afterwards as a hold-out).
- The blind sets in bench/data (personal data and offensive), written by someone who never saw the
  rules; half A of each was then used to improve the rules, half B is held out (bench/data/README.md).
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
# Entity types the policy treats as personal data worth flagging in a public council post. Not flagged
# alone: PERSON (posts name people all the time), GPE/LOCATION/ORGANIZATION/NRP/TITLE, AGE, DATE_TIME
# (a date is personal only as a date of birth, which the data does not mark), ZIP_CODE (an area, like a
# UK postcode: advice at most, and flagged only with a state or street), DOMAIN_NAME, IP_ADDRESS and
# US_DRIVER_LICENSE (too few and too shapeless here to find without false alarms; listed for recall).
HERALD_PII = {"PHONE_NUMBER", "EMAIL_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "STREET_ADDRESS", "ADDRESS", "US_SSN"}
REPORTED_ONLY = {"ZIP_CODE", "IP_ADDRESS", "US_DRIVER_LICENSE", "DATE_TIME", "PERSON"}


def score(name: str, pairs: list[tuple[bool, bool]]) -> None:
    tp = sum(a and p for a, p in pairs)
    fp = sum(p and not a for a, p in pairs)
    fn = sum(a and not p for a, p in pairs)
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    print(f"  {name:34} n={len(pairs):6}  positives={tp + fn:5}  precision={precision:.3f}  recall={recall:.3f}")


def categories(text: str, context: Context, kind: str = "post") -> set[str]:
    return {f.category for f in check(Draft(text=text, kind=kind), context).findings}


def recall_line(name: str, rows: list[tuple[bool, bool]]) -> None:
    hits = sum(p for _, p in rows)
    print(f"  {name:34} n={len(rows):6}  flagged={hits / len(rows) if rows else float('nan'):.3f}")


def davidson(folder: Path) -> None:
    """Davidson by class: hate (0), offensive (1), neither (2: the share flagged is the false-alarm rate,
    though many "neither" tweets hold slurs or swearing). "rules only" leaves out the profanity model,
    which was trained partly on this data; it is the fairer guide to unseen text. Even rows (half A)
    were read while extending the word lists and patterns; odd rows (half B) were not looked at."""
    path = folder / "davidson2017" / "data_labeled_data.csv"
    if not path.exists():
        print("davidson2017: not found")
        return
    context = Context(account="official")
    pairs, rules_only, with_ours = [], [], []
    by_class: dict[tuple[str, str], list[tuple[bool, bool]]] = defaultdict(list)
    for index, row in enumerate(csv.DictReader(path.open(encoding="utf-8"))):
        actual = row["class"] in ("0", "1")
        found = [
            f for f in check(Draft(text=row["tweet"], kind="comment"), context).findings if f.category == "offensive"
        ]
        flagged = bool(found)
        by_rules = any(f.rule not in ("offensive-model", "abuse-model") for f in found)
        pairs.append((actual, flagged))
        rules_only.append((actual, by_rules))
        with_ours.append((actual, any(f.rule != "offensive-model" for f in found)))
        half = "B" if index % 2 else "A"
        for key in ((row["class"], "all"), (row["class"], half)):
            by_class[key].append((actual, flagged))
            by_class[key + ("rules",)].append((actual, by_rules))  # type: ignore[operator]
    print("Davidson et al. 2017 (offensive; in-sample for the model):")
    score("offensive", pairs)
    score("offensive, rules only (no models)", rules_only)
    # Herald's own classifier was never trained on Davidson; it is asked only where the rules and
    # alt-profanity-check found nothing, so this line is a lower bound for it.
    score("offensive, rules + Herald's classifier", with_ours)
    names = {"0": "hate", "1": "offensive", "2": "neither"}
    for cls in ("0", "1", "2"):
        for half in ("all", "A", "B"):
            recall_line(f"  {names[cls]:9} half {half:3}", by_class[(cls, half)])
            recall_line(f"  {names[cls]:9} half {half:3} rules only", by_class[(cls, half, "rules")])


def presidio(folder: Path, name: str = "synth_dataset_v2.json") -> None:
    path = folder / "presidio-research" / name
    if not path.exists():
        print(f"presidio-research {name}: not found")
        return
    context = Context(account="official")
    pairs = []
    per_type: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    per_rule: dict[str, int] = defaultdict(int)
    false_alarms: dict[str, int] = defaultdict(int)
    on_other: dict[str, int] = defaultdict(int)
    for item in json.loads(path.read_text(encoding="utf-8")):
        text = item["full_text"]
        findings = [
            f for f in check(Draft(text=text, kind="comment"), context).findings if f.category == "personal_data"
        ]
        spans = [s for s in item["spans"] if s["entity_type"] in HERALD_PII]
        pairs.append((bool(spans), bool(findings)))
        for f in findings:
            per_rule[f.rule] += 1
            # a finding that overlaps no labelled span of a type Herald looks for
            if f.start is not None and not any(
                f.start < s["end_position"] and s["start_position"] < f.end for s in spans
            ):
                false_alarms[f.rule] += 1
                # ...but lies on a span of a type not counted here (a date of birth labelled DATE_TIME, a ZIP_CODE)
                if any(f.start < s["end_position"] and s["start_position"] < f.end for s in item["spans"]):
                    on_other[f.rule] += 1
        for span in item["spans"]:
            if span["entity_type"] in HERALD_PII | REPORTED_ONLY:
                hit = any(
                    f.start is not None and f.start < span["end_position"] and span["start_position"] < f.end
                    for f in findings
                )
                per_type[span["entity_type"]].append((True, hit))
    print(f"presidio-research {name} (personal_data, text level; US/international in flavour):")
    score("personal_data", pairs)
    for entity, rows in sorted(per_type.items()):
        flag = (
            "" if entity in HERALD_PII else " (only dates of birth)" if entity == "DATE_TIME" else " (not looked for)"
        )
        recall = sum(p for _, p in rows) / len(rows)
        print(f"    span recall {entity + flag:30} n={len(rows):5}  recall={recall:.3f}")
    print(
        "    findings per rule (of which overlap no labelled span of those types; of those, on a span of another type): "
        + ", ".join(f"{r} {n} ({false_alarms[r]}; {on_other[r]})" for r, n in sorted(per_rule.items()))
    )


FIRST = ["Amy", "Ben", "Chloe", "Dev", "Ella", "Farhan", "Grace", "Harry", "Isla", "Jack"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
STREETS = ["Station", "Church", "Mill", "Oak", "Victoria", "Albert", "Queens", "Manor", "Park View", "Bosworth"]
TYPES = ["Road", "Street", "Lane", "Avenue", "Close", "Drive", "Crescent", "Way"]
SURNAMES_AS_STREETS = ["Kessler", "Okafor", "Lindqvist", "Moreau", "Haddad"]
US_TYPES = ["Freeway", "Glen", "Village", "Forge", "Estates", "Crossing", "Ridge"]
LAST = ["Patel", "Smith", "Jones", "Khan", "Taylor", "Brown", "Wilson", "Evans", "Hughes", "Clarke"]


def uk_set(rng: random.Random) -> list[tuple[str, str, bool, Context]]:
    official = Context(
        account="official",
        pre_election=True,
        councillors=[Councillor("Stuart Bray", "Liberal Democrat")],
        allowed_contacts=AllowedContacts(
            phones=("01455 238141",), addresses=("Hinckley Hub, Rugby Road, Hinckley LE10 0FR",)
        ),
    )
    x = random.Random(rng.getstate()[1][0] + 1)  # seeded from the main generator without drawing from it
    rows: list[tuple[str, str, bool, Context]] = []
    for _ in range(150):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        mobile = f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
        positives = [
            ("personal_data", f"Contact {name} on {mobile} about the lost dog"),
            (
                "personal_data",
                f"Ring +44 7{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)} after 6",
            ),
            ("personal_data", f"Email {name.split()[0].lower()}.{rng.randint(1, 99)}@gmail.com for tickets"),
            ("personal_data", f"NI number QQ {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} C"),
            (
                "personal_data",
                f"{name} lives at {rng.randint(1, 200)} Station Road, Hinckley LE10 {rng.randint(1, 9)}AB",
            ),
            ("personal_data", f"{name}, DOB {rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(1940, 2005)}"),
            # formats added in the second recall round (their own generator, so the draws above are unchanged)
            (
                "personal_data",
                f"{name} was born on the {x.randint(1, 28)}th of {x.choice(MONTHS)} {x.randint(1940, 2005)}",
            ),
            (
                "personal_data",
                f"Please tell me your date of birth. It's {x.randint(1, 28)} {x.choice(MONTHS)[:3]} {x.randint(1940, 2005)}",
            ),
            (
                "personal_data",
                f"NI: {x.choice(['QQ', 'AB', 'JK'])} {x.randint(100, 999)} {x.randint(100, 999)} {x.choice('ABCD')}",
            ),
            (
                "personal_data",
                f"Send it to Flat {x.randint(1, 30)}, {x.randint(1, 200)} {x.choice(STREETS)} {x.choice(TYPES)}, Hinckley",
            ),
            (
                "personal_data",
                f"{name}\n{x.randint(1, 200)} {x.choice(STREETS)} {x.choice(TYPES)}\nApt {x.randint(1, 99)}\nLeicester\nLE{x.randint(1, 19)} {x.randint(1, 9)}AB",
            ),
            ("personal_data", f"I live at {x.randint(1, 200)} {x.choice(STREETS).lower()} {x.choice(TYPES).lower()}"),
            ("personal_data", f"Write to PO Box {x.randint(10, 9999)}, Leicester LE1 {x.randint(1, 9)}ZZ"),
            (
                "personal_data",
                f"Her address: {x.choice(STREETS).split()[0]}strasse {x.randint(1, 99)}, {x.randint(10000, 99999)} Berlin",
            ),
            (
                "personal_data",
                f"Lives at {x.randint(1000, 99999)} {x.choice(SURNAMES_AS_STREETS)} {x.choice(US_TYPES)}, Apt. {x.randint(1, 999)}",
            ),
            (
                "political",
                rng.choice(
                    [
                        "Vote Labour on Thursday!",
                        "Re-elect Cllr Bray",
                        "Out canvassing with our candidate",
                        "The Tories want to close the library",
                        "Stuart Bray says the plan is a disaster",
                    ]
                ),
            ),
            ("defamation", f"{name} is a liar and a fraud"),
            ("defamation", f"{name} has been charged with theft and we all know he did it"),
            (
                "offensive",
                rng.choice(
                    [
                        "what a load of shit",
                        "f*ck the council",
                        "you are a useless idiot",
                        "I know where you live",
                        "go back to your own country",
                        "sh1t service again",
                    ]
                ),
            ),
            (
                "confidentiality",
                rng.choice(
                    [
                        "CONFIDENTIAL: draft budget figures",
                        "Appendix is exempt under Schedule 12A",
                        "Not for publication until Cabinet",
                        "Part II item on the depot sale",
                    ]
                ),
            ),
        ]
        traps = [
            ("personal_data", f"Call the council on 01455 238141 or visit {rng.randint(2020, 2026)} events page"),
            (
                "personal_data",
                f"The budget is £{rng.randint(1, 9)},{rng.randint(100, 999)},{rng.randint(100, 999)} for 2026/27",
            ),
            (
                "personal_data",
                f"Join our {x.randint(2, 10)} Mile Walk on {x.choice(MONTHS)} {x.randint(1, 28)}, Hinckley",
            ),
            (
                "personal_data",
                f"Phase {x.randint(1, 5)} Unit {x.randint(1, 20)} opens in {x.choice(MONTHS)} {x.randint(2025, 2027)}",
            ),
            ("personal_data", f"Proof of date of birth is needed. Apply by {x.randint(1, 28)}/{x.randint(1, 12)}/2026"),
            (
                "personal_data",
                f"Happy {x.randint(18, 100)}th birthday! The party is on {x.randint(1, 28)} {x.choice(MONTHS)} 2026 at 7pm",
            ),
            (
                "personal_data",
                f"Visit us at Hinckley Hub, Rugby Road, Hinckley LE10 0FR, open 9am to {x.randint(4, 6)}pm",
            ),
            ("personal_data", f"In {x.randint(2019, 2025)} Olympic Park hosted {x.randint(2, 9)} events"),
            ("personal_data", f"Top {x.randint(3, 10)} Country Parks, Leicester {x.randint(2024, 2026)} guide"),
            (
                "political",
                rng.choice(
                    [
                        "Register to vote by 16 April.",
                        "Polling stations open 7am to 10pm.",
                        "Apply for a postal vote by 5pm on 17 April.",
                        "The notice of election is published.",
                    ]
                ),
            ),
            (
                "defamation",
                rng.choice(
                    [
                        "Report fraud to Action Fraud.",
                        "Beware of scam calls this winter.",
                        "A man has been charged with theft, police said.",
                    ]
                ),
            ),
            (
                "offensive",
                rng.choice(
                    [
                        "Welcome to Scunthorpe",
                        "Class assessments start Monday",
                        "We will beat our target",
                        "Cocktail night at the museum",
                        "Dick Whittington panto tickets on sale",
                    ]
                ),
            ),
            (
                "confidentiality",
                rng.choice(
                    [
                        "Call our confidential helpline",
                        "Your details are kept confidential",
                        "Part 2 of the consultation opens",
                    ]
                ),
            ),
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


_COMMENT_CONTEXT = Context(account="official")


def offensive_flagged(text: str) -> bool:
    """Whether an incoming comment on an official page gets an offensive finding stronger than mild-profanity."""
    found = {
        f.rule for f in check(Draft(text=text, kind="comment"), _COMMENT_CONTEXT).findings if f.category == "offensive"
    }
    return bool(found - {"mild-profanity"})


def tsv_rows(path: Path) -> list[list[str]]:
    """The rows of a tab-separated labelled set, without its "#" comment lines and its header."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def labelled_comments() -> None:
    """The hand-labelled comment sets in herald/checks/tests/data (council-page comments, OLID-style
    tweets, news-site and HateXplain-style posts). offensive_cases.tsv was written before the second
    offensive round and then used while writing rules (fitted); offensive_holdout.tsv was written
    after the main changes, so its first run was the unseen figure (docs/checks.md); offensive_round3.tsv
    was written during the third round (its last batch before its first run). Rows marked "m"
    may get mild-profanity advice at most and are scored as negatives for the stronger findings."""
    folder = Path(__file__).resolve().parents[1] / "herald" / "checks" / "tests" / "data"
    print("hand-labelled comments (offensive other than mild-profanity; incoming comments on an official page):")
    for name in ("offensive_cases.tsv", "offensive_holdout.tsv", "offensive_round3.tsv"):
        score(name, [(expected == "1", offensive_flagged(text)) for expected, _kind, text in tsv_rows(folder / name)])
    # round five's development set for the rules (veiled threats, figurative insults): fitted, not unseen
    round5 = Path(__file__).resolve().parent / "data" / "offensive_round5.tsv"
    score(round5.name, [(expected == "1", offensive_flagged(text)) for expected, _kind, text in tsv_rows(round5)])


def council_comments() -> None:
    """bench/data/council_comments.tsv: the team's council-style comments that set the classifier's comment
    threshold (bench/abuse_combine.py), so a threshold-setting figure, never a test one; the count of
    fair comments flagged is the false-alarm figure to watch."""
    rows = tsv_rows(Path(__file__).resolve().parent / "data" / "council_comments.tsv")
    pairs = [(label == "1", offensive_flagged(text)) for label, _source, text in rows]
    print("council-style comments (threshold set; incoming comments on an official page):")
    score("council_comments.tsv", pairs)
    fair = [flagged for actual, flagged in pairs if not actual]
    print(f"  fair comments flagged: {sum(fair)} of {len(fair)}")


def blind_offensive2() -> None:
    """bench/data/blind_offensive2.tsv: a second blind set by another writer (Jigsaw talk pages, Reddit,
    YouTube, Nextdoor, tweets), written after the third offensive round; its first run was unseen, and
    one change followed reading half of it (bench/data/README.md)."""
    print("second blind offensive set (unseen; incoming comments on an official page):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive2.tsv", halves=False)


def blind_offensive3() -> None:
    """bench/data/blind_offensive3.tsv: a third blind set by a writer who never saw the rules, the engine
    or the other sets (council Facebook, replies to councillors on X, Nextdoor, YouTube, Instagram, emails
    to the council), written on 2026-12-06 while the round-five rules were being written, and run only
    before and after them."""
    print("third blind offensive set (unseen; incoming comments on an official page):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive3.tsv", halves=False)


def blind_offensive4() -> None:
    """bench/data/blind_offensive4.tsv: a fourth blind set by a writer who never saw the rules, the engine
    or the other sets (eight kinds of council social media and email), written on 2026-12-06 before round
    six; run only before and after round six's training data and rules, and never read by anyone
    working on them."""
    print("fourth blind offensive set (unseen when first run; incoming comments on an official page):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive4.tsv", halves=False)


def blind_offensive5() -> None:
    """bench/data/blind_offensive5.tsv: a fifth blind set (400 texts, eight sources, 160 offensive) by a
    writer who saw nothing of the engine, its output or the other sets, written on 2026-12-06 before round
    seven; run by the lead only before and after round seven. A development set since round ten, whose
    misses and false alarms were read for error analysis (docs/checks.md, "Round ten")."""
    print("fifth blind offensive set (development since round ten; incoming comments on an official page):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive5.tsv", halves=False)


def blind_offensive6() -> None:
    """bench/data/blind_offensive6.tsv: a sixth blind set (400 texts, eight sources, 160 offensive) by a
    writer who saw nothing of the engine, its output or the other sets, written on 2026-12-06 before round
    eight; run by the lead only, with ``--only blind6``, before and after round eight. A development set
    since round ten (its errors were read), so scored with the rest."""
    print("sixth blind offensive set (development since round ten; incoming comments on an official page):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive6.tsv", halves=False)


def blind_offensive7() -> None:
    """bench/data/blind_offensive7.tsv: a seventh blind set (400 texts, eight sources, 160 offensive) by a
    writer who saw nothing of the engine, its output or the other sets, written on 2026-12-06 before round
    nine; run by the lead only, with ``--only blind7``, before and after round nine. A development set
    since round ten (its errors were read), so scored with the rest."""
    print("seventh blind offensive set (development since round ten; incoming comments on an official page):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive7.tsv", halves=False)


def blind_offensive8() -> None:
    """bench/data/blind_offensive8.tsv: an eighth blind set (400 texts, eight sources, 160 offensive) by a
    writer who saw nothing of the engine or its output (the sixth and seventh sets read for their format
    only), written on 2026-12-06 blind before round ten; run by the lead only, with ``--only blind8``, once
    before and once after round ten. Never part of the default run."""
    print("eighth blind offensive set (unseen; incoming comments on an official page):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive8.tsv", halves=False)


def blind_offensive9() -> None:
    """bench/data/blind_offensive9.tsv: a ninth blind set (400 texts, eight sources, 160 offensive) by a
    writer who saw nothing of the engine, its output or the other sets (the eighth read for its format
    only), written on 2026-12-07 before round eleven; run by the lead only, with ``--only blind9``, once
    before and once after round eleven. Never part of the default run."""
    print("ninth blind offensive set (unseen; incoming comments on an official page):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive9.tsv", halves=False)


def blind_offensive10() -> None:
    """bench/data/blind_offensive10.tsv: a tenth blind set (400 texts, eight sources, 160 offensive) by a
    writer who saw nothing of the engine, its output or the other sets (the ninth read for its format
    and its source and label values only), written on 2026-12-07 before round twelve; run by the lead
    only, with ``--only blind10``, once before and once after round twelve. Never part of the default run."""
    print("tenth blind offensive set (unseen; incoming comments on an official page):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive10.tsv", halves=False)


def blind_offensive() -> None:
    """bench/data/blind_offensive.tsv: written for Herald by someone who never saw the rules (OLID,
    Civil Comments, HateXplain, UK council and UK Twitter styles; bench/data/README.md). Half A (even
    rows) was then used to improve the rules; half B (odd rows) was kept unseen: its figures are the
    honest ones for text the rules were not written against."""
    print("blind offensive set (incoming comments on an official page; offensive other than mild-profanity):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive.tsv", halves=True)


def blind_offensive11() -> None:
    """bench/data/blind_offensive11.tsv: an eleventh blind set (400 texts, eight sources, 160 offensive) by a
    writer who saw nothing of the engine, its output or the other sets, written on 2026-12-07 before round
    thirteen; run by the lead only (from outside the repository with ``--blind-file`` before and after round
    thirteen, then with ``--only blind11``). Never part of the default run."""
    print("eleventh blind offensive set (unseen; incoming comments on an official page):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive11.tsv", halves=False)


def blind_offensive12() -> None:
    """bench/data/blind_offensive12.tsv: a twelfth blind set (400 texts, eight sources, 160 offensive) by a
    writer who saw nothing of the engine, its output or the other sets, written on 2026-12-07 before round
    fifteen; scored by the lead only (from outside the repository with ``--blind-file``) before and after
    rounds fifteen and sixteen, then committed. Never part of the default run."""
    print("twelfth blind offensive set (incoming comments on an official page):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive12.tsv", halves=False)


def blind_offensive13() -> None:
    """bench/data/blind_offensive13.tsv: a thirteenth blind set (400 texts, eight sources, 160 offensive) by a
    writer who read nothing of the repository, written on 2026-12-07 before abuse round seventeen and the
    precision round; scored by the lead only (from outside the repository with ``--blind-file``) before and
    after them, then committed. Never part of the default run."""
    print("thirteenth blind offensive set (incoming comments on an official page):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive13.tsv", halves=False)


def blind_offensive14() -> None:
    """bench/data/blind_offensive14.tsv: a fourteenth blind set (400 texts, eight sources, 160 offensive) by a
    writer who read nothing of the repository, written on 2026-12-07 before abuse round eighteen; scored by the
    lead only (from outside the repository with ``--blind-file``) before and after it, then committed. Never part
    of the default run."""
    print("fourteenth blind offensive set (incoming comments on an official page):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive14.tsv", halves=False)


def blind_offensive15() -> None:
    """bench/data/blind_offensive15.tsv: a fifteenth blind set (400 texts, eight sources, 160 offensive) by a
    writer who read nothing of the repository, written on 2026-12-07 before abuse round nineteen; scored by the
    lead only (from outside the repository with ``--blind-file``) before and after it, then committed. Never part
    of the default run."""
    print("fifteenth blind offensive set (incoming comments on an official page):")
    blind_offensive_scores(Path(__file__).resolve().parent / "data" / "blind_offensive15.tsv", halves=False)


def blind_offensive_scores(path: Path, *, halves: bool) -> None:
    """Precision and recall of a blind set (label, source, text) in all, per half if asked, and per source."""
    groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    sources: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for index, (label, source, text) in enumerate(tsv_rows(path)):
        pair = (label == "1", offensive_flagged(text))
        groups["all"].append(pair)
        if halves:
            groups["half A (used to improve the rules)" if index % 2 == 0 else "half B (held out)"].append(pair)
        sources[source].append(pair)
    for name, pairs in groups.items():
        score(name, pairs)
    for name, pairs in sorted(sources.items()):
        score("  source " + name, pairs)


def blind_pii() -> None:
    """bench/data/blind_pii.jsonl: 500 texts written for Herald by someone who never saw the rules
    (resident comments, staff posts, synthetic forms, international formats; 35% hard negatives).
    Half A (even rows) was then used to improve the rules; half B (odd rows) was kept unseen. A text is
    positive when it holds a span of a type Herald flags (names are labelled but not looked for)."""
    path = Path(__file__).resolve().parent / "data" / "blind_pii.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    looked_for = {"PHONE", "EMAIL", "UK_POSTCODE", "ADDRESS", "NI_NUMBER", "NHS_NUMBER", "BANK", "CARD", "DOB"}
    context = Context(account="official")
    print("blind personal-data set (official posts; text level, then span recall per type):")
    halves: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    spans: dict[str, list[bool]] = defaultdict(list)
    outside = 0
    for index, row in enumerate(rows):
        text = row["text"]
        found = [f for f in check(Draft(text=text), context).findings if f.category == "personal_data"]
        labelled = [s for s in row["spans"] if s["type"] in looked_for]
        pair = (bool(labelled), bool(found))
        halves["all"].append(pair)
        halves["half A (used to improve the rules)" if index % 2 == 0 else "half B (held out)"].append(pair)
        for span in labelled:
            spans[span["type"]].append(
                any(f.start is not None and f.start < span["end"] and span["start"] < f.end for f in found)
            )
        outside += sum(
            1
            for f in found
            if f.start is not None and not any(f.start < s["end"] and s["start"] < f.end for s in labelled)
        )
    for name, pairs in halves.items():
        score(name, pairs)
    for kind, hits in sorted(spans.items()):
        print(f"    span recall {kind:30} n={len(hits):5}  recall={sum(hits) / len(hits):.3f}")
    print(f"    findings on no labelled span: {outside}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    parser.add_argument("--seed", type=int, default=20261124)
    parser.add_argument(
        "--only-offensive", action="store_true", help="only the offensive sets (labelled, blind, council, Davidson)"
    )
    parser.add_argument(
        "--only",
        choices=[
            "blind5",
            "blind6",
            "blind7",
            "blind8",
            "blind9",
            "blind10",
            "blind11",
            "blind12",
            "blind13",
            "blind14",
            "blind15",
        ],
        help="score one set alone (an unseen one, without reading the rest)",
    )
    parser.add_argument(
        "--blind-file",
        type=Path,
        help="score one blind offensive set kept outside the repository until its round is over "
        "(label, source, text; e.g. /work/heldout/blind_offensive11.tsv), without reading the rest",
    )
    parser.add_argument(
        "--development",
        action="store_true",
        help="leave out the sets still unseen (none of blind_offensive.tsv to blind_offensive7.tsv is, since round ten)",
    )
    args = parser.parse_args()
    if args.blind_file:
        print(f"blind offensive set {args.blind_file} (unseen; incoming comments on an official page):")
        blind_offensive_scores(args.blind_file, halves=False)
        return
    if args.only:
        {
            "blind5": blind_offensive5,
            "blind6": blind_offensive6,
            "blind7": blind_offensive7,
            "blind8": blind_offensive8,
            "blind9": blind_offensive9,
            "blind10": blind_offensive10,
            "blind11": blind_offensive11,
            "blind12": blind_offensive12,
            "blind13": blind_offensive13,
            "blind14": blind_offensive14,
            "blind15": blind_offensive15,
        }[args.only]()
        return
    folder = Path(args.data)
    if not args.only_offensive:
        uk(args.seed)
        presidio(folder)
        presidio(folder, "generated_small.json")
    labelled_comments()
    council_comments()
    if not args.only_offensive:
        blind_pii()
    blind_offensive()
    blind_offensive2()
    blind_offensive3()
    blind_offensive4()
    # The fifth to seventh sets are development sets since round ten (their errors were read): scored with
    # the rest, with or without --development.
    blind_offensive5()
    blind_offensive6()
    blind_offensive7()
    davidson(folder)


if __name__ == "__main__":
    main()
