"""Bookkeeping for the party-promotion model's third-party text: turns what was collected into the files
`bench/train_party.py` reads, and writes the manifests that are committed in their place.

    .venv/bin/python bench/collect_council.py [--collected /work/data-council/collected.tsv] [--date 2026-12-06]
        [--out DIR] [--suffix 2]

The collected file (kept outside the repository, like the texts it makes) has one text a line, five
tab-separated fields: kind, topic, source, url, text. Kind is `P` (a paragraph of a council page, trimmed
to whole sentences), `S` (a short council text, 8-40 words: a page's headline with its first sentence, or
one line of it as written), `M` (a modern party-political text from a party, candidate or
councillor-group page: the held-out set, never used in training) or `T` (modern party-political text
of the same kinds, 2010 onwards, for training: the party side beside the manifesto sentences). Topic is
what the page is about (for `M` and `T`, the party or `independent`); source is the council (or, for `M`
and `T`, the party group or candidate).

Writes, next to the collected file (or in `--out DIR`):

- `council_texts.jsonl` (the paragraphs) and `council_short_texts.jsonl` (the short texts, topics
  `short-…`), one JSON object a line (`url`, `council`, `topic`, `collected`, `text`, `sha256`,
  `characters`), the format `bench/train_party.py` reads;
- `party_modern_texts.jsonl` (`url`, `source`, `party`, `collected`, `text`, `sha256`, `characters`);
- `party_train_texts.jsonl` (kind `T`, the same fields);

and in the repository `bench/data/council_texts_manifest.csv` (both council kinds),
`bench/data/party_modern_manifest.csv` and `bench/data/party_train_manifest.csv`: each text's address,
source, topic, date, sha256 and length, never the text. A manifest is rewritten only when the collected
file has texts of its kinds, so a collection of training text alone leaves the held-out set's manifest
as it is. Whitespace is collapsed to single spaces; a text seen twice is kept once.

A later, separate collection is written beside the first without touching it: `--suffix 2` names the
manifests `bench/data/council_texts2_manifest.csv` and `bench/data/party_modern2_manifest.csv`, and
`--out /work/data-party2` puts its `.jsonl` files in their own directory (the file names stay the same).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path("/work/data-council")
COUNCIL_MANIFEST = ROOT / "bench" / "data" / "council_texts_manifest.csv"
PARTY_MANIFEST = ROOT / "bench" / "data" / "party_modern_manifest.csv"
TRAIN_MANIFEST = ROOT / "bench" / "data" / "party_train_manifest.csv"
KINDS = {
    "P": "council_texts.jsonl",
    "S": "council_short_texts.jsonl",
    "M": "party_modern_texts.jsonl",
    "T": "party_train_texts.jsonl",
}
PARTY_KINDS = ("M", "T")
PARTY_FIELDS = ("url", "source", "party", "collected", "sha256", "characters")
_WORD = re.compile(r"[A-Za-z0-9£'’-]+")


def held_out_urls(suffix: str) -> set[str]:
    """Addresses of the second, unseen set (`…2_manifest.csv`, the url column only): a page listed there is
    never collected into the first set or into training text."""
    if suffix:
        return set()
    found: set[str] = set()
    for name in ("council_texts2_manifest.csv", "party_modern2_manifest.csv"):
        path = ROOT / "bench" / "data" / name
        if path.exists():
            with open(path, encoding="utf-8", newline="") as handle:
                found |= {row["url"] for row in csv.DictReader(handle)}
    return found


def read_collected(path: Path, collected: str, excluded: set[str] = frozenset()) -> dict[str, list[dict[str, object]]]:  # type: ignore[assignment]
    out: dict[str, list[dict[str, object]]] = {kind: [] for kind in KINDS}
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 5 or fields[0] not in KINDS:
            raise SystemExit(f"{path}:{number}: expected kind, topic, source, url, text separated by tabs")
        kind, topic, source, url, text = (f.strip() for f in fields)
        text = " ".join(text.split())
        words = len(_WORD.findall(text))
        if kind == "S" and not 8 <= words <= 40:
            raise SystemExit(f"{path}:{number}: a short text has 8-40 words, this has {words}: {text!r}")
        if not url.startswith(("http://", "https://")) or not text:
            raise SystemExit(f"{path}:{number}: no address or no text")
        if url in excluded:
            raise SystemExit(f"{path}:{number}: {url} is in the second, unseen set's manifests: not collected")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        row: dict[str, object] = {"url": url}
        if kind in PARTY_KINDS:
            row.update(source=source, party=topic)
        else:
            row.update(council=source, topic=f"short-{topic}" if kind == "S" else topic)
        row.update(collected=collected, text=text, sha256=digest, characters=len(text))
        out[kind].append(row)
    return out


def manifest_paths(suffix: str) -> tuple[Path, Path, Path]:
    """The council, held-out party and training party manifests for a collection: the first set's without a
    suffix, `…2_manifest.csv` for `--suffix 2`."""
    if not suffix:
        return COUNCIL_MANIFEST, PARTY_MANIFEST, TRAIN_MANIFEST
    if not suffix.isalnum():
        raise SystemExit(f"--suffix takes letters and digits only, not {suffix!r}")
    data = ROOT / "bench" / "data"
    return (
        data / f"council_texts{suffix}_manifest.csv",
        data / f"party_modern{suffix}_manifest.csv",
        data / f"party_train{suffix}_manifest.csv",
    )


def write_manifest(path: Path, fields: tuple[str, ...], rows: list[dict[str, object]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(fields)
        for row in rows:
            writer.writerow([row[k] for k in fields])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collected", type=Path, default=DATA_DIR / "collected.tsv")
    parser.add_argument("--date", default="2026-12-06", help="the collection date written to each row")
    parser.add_argument("--out", type=Path, help="where the .jsonl files go (default: beside --collected)")
    parser.add_argument("--suffix", default="", help="manifests named …<suffix>_manifest.csv, e.g. 2 for a second set")
    args = parser.parse_args()
    council_manifest, party_manifest, train_manifest = manifest_paths(args.suffix)
    out_dir = args.out if args.out is not None else args.collected.parent
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = read_collected(args.collected, args.date, held_out_urls(args.suffix))
    written = []
    for kind, name in KINDS.items():
        if not rows[kind]:
            continue  # a kind not collected this time: its file and manifest are left as they are
        with open(out_dir / name, "w", encoding="utf-8") as handle:
            for row in rows[kind]:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        written.append(name)
    manifests = [
        (council_manifest, ("url", "council", "topic", "collected", "sha256", "characters"), rows["P"] + rows["S"]),
        (party_manifest, PARTY_FIELDS, rows["M"]),
        (train_manifest, PARTY_FIELDS, rows["T"]),
    ]
    for path, fields, kind_rows in manifests:
        if kind_rows:
            write_manifest(path, fields, kind_rows)
    council = rows["P"] + rows["S"]
    councils = Counter(str(r["council"]) for r in council)
    topics = Counter(str(r["topic"]).removeprefix("short-") for r in council)
    print(f"council texts: {len(rows['P'])} paragraphs + {len(rows['S'])} short = {len(council)}"
          f" from {len(councils)} councils ({len({str(r['council']) for r in rows['S']})} with short texts)")  # fmt: skip
    print(f"  topics: {dict(topics.most_common())}")
    for kind, label in (("M", "modern party texts (held out)"), ("T", "modern party texts for training")):
        parties = Counter(str(r["party"]) for r in rows[kind])
        print(f"{label}: {len(rows[kind])} from {len({str(r['source']) for r in rows[kind]})} sources"
              f" {dict(parties.most_common())}")  # fmt: skip
    done = [str(path.relative_to(ROOT)) for path, _, kind_rows in manifests if kind_rows]
    print(f"wrote {', '.join(written)} in {out_dir}; {', '.join(done)}")


if __name__ == "__main__":
    sys.exit(main())
