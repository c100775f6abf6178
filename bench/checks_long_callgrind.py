"""Instructions per official post of 2,000-2,200 characters checked with ``check`` (one text at a time, the
single-post latency the p99 is made of) by one copy of the engine, counted by valgrind's callgrind: a count,
unlike a time, is the same on a loaded machine.

    .venv/bin/python bench/checks_long_callgrind.py /tmp/engine_old
    .venv/bin/python bench/checks_long_callgrind.py .
    .venv/bin/python bench/checks_long_callgrind.py . --posts      # every distinct official post instead

As ``checks_callgrind.py``: two runs under valgrind, both warm up and check every chosen post once, the
second checks them all again; the difference, per post, is what a post costs in steady state. With
``--profile``, the second run's callgrind file is kept for ``callgrind_annotate``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _child(root: str, passes: int, every: bool) -> None:
    sys.path.insert(0, root)
    sys.path.insert(0, str(HERE))
    import herald.checks

    assert herald.checks.__file__.startswith(root), herald.checks.__file__
    import checks as bench  # bench/checks.py: the corpus and context

    from herald.checks import check, warm_up

    warm_up()
    seen: set[str] = set()
    posts = []
    for draft in bench.corpus(4000):
        if draft.kind != "comment" and (every or len(draft.text) >= 2000) and draft.text not in seen:
            seen.add(draft.text)
            posts.append(draft)
    ctx = bench.context()
    for _ in range(passes):
        for draft in posts:
            check(draft, ctx)
    print(len(posts))


def _count(root: str, passes: int, every: bool, out: Path) -> tuple[int, int]:
    """(instructions in all, posts) of one run under callgrind."""
    valgrind = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
    done = subprocess.run(
        [*valgrind, sys.executable, __file__, "--child", root, str(passes), str(int(every))],
        env={**os.environ, "PYTHONHASHSEED": "0"},  # the same set orders, so the same work, in every run
        capture_output=True,
        text=True,
        check=True,
    )
    summary = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.MULTILINE)
    assert summary is not None, done.stderr[-2000:]
    return int(summary.group(1)), int(done.stdout.split()[-1])


def main() -> None:
    if sys.argv[1] == "--child":
        _child(sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1")
        return
    root = str(Path(sys.argv[1]).resolve())
    every = "--posts" in sys.argv
    with tempfile.TemporaryDirectory() as folder:
        once, posts = _count(root, 1, every, Path(folder) / "once.out")
        kept = Path(tempfile.gettempdir()) / "checks_long_callgrind.out"
        twice, _ = _count(root, 2, every, kept if "--profile" in sys.argv else Path(folder) / "twice.out")
    what = "distinct official posts" if every else "distinct official posts of 2,000-2,200 characters"
    print(f"{root}: {posts} {what}, check: {(twice - once) / posts:,.0f} instructions per post")
    if "--profile" in sys.argv:
        print(f"callgrind file of the run checking them twice: {kept}")


if __name__ == "__main__":
    main()
