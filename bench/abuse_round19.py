"""Abuse round nineteen's figures (docs/checks.md; rule in bench/abuse_round19_rule.txt).

    .venv/bin/python bench/abuse_round19.py            # pooled figures, per platform, 11+12 as counts only
    .venv/bin/python bench/abuse_round19.py --dump     # misses and false alarms of the development sets only

Round eighteen's script (bench/abuse_round18.py) with blind set 14 among the development sets: blind sets 1-10,
13 and 14 (spent: read for error analysis) and the team's council comments. Sets 11 and 12 are scored pooled, as
counts only: their rows are never printed (--dump refuses them).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from abuse_round18 import DEVELOPMENT, main  # noqa: E402

if __name__ == "__main__":
    main([*DEVELOPMENT, "14"], "1-10 + 13 + 14")
