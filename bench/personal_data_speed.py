"""Personal data alone (``check_personal_data``), per distinct incoming comment of the bench corpus, of one
copy of the engine: instructions counted by valgrind's callgrind (the same on a loaded machine) or, with
``--time``, CPU time for all comments, those with digits and those without.

    git archive <commit> herald/__init__.py herald/checks | tar -x -C /tmp/engine_old
    .venv/bin/python bench/personal_data_speed.py /tmp/engine_old
    .venv/bin/python bench/personal_data_speed.py .
    taskset -c 1 .venv/bin/python bench/personal_data_speed.py . --time

A copy laid out as ``herald_old/checks`` (``/work/basepkg``) works too. Each comment is also given to
``textutil.probe`` and ``digit_lengths``, which the engine's families share (cached per text): the count
is the same whichever family asks first. Under callgrind the script runs twice (one pass over the
comments, three passes); the difference per comment and pass is the steady-state cost.
"""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(root: str):
    sys.path.insert(0, root)
    sys.path.insert(0, str(HERE))
    name = "herald_old" if (Path(root) / "herald_old").is_dir() else "herald"
    package = importlib.import_module(name + ".checks")
    assert package.__file__.startswith(root), package.__file__
    import checks as bench  # bench/checks.py: the corpus and context

    engine = importlib.import_module(name + ".checks.engine")
    textutil = importlib.import_module(name + ".checks.textutil")
    personal = importlib.import_module(name + ".checks.personal_data")
    context = bench.context()
    allow = engine._allow_list(context.allowed_contacts, engine._compiled(engine.default_rules()).public_addresses)
    seen: set[str] = set()
    texts = []
    for draft in bench.corpus(4000):
        if draft.kind == "comment" and draft.text not in seen:
            seen.add(draft.text)
            texts.append(draft.text)
    return personal, textutil, allow, texts


def _pass(personal, textutil, allow, texts) -> None:
    def emit(*args, **fields) -> None:
        pass

    for text in texts:
        personal.check_personal_data(text, allow, emit)
        textutil.probe(text)
        textutil.digit_lengths(text)


def _child(root: str, passes: int) -> None:
    personal, textutil, allow, texts = _load(root)
    for _ in range(passes):
        _pass(personal, textutil, allow, texts)
    print(len(texts))


def _count(root: str, passes: int, out: str) -> tuple[int, int]:
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, __file__, "--child", root,
         str(passes)],
        env={**os.environ, "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        check=True,
    )  # fmt: skip
    summary = re.search(r"^(?:summary|totals): (\d+)", Path(out).read_text(), re.MULTILINE)
    assert summary is not None, done.stderr[-2000:]
    return int(summary.group(1)), int(done.stdout.split()[-1])


def _time(root: str) -> None:
    personal, textutil, allow, texts = _load(root)
    groups = {
        "all": texts,
        "with digits": [t for t in texts if re.search(r"\d", t)],
        "without digits": [t for t in texts if not re.search(r"\d", t)],
    }
    for label, group in groups.items():
        best = float("inf")
        for _ in range(7):
            textutil.probe.cache_clear()
            textutil.digit_lengths.cache_clear()
            started = time.process_time()
            _pass(personal, textutil, allow, group)
            best = min(best, time.process_time() - started)
        print(f"{label:15} {len(group):5} comments {best / len(group) * 1e6:7.2f} µs CPU each (best of 7)")


def main() -> None:
    if sys.argv[1] == "--child":
        _child(sys.argv[2], int(sys.argv[3]))
        return
    root = str(Path(sys.argv[1]).resolve())
    if "--time" in sys.argv:
        print(root)
        _time(root)
        return
    with tempfile.TemporaryDirectory() as folder:
        once, comments = _count(root, 1, folder + "/once.out")
        thrice, _ = _count(root, 3, folder + "/thrice.out")
    print(f"{root}: {comments} distinct incoming comments, personal data (with the shared word list and digit "
          f"runs): {(thrice - once) / 2 / comments:,.0f} instructions per comment")  # fmt: skip


if __name__ == "__main__":
    main()
