"""The engine is the ground floor: the CLI, the benchmarks and a council's own scripts use it with no
Django installed or configured. A fresh interpreter proves it, whatever this test run has imported."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

IMPORT_EVERYTHING_AND_CHECK = """
import pkgutil, sys
import herald.checks
from herald.checks import Draft, check, warm_up

for module in pkgutil.walk_packages(herald.checks.__path__, "herald.checks."):
    if ".tests" not in module.name and module.name != "herald.checks.__main__":
        __import__(module.name)
warm_up()
report = check(Draft("Call 07911 123456, you idiot"))
assert report.blocking, report
loaded = sorted(name for name in sys.modules if name == "django" or name.startswith("django."))
print(",".join(loaded) or "none")
"""


def test_checking_a_post_imports_nothing_from_django():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING_AND_CHECK],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "none"
