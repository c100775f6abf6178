"""Instructions per distinct incoming comment of one copy of the engine, counted by valgrind's callgrind:
a count, unlike a time, is the same on a loaded machine, so two copies can be compared to within ~0.1%
while other work runs on both cores.

    git archive <commit> herald/__init__.py herald/checks | tar -x -C /tmp/engine_old
    .venv/bin/python bench/checks_callgrind.py /tmp/engine_old
    .venv/bin/python bench/checks_callgrind.py .

It runs itself under valgrind twice: both runs load the engine, warm it up and check every distinct
comment of the bench corpus once with ``check_many`` (as ``checks_distinct_comments.py``'s first round,
filling the caches kept between texts); the second then checks them all again. The difference between
the two runs' instruction counts, per comment, is what a comment costs in steady state. Takes ~1-2
minutes. With ``--profile``, the second run's callgrind file is kept for ``callgrind_annotate``. With
``--posts``, the distinct official posts instead (pre-election, so the party model is asked too).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _child(root: str, passes: int, posts: bool = False) -> None:
    sys.path.insert(0, root)
    sys.path.insert(0, str(HERE))
    import herald.checks

    assert herald.checks.__file__.startswith(root), herald.checks.__file__
    import checks as bench  # bench/checks.py: the corpus and context

    from herald.checks import check_many, warm_up

    warm_up()
    seen: set[str] = set()
    comments = []
    for draft in bench.corpus(4000):
        if (draft.kind != "comment") == posts and draft.text not in seen:
            seen.add(draft.text)
            comments.append(draft)
    ctx = bench.context()
    for _ in range(passes):
        check_many(comments, ctx)
    print(len(comments))


def _count(root: str, passes: int, out: Path, posts: bool = False) -> tuple[int, int]:
    """(instructions in all, comments or posts) of one run under callgrind."""
    valgrind = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
    done = subprocess.run(
        [*valgrind, sys.executable, __file__, "--child", root, str(passes), *(["--posts"] if posts else [])],
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
        _child(sys.argv[2], int(sys.argv[3]), "--posts" in sys.argv)
        return
    root = str(Path(sys.argv[1]).resolve())
    posts = "--posts" in sys.argv
    with tempfile.TemporaryDirectory() as folder:
        once, comments = _count(root, 1, Path(folder) / "once.out", posts)
        kept = Path(tempfile.gettempdir()) / "checks_callgrind.out"
        twice, _ = _count(root, 2, kept if "--profile" in sys.argv else Path(folder) / "twice.out", posts)
    what = "official posts" if posts else "incoming comments"
    print(f"{root}: {comments} distinct {what}, check_many: "
          f"{(twice - once) / comments:,.0f} instructions per {what.split()[-1][:-1]}")  # fmt: skip
    if "--profile" in sys.argv:
        print(f"callgrind file of the run checking them twice: {kept}")


if __name__ == "__main__":
    main()
