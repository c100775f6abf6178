"""Speed round fourteen: a sentence over the word limit is found again only to say where it is; its number
of words comes from ``_sentence_words`` (the same words the regex loop finds) instead of being split
again. Several long sentences, sentences holding a "://" with no link or no word, links inside long sentences and runs of sentence marks must give the findings
the regex loop gives, position and count alike."""

import random

from herald.checks.engine import default_rules
from herald.checks.presentation import check_accessibility
from herald.checks.tests.test_fast_paths_round_five import _long_sentences_by_regex

_PIECES = ["a ", "a ", "a ", "word ", "it's ", "well-being ", "_x_ ", "'q' ", "10 ", "🎉 ", "- ", "https://x.co/a ",
           "http://ab ", "://", ":// ", "http:// ", "x://y ", ". ", "... ", "!? ", "\n", "\n\n", "  ", "é ", "’ "]  # fmt: skip


def test_every_long_sentence_is_placed_and_counted_as_the_regex_loop_does():
    thresholds = default_rules().thresholds
    limit = int(thresholds["max_sentence_words"])
    rng = random.Random(1414)
    long_run = " ".join(["a"] * (limit + 3))
    texts = []
    for _ in range(1500):
        parts = []
        for _ in range(rng.randint(1, 8)):
            if rng.random() < 0.4:
                parts.append(long_run[: 2 * rng.randint(limit - 2, limit + 3)] + rng.choice([".", "!", "\n", "?!", ""]))
            else:
                parts.append("".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40))))
        texts.append(" ".join(parts))
    texts += [
        f"{long_run}. ://. {long_run}!",
        f"See http://x.co/{'a' * 5} {long_run}. And https://y.uk {long_run}",
        f"://\n{long_run}\n://.\n{long_run}",
    ]
    several = 0
    for text in texts:
        hits: list[tuple[str, int | None, int | None, dict]] = []
        check_accessibility(text, thresholds, lambda rule, s, e, hits=hits, **f: hits.append((rule, s, e, f)))
        found = [(s, e, f["detail"]) for rule, s, e, f in hits if rule == "long-sentence"]
        assert found == _long_sentences_by_regex(text, limit), text
        several += len(found) > 1
    assert several > 300
