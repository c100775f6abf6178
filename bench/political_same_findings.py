"""Write the political findings (rule, severity, span) one copy of the engine gives on every labelled text
in the repository, as an official post in a pre-election period and outside one, with a register of two
councillors: `bench/checks_same_findings.py` runs no pre-election context, so party rules are compared
here. Two copies give the same political findings exactly when the files are equal.

    git archive <commit> herald/__init__.py herald/checks | tar -x -C /tmp/engine_old
    .venv/bin/python bench/political_same_findings.py /tmp/engine_old /tmp/political_old.txt
    .venv/bin/python bench/political_same_findings.py . /tmp/political_new.txt
    diff /tmp/political_old.txt /tmp/political_new.txt
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = str(Path(sys.argv[1]).resolve())
HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, ROOT)

import herald.checks  # noqa: E402

assert herald.checks.__file__.startswith(ROOT), herald.checks.__file__

from herald.checks import Context, Councillor, Draft, check  # noqa: E402

REGISTER = (
    Councillor("Stuart Bray", "Liberal Democrat", "Burbage"),
    Councillor("Amanda Wright", "Conservative", "Barwell"),
)


def main() -> None:
    texts = []
    for path in sorted((HERE / "herald/checks/tests/data").glob("*.tsv")) + sorted((HERE / "bench/data").glob("*.tsv")):
        rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        texts += [row[-1] for row in csv.reader(rows, delimiter="\t")]
    lines = (HERE / "bench/data/blind_pii.jsonl").read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in lines]
    flagged = 0
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for pre_election in (True, False):
            context = Context(account="official", role="editor", councillors=REGISTER, pre_election=pre_election)
            for text in texts:
                found = [
                    (f.rule, f.severity, f.start, f.end)
                    for f in check(Draft(text=text, platform="facebook"), context).findings
                    if f.category == "political"
                ]
                if found:
                    flagged += 1
                    out.write(f"{pre_election}\t{found}\t{text}\n")
    print(f"{len(texts)} texts, twice; {flagged} with a political finding, written to {sys.argv[2]}")


if __name__ == "__main__":
    main()
