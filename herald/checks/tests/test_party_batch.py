"""The party model's batch in ``check_many`` (``PartyModel.score_many_words``, handed the words by
``check_political``'s ``defer_party``): every text's score as ``score_words`` gives it to within rounding, the
same warnings at a threshold placed exactly on a score, and ``check_many``'s raw hits, in order, those of
``check`` one draft at a time (round fifteen dropping the warning on a club's post, texts too short to score,
a warning with offensive and abuse hits put back after it, repeats, other contexts in the same batch)."""

import functools
import math
import random

import pytest

from herald.checks import Draft, check, check_many, engine, party_model, political
from herald.checks.tests.helpers import official, personal
from herald.checks.tests.test_prefilter import _corpus_texts

_PIECES = ["we", "will", "cut", "your", "council", "tax", "and", "protect", "every", "library", "vote", "for",
           "labour", "conservative", "the", "government", "minister", "says", "reform", "Reform", "UK", "club",
           "charity", "fete", "opens", "at", "noon", "2026", "3.71", "300,000", "don't", "we'll", "@bob",
           "https://x.uk/a", "idiot", "scum", "fucking", "!", ".", ",", "’", "é", "ſ", "İ", "\n", "NHS", "schools",
           "our", "plan", "change", "time", "for", "a", "new", "leadership", "out", "of", "touch"]  # fmt: skip


@functools.lru_cache(maxsize=1)
def _texts() -> tuple[str, ...]:
    rng = random.Random(14)
    mixes = [" ".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 60))) for _ in range(2500)]
    return tuple(_corpus_texts()[::2] + mixes)


@functools.lru_cache(maxsize=1)
def _word_lists() -> list[list[str]]:
    return [party_model.words(political._model_text(t)) for t in _texts()]


def _model() -> party_model.PartyModel:
    loaded = party_model.model()
    if loaded is None:
        pytest.skip("the party model is not built")
    return loaded


def test_a_batch_scores_each_text_as_score_words_does():
    model = _model()
    lists = _word_lists()
    plain = [model.score_words(found) for found in lists]
    batch = model.score_many_words(lists, [2.0] * len(lists))  # a threshold no score reaches
    assert max(abs(a - b) for a, b in zip(plain, batch, strict=True)) < 1e-12
    # the batch sums in another order: some scores differ in their last bits, so the tests below mean something
    assert sum(a != b for a, b in zip(plain, batch, strict=True)) > 10
    assert sum(score > 0.5 for score in plain) > 100 and sum(score < 0.5 for score in plain) > 100
    # texts split anywhere into batches of any size score alike (no pair across two texts)
    rng = random.Random(5)
    start = 0
    while start < len(lists):
        size = rng.randint(1, 40)
        part = lists[start : start + size]
        assert model.score_many_words(part, [2.0] * len(part)) == batch[start : start + size]
        start += size
    # a batch too large for its keys to fit in 32 bits is sorted as 64-bit numbers, with the same scores
    size = (1 << (31 - model._batch_tables().term_bits)) + 3
    big = model.score_many_words((lists * (size // len(lists) + 1))[:size], [2.0] * size)
    assert big == (batch * (size // len(lists) + 1))[:size]
    assert model.score_many_words([], []) == []
    assert model.score_many_words([[], ["zzqx"], []], [0.5] * 3) == [model.score_words([])] * 2 + [
        model.score_words([])
    ]


def test_a_threshold_placed_exactly_on_a_score_gives_the_same_warning():
    model = _model()
    lists = _word_lists()
    plain = [model.score_words(found) for found in lists]
    for thresholds in (plain, [math.nextafter(score, 2.0) for score in plain]):
        batch = model.score_many_words(lists, thresholds)
        for found, a, b, threshold in zip(lists, plain, batch, thresholds, strict=True):
            assert (a >= threshold) == (b >= threshold), found
            if a >= threshold:
                assert f"{a:.2f}" == f"{b:.2f}"


def test_a_score_on_a_rounding_boundary_or_its_threshold_is_scored_by_score_words(monkeypatch):
    model = _model()
    found = next(words for words in _word_lists() if 0.2 < model.score_words(words) < 0.8)
    calls = []
    original = model.score_words

    def counting(words):
        calls.append(words)
        return original(words)

    monkeypatch.setattr(model, "score_words", counting)
    score = model.score_many_words([found], [0.0])[0]
    assert calls == []  # far from both: the batch's own score
    model.score_many_words([found], [score])
    assert calls == [found]  # on its threshold
    calls.clear()
    # the intercept moved so that the score sits a hair under 0.125, where f"{score:.2f}" turns from 0.12 to 0.13
    shift = math.log(0.125 / 0.875) - math.log(score / (1 - score))
    monkeypatch.setattr(model, "intercept", model.intercept + shift - 1e-13)
    model.score_many_words([found], [0.0])
    assert calls == [found]


def _hits_of(run):
    """The raw hits each draft's findings were made from, in order."""
    seen = []
    original = engine._findings

    def recording(text, hits, context, kind, rules):
        seen.append([(rule, start, end, dict(fields)) for rule, start, end, fields in hits])
        return original(text, hits, context, kind, rules)

    engine._findings = recording
    try:
        reports = run()
    finally:
        engine._findings = original
    return seen, reports


_TRICKY = [
    # the model warns
    "the whole lot of them should be hanged",
    "We stand with our Muslim, Jewish and Sikh neighbours",
    # round fifteen drops the model's warning on a school or club's post that says nothing of local politics
    "Great tits have nested in the school bird box",
    "Our kids deserve better than a crumbling school building with buckets catching the rain.",
    # a warning after the legal, offensive rules' and the abuse classifier's hits, which go back after it
    "@USER @USER She's a lying piece of shit and should be locked up",
    "@CllrHollins f.u.c.k.i.n.g b.e.l.l.e.n.d",
    "Respectfully, a man who still can't string a sentence together in proper English shouldn't be Head of "
    "Communications.",
    # too few words to score, and exactly the fewest
    "We will cut council tax",
    "I am so angry about the bus cuts",
    # a political rule's finding first: the model is not asked
    "Vote Labour: we will cut your council tax and protect every library in the borough",
    "",
]


@pytest.mark.parametrize("pre_election", [True, False])
def test_check_many_makes_each_drafts_hits_as_check_does(pre_election):
    _model()
    texts = list(_TRICKY) + list(_texts()[::7])
    contexts = [official(pre_election=pre_election), personal(pre_election=True), official(pre_election=True)]
    items = []
    for n, text in enumerate(texts):
        kind = ("post", "reply", "comment")[n % 3] if n >= len(_TRICKY) else "post"
        items.append((Draft(text=text, platform="facebook", kind=kind), contexts[n % 7 % 3 if n % 7 < 3 else 0]))
    items += items[:50]  # repeats: their hits are copies of the first one's
    single, single_reports = _hits_of(lambda: [check(draft, context) for draft, context in items])
    batch, batch_reports = _hits_of(lambda: check_many(items))
    assert batch == single
    assert batch_reports == single_reports
    if pre_election:
        rules = [rule for hits in single[: len(_TRICKY)] for rule, *_ in hits]
        assert rules.count("party-model") >= 4 and "call-to-vote" in rules and "abuse-model" in rules
        assert sum(rule == "party-model" for hits in single for rule, *_ in hits) > 20
