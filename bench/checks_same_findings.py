"""Write every finding one copy of the engine gives on the bench corpus and on every labelled text in
the repository (checked as a comment and as a post), through ``check_many`` and, for every third
draft, ``check``: two copies give the same findings exactly when the files are equal.

    git archive <commit> herald/__init__.py herald/checks | tar -x -C /tmp/engine_old
    .venv/bin/python bench/checks_same_findings.py /tmp/engine_old /tmp/findings_old.txt
    .venv/bin/python bench/checks_same_findings.py . /tmp/findings_new.txt
    cmp /tmp/findings_old.txt /tmp/findings_new.txt

A labelled file named after ``--without`` is left out (``--without blind_offensive8.tsv``: a held-out
set that the helper comparing must not run).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

WITHOUT = set(sys.argv[sys.argv.index("--without") + 1].split(",")) if "--without" in sys.argv else set()
if WITHOUT:
    del sys.argv[sys.argv.index("--without") : sys.argv.index("--without") + 2]
ROOT = str(Path(sys.argv[1]).resolve())
HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, ROOT)
sys.path.insert(0, str(HERE / "bench"))

import herald.checks  # noqa: E402

assert herald.checks.__file__.startswith(ROOT), herald.checks.__file__

import checks as bench  # noqa: E402  (bench/checks.py: the corpus and context)

from herald.checks import Draft, check, check_many  # noqa: E402


def main() -> None:
    drafts = bench.corpus(10000)
    ctx = bench.context()
    texts = []
    for path in sorted((HERE / "herald/checks/tests/data").glob("*.tsv")) + sorted((HERE / "bench/data").glob("*.tsv")):
        if path.name in WITHOUT:
            continue
        rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        texts += [row[-1] for row in csv.reader(rows, delimiter="\t")]
    lines = (HERE / "bench/data/blind_pii.jsonl").read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in lines]
    drafts += [Draft(text=text, kind=kind) for text in texts for kind in ("comment", "post")]
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        found = 0
        for report in check_many(drafts, ctx):
            out.write(repr(report.findings) + "\n")
            found += len(report.findings)
        for draft in drafts[::3]:
            out.write(repr(check(draft, ctx).findings) + "\n")
    print(f"{len(drafts)} drafts, {found} findings (check_many) written to {sys.argv[2]}")


if __name__ == "__main__":
    main()
