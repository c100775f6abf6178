"""The benchmarks say "n/a" for a set with no texts in it, instead of stopping on a division by zero."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[3] / "bench"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_party_benchmark_reports_empty_sets_as_not_applicable(tmp_path):
    (tmp_path / "party_modern_texts.jsonl").write_text(
        '{"text": "Vote Labour on Thursday to keep our libraries open", "party": "Labour"}\n', encoding="utf-8"
    )
    (tmp_path / "council_texts.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "council_short_texts.jsonl").write_text("\n", encoding="utf-8")

    run = subprocess.run(
        [sys.executable, str(BENCH / "party_engine.py"), "--texts", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert run.returncode == 0, run.stderr
    assert "council paragraphs: 0 texts" in run.stdout
    assert run.stdout.count("flagged n/a (0 texts)") == 4  # rules, and rules + model, for both council sets
    assert "modern party texts: 1 texts" in run.stdout
    assert "flagged 1/1 = 1.000" in run.stdout


def test_round_seven_compares_nothing_on_an_empty_subset_and_times_a_full_one():
    compared = _load("checks_round_seven").compared
    pairs = [("upper", str.upper), ("lower", str.lower)]

    assert compared("folding, texts beyond ASCII (all, 0)", 1, pairs, []) == (
        "folding, texts beyond ASCII (all, 0): n/a (0 texts)"
    )
    timed = compared("folding, texts beyond ASCII (all, 2)", 1, pairs, ["Café", "naïve"])
    assert timed.startswith("folding, texts beyond ASCII (all, 2): upper ")
    assert " -> lower " in timed and "µs per text" in timed


def test_the_collection_scorer_runs_on_a_collection_with_no_training_texts(tmp_path):
    # round thirteen: collection 10 has held-out party texts and council texts but no kind-T file
    (tmp_path / "party_modern_texts.jsonl").write_text(
        '{"text": "Vote Labour on Thursday to keep our libraries open", "party": "labour"}\n', encoding="utf-8"
    )
    (tmp_path / "council_texts.jsonl").write_text(
        '{"text": "Poll cards are being delivered this week to every registered elector in the borough.",'
        ' "council": "Barwell Borough Council", "topic": "election-admin"}\n',
        encoding="utf-8",
    )
    (tmp_path / "council_short_texts.jsonl").write_text("", encoding="utf-8")

    run = subprocess.run(
        [sys.executable, str(BENCH / "party_collection8.py"), "--texts", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert run.returncode == 0, run.stderr
    assert "M                1/1 = 1.000 flagged" in run.stdout
    assert "T              n/a (0 texts)" in run.stdout
