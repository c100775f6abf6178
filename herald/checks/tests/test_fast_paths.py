"""The speed-ups give the same answers as the straightforward code they replace."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from herald.checks.presentation import LINK, _x_parse, _x_parse_reference, link_spans
from herald.checks.textutil import _TOKEN, starts_word

_PIECES = ["word ", "The council ", "https://www.hinckley-bosworth.gov.uk/bins ", "example.com ", "🎉", "🌳☀️",
           "👨‍👩‍👧", "1️⃣", "#️⃣", "é", "e\u0301", "日本語", "\r\n", "\n", "\ufeff", "—", "“quoted” ", "x.co/abc ",
           "👍🏽", "a", ". ", "@handle ", "#Tag ", "\u00a0", "http://a", "(", ")", ":8080/p?q=1 "]  # fmt: skip


def _texts(seed: int, count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_x_parse_matches_twitter_text():
    for text in _texts(1, 600, 220):
        assert _x_parse(text) == _x_parse_reference(text), text


def test_link_spans_match_a_whole_text_scan():
    for text in _texts(2, 2000, 30):
        assert link_spans(text) == tuple(m.span() for m in LINK.finditer(text)), text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_fast_paths_on_any_text(text):
    assert link_spans(text) == tuple(m.span() for m in LINK.finditer(text))
    assert _x_parse(text) == _x_parse_reference(text)
    prefixes = ("kill", "fuk", "shit", "ab")
    words = set(_TOKEN.findall(text.lower()))
    assert (starts_word(prefixes).search(text.lower()) is not None) == any(w.startswith(prefixes) for w in words)
