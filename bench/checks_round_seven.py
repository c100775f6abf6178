"""CPU time of what round seven changed, each against the code it replaced, timed in alternation in one
process on the drafts of the bench corpus that take the changed path (the engine-wide figures of
``checks_interleaved.py`` move less than the noise of a shared machine; these show where the time went).

    taskset -c 1 .venv/bin/python bench/checks_round_seven.py [rounds]

Each pair is timed on the same texts, best of ``rounds`` (default 7), µs per text:

- folding look-alike letters (``obfuscation.folded``) of texts beyond ASCII, against the character-by-
  character loop it replaced (``plain_folded``);
- the fancy-text test of accessibility on texts beyond ASCII: its letters looked for among the characters
  beyond ASCII (``presentation.has_fancy_text``), against the pattern over the whole text (what ran before);
- the tripled-letter test of the disguised-swearing scan (``_suspect_runs``): the gate then the scan
  where the gate lets it through, against the scan alone (what ran before);
- the abuse and party classifiers' words of texts holding a link or a handle, against the patterns that
  split them before (``_plain_words``, which they then always took);
- the two classifiers' pairs of neighbouring words, built once and shared (``textutil.word_pairs``),
  against each building its own.

Caches are warmed first, as in the engine (``probe`` and ``word_list`` are found once per text there).
"""

from __future__ import annotations

import os
import sys
import time
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import checks as bench  # noqa: E402  (bench/checks.py: the corpus)

from herald.checks import abuse_model, party_model, presentation, textutil, warm_up  # noqa: E402
from herald.checks.offensive import obfuscation  # noqa: E402


def _best(rounds: int, pairs: list[tuple[str, object]], items: list) -> dict[str, float]:
    best = {label: float("inf") for label, _ in pairs}
    for r in range(rounds):
        for label, run in pairs if r % 2 == 0 else reversed(pairs):
            started = time.process_time()
            for item in items:
                run(item)  # type: ignore[operator]
            best[label] = min(best[label], time.process_time() - started)
    return {label: seconds / len(items) * 1e6 for label, seconds in best.items()}


def compared(label: str, rounds: int, pairs: list[tuple[str, object]], items: list) -> str:
    """One line: the old way's time per text against the new way's, or "n/a" where no text takes this
    path (a small or all-ASCII corpus), rather than a division by zero."""
    if not items:
        return f"{label}: n/a (0 texts)"
    (old_label, old), (new_label, new) = _best(rounds, pairs, items).items()
    speedup = f"{old / new:.2f}x" if new else "n/a"
    return f"{label}: {old_label} {old:.2f} -> {new_label} {new:.2f} µs per text ({speedup})"


def _own_pairs(words: list[str]) -> list[str]:
    return list(map(" ".join, zip(words, islice(words, 1, None), strict=False)))


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    warm_up()
    drafts = bench.corpus(4000)
    texts = [d.text for d in drafts]
    long_texts = [t for t in texts if len(t) >= 2000]
    beyond = [t for t in texts if not t.isascii()]
    linked = [t for t in texts if ("http" in t or "www." in t or "@" in t) and "'" not in t]
    print(f"corpus: {len(texts)} drafts; {len(beyond)} beyond ASCII, {len(linked)} with a link or handle")

    for name, chosen in (("all", beyond), ("2,000-2,200 characters", [t for t in long_texts if not t.isascii()])):
        print(
            compared(
                f"folding look-alike letters, texts beyond ASCII ({name}, {len(chosen)})",
                rounds,
                [("plain_folded", obfuscation.plain_folded), ("folded", obfuscation.folded)],
                chosen,
            )
        )
    for name, chosen in (("all", beyond), ("2,000-2,200 characters", [t for t in long_texts if not t.isascii()])):
        print(
            compared(
                f"fancy-text test, texts beyond ASCII ({name}, {len(chosen)})",
                rounds,
                [("pattern", presentation._FANCY.search), ("letters beyond ASCII", presentation.has_fancy_text)],
                chosen,
            )
        )
    for name, chosen in (("all drafts", texts), ("2,000-2,200 characters", long_texts)):
        for text in chosen[-32:]:
            textutil.probe(text)
        # probe is kept for the last 32 texts only: time on those, as the engine reads each text's words once
        chosen = chosen[-32:]
        triple = obfuscation._TRIPLE.search
        print(
            compared(
                f"tripled-letter test of disguised swearing ({name}, last {len(chosen)})",
                rounds * 20,
                [
                    ("scan", triple),
                    ("gate, then scan", lambda t, triple=triple: obfuscation._may_triple(t) and triple(t)),
                ],
                chosen,
            )
        )
    for model, plain in ((abuse_model._words, abuse_model._plain_words), (party_model.words, party_model._plain_words)):
        label = f"{model.__module__.rsplit('.', 1)[-1]} words"
        for name, chosen in (("all", linked), ("2,000-2,200 characters", [t for t in linked if len(t) >= 2000])):
            lowered = {t: t.lower() for t in chosen}
            for text in chosen[-32:]:
                textutil.word_list(text)
            chosen = chosen[-32:]
            print(
                compared(
                    f"{label}, texts with a link or handle ({name}, last {len(chosen)})",
                    rounds * 20,
                    [("patterns", lambda t, plain=plain, lowered=lowered: plain(lowered[t])), ("shared split", model)],
                    chosen,
                )
            )
    abuse, party = abuse_model.model(), party_model.model()
    lists = [w for w in (abuse_model._words(t) for t in long_texts)]
    if abuse is not None and party is not None:
        print(
            compared(
                f"word pairs looked up by both classifiers, posts of 2,000-2,200 characters ({len(lists)})",
                rounds,
                [
                    (
                        "each its own",
                        lambda w: (set(map(abuse.index.get, _own_pairs(w))), set(map(party.index.get, _own_pairs(w)))),
                    ),
                    (
                        "shared",
                        lambda w: (
                            set(map(abuse.index.get, textutil.word_pairs(w))),
                            set(map(party.index.get, textutil.word_pairs(w))),
                        ),
                    ),
                ],
                lists,
            )
        )
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
