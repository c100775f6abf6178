"""Split a collection written by `bench/collect_council.py` into two halves by the first letter of each text's
source (party group or candidate) or council, so rules can be written from one half and checked on the other.

    .venv/bin/python bench/party_split_by_name.py --texts /work/data-party13 --fit A-F --check G-L

Writes `fit/` and `check/` inside `--texts`, each with the three files `bench/party_engine.py` reads
(`party_modern_texts.jsonl`, `council_texts.jsonl`, `council_short_texts.jsonl`). A name is filed by its first
letter, case-folded; a text whose letter is in neither range is left out (and counted).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

FILES = ("party_modern_texts.jsonl", "council_texts.jsonl", "council_short_texts.jsonl")


def letters(span: str) -> set[str]:
    first, _, last = span.upper().partition("-")
    return {chr(c) for c in range(ord(first), ord(last or first) + 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument("--fit", default="A-F")
    parser.add_argument("--check", default="G-L")
    args = parser.parse_args()
    halves = {"fit": letters(args.fit), "check": letters(args.check)}
    for half in halves:
        (args.texts / half).mkdir(exist_ok=True)
    for name in FILES:
        rows = [json.loads(line) for line in (args.texts / name).read_text(encoding="utf-8").splitlines() if line]
        counts = {half: 0 for half in halves} | {"neither": 0}
        out: dict[str, list[str]] = {half: [] for half in halves}
        for row in rows:
            first = str(row.get("source") or row.get("council") or "?")[:1].upper()
            half = next((h for h, span in halves.items() if first in span), "neither")
            counts[half] += 1
            if half != "neither":
                out[half].append(json.dumps(row, ensure_ascii=False))
        for half, lines in out.items():
            (args.texts / half / name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(name, counts)


if __name__ == "__main__":
    main()
