"""One character per row of a blind abuse set: 1 where the engine in this tree flags the text (an
incoming comment on an official page, as `checks_quality.py` scores it), 0 where it does not. Two trees'
lines compared character by character say how many texts a change moved, without printing any text.

    .venv/bin/python bench/blind_flags.py bench/data/blind_offensive8.tsv > /tmp/new.txt
    (cd /tmp/old-tree && .venv/bin/python bench/blind_flags.py /work/main/bench/data/blind_offensive8.tsv) > /tmp/old.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from checks_quality import offensive_flagged, tsv_rows  # noqa: E402


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    rows = list(tsv_rows(Path(sys.argv[1])))
    print("".join("1" if offensive_flagged(text) else "0" for _, _, text in rows))


if __name__ == "__main__":
    main()
