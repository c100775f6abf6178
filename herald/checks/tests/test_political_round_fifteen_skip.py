"""Round fifteen's wrapper (``political._round_fifteen``) is left out where no other political rule can run
(``_wakes`` says so and it is no pre-election post) and none of its own words stands: the findings are the
ones the old order gives (round fifteen first, always), over the bench corpus, every labelled text, every
sentence of the political tests and seeded mixes, with the engine's mask and with none."""

import pytest

from herald.checks import political

from .test_political_wake import EMPTY, PARTY, PREFILTER, REGISTER, M, _corpus_texts, _hits, _mixes, _test_sentences


def _old_hits(text: str, mask: int, register=REGISTER) -> list[tuple]:
    """``check_political`` outside a pre-election period as it was: round fifteen's wrapper made on every text."""
    hits: list[tuple] = []

    def emit(*a, **f):
        hits.append((a, f))

    wrapped = political._round_fifteen(text, M, emit)
    if political._wakes(text, M, register, mask):
        political._check_political(text, M, register, ("Burbage",), wrapped, mask)
    return hits


@pytest.mark.parametrize("part", range(3))
def test_skipping_round_fifteen_gives_the_old_findings(part):
    texts = (_corpus_texts() + _test_sentences())[part::3] + _mixes(1500, 70 + part)
    found = 0
    for text in texts:
        for mask in (PREFILTER.mask(text), 0):
            new = _hits(text, mask)
            assert new == _old_hits(text, mask), text
            assert _hits(text, mask, EMPTY) == _old_hits(text, mask, EMPTY), text
            found += bool(new)
    assert found > 300


def test_round_fifteen_still_finds_in_a_text_that_wakes_nothing_else():
    text = "It's time for a change of leadership at the council."
    assert not political._wakes(text, M, EMPTY, 0)
    assert [a[0] for a, _ in _hits(text, 0, EMPTY)] == [a[0] for a, _ in _old_hits(text, 0, EMPTY)]
    assert [a[0] for a, _ in _hits(text, 0, EMPTY)] == ["attack-on-council"]


def test_a_pre_election_post_still_gets_round_fifteens_corrections():
    text = "We will scrap the unfair charges and put power back in the hands of local people."
    mask = PREFILTER.mask(text)
    assert [a[0] for a, _ in _hits(text, mask, party=PARTY)] == ["party-model"]
