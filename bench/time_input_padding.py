"""How long the date-and-time field takes to refuse a single value padded with spaces (a script or an
older page sending "05/12/2027 9<spaces>x"). Before the field collapsed runs of spaces and capped the
value at 40 characters, matching grew with the cube of the spaces (1,000: ~5 s; 2,000: ~40 s).

    .venv/bin/python bench/time_input_padding.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "herald.settings")

import django  # noqa: E402

django.setup()

from herald.forms import DateTimeField  # noqa: E402

field = DateTimeField(label="When should it go out?", name="the time it should go out", required=False)
for spaces in (10, 1_000, 2_000, 100_000):
    value = "05/12/2027 9" + " " * spaces + "x"
    started = time.perf_counter()
    try:
        field.clean(value)
        outcome = "accepted"
    except Exception as error:  # noqa: BLE001  (the field's ValidationError: what a person is told)
        outcome = "; ".join(getattr(error, "messages", [str(error)]))
    print(f"{spaces:>7,} spaces: {1000 * (time.perf_counter() - started):8.2f} ms  {outcome}")
