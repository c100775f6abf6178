"""How many of a party test file's sentences one copy of the engine flags, per test: the development
figure for a round of party rules (the sentences were written for the tests, so the figure is fitted).

    git archive <commit> herald/__init__.py herald/checks | tar -x -C /tmp/engine_old
    .venv/bin/python bench/party_test_sentences.py /tmp/engine_old herald/checks/tests/test_political_round_ten.py
    .venv/bin/python bench/party_test_sentences.py . herald/checks/tests/test_political_round_ten.py

Reads each test function's parametrized sentences (the first value of each case) and any `text = "…"`
in its body, and checks each as an official post: in a pre-election period, or outside one for a test
whose name says "outside". A sentence counts as flagged when a political finding blocks or warns.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = str(Path(sys.argv[1]).resolve())
sys.path.insert(0, ROOT)

import herald.checks  # noqa: E402

assert herald.checks.__file__.startswith(ROOT), herald.checks.__file__

from herald.checks import Draft, check  # noqa: E402
from herald.checks.tests.helpers import official  # noqa: E402


def sentences(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not (isinstance(node, ast.FunctionDef) and node.name.startswith("test_")):
            continue
        texts: list[str] = []
        for decorator in node.decorator_list:
            if isinstance(decorator, ast.Call) and len(decorator.args) == 2 and isinstance(decorator.args[1], ast.List):
                for case in decorator.args[1].elts:
                    value = ast.literal_eval(case)
                    texts.append(value[0] if isinstance(value, tuple) else value)
        for statement in ast.walk(node):
            if isinstance(statement, ast.Assign) and getattr(statement.targets[0], "id", "") == "text":
                texts.append(ast.literal_eval(statement.value))
        found[node.name] = texts
    return found


def main() -> None:
    in_period, outside = official(pre_election=True), official()
    for name, texts in sentences(Path(sys.argv[2])).items():
        context = outside if "outside" in name else in_period
        flagged = sum(
            any(
                f.category == "political" and f.severity in ("block", "warn")
                for f in check(Draft(text=t), context).findings
            )
            for t in texts
        )
        print(f"{flagged:3d}/{len(texts):<3d} {name}")


if __name__ == "__main__":
    main()
