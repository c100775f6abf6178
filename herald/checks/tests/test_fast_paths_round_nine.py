"""Round nine's speed-ups give the same answers as the code they replace: the profanity model scored for
many texts at once in ``check_many`` (the same numbers, bit for bit, as one text at a time) and the end
of the offensive rules run after that batch, its findings put back where ``check`` emits them. On the
bench corpus, every labelled text in the repository, every term the model knows, seeded mixes of the
characters the tokenisation turns on and Hypothesis text."""

import random
import sys
from functools import lru_cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from herald.checks import Context, Draft, check, check_many, engine, offensive_model
from herald.checks.tests.test_fast_paths_round_six import _PIECES, _mixes
from herald.checks.tests.test_prefilter import _corpus_texts

ROOT = Path(__file__).resolve().parents[3]

# words that take the ambiguous-word, profanity-model and classifier paths, and what surrounds them
_OFFENSIVE = ["hoe", "Dick", "dick", "cock", "pussy", "idiot", "idiots", "stupid", "ugly", "bitch", "shut up",
              "subhuman", "vermin", "scum", "thick as thieves", "I felt like an idiot", "you are", "they are",
              "go back", "\"", "'", "condemn", "abuse", "garden", "Cllr Wright is corrupt", "Amanda Wright",
              "damn", "bloody", "the the the", "_x_", "Zoë", "café", "12 Mill Lane", "Amelia (age 8)", "#tag"]  # fmt: skip


@lru_cache(maxsize=1)
def _texts() -> list[str]:
    corpus = _corpus_texts()
    rng = random.Random(9)
    mixed = [
        " ".join(rng.choice(_OFFENSIVE + _PIECES) for _ in range(rng.randint(0, 14))) for _ in range(3000)
    ]  # fmt: skip
    # the corpus again with its words repeated (tokens counted more than once) and with a "_" (the
    # vectoriser's own pattern instead of the shared split)
    return (
        corpus
        + mixed
        + _mixes(19, 2000, 30)
        + [t + " " + t for t in corpus[:1500]]
        + [t + " a_b" for t in corpus[:500]]
    )


def _scores_one_at_a_time(texts: list[str]) -> list[float]:
    return [offensive_model.score(text) for text in texts]


def _scores_in_a_batch(texts: list[str]) -> list[float]:
    return offensive_model.score_counted([offensive_model.counted(text) for text in texts])


def test_the_profanity_model_scores_a_batch_bit_for_bit_as_one_text_at_a_time():
    texts = _texts()
    assert _scores_in_a_batch(texts) == _scores_one_at_a_time(texts)  # floats compared exactly
    counted = [offensive_model.counted(text) for text in texts]
    assert sum(any(n > 1 for n in c.values()) for c in counted) > 3000  # tokens met more than once
    assert sum(not c for c in counted) > 10  # texts with no token at all
    assert max(_scores_one_at_a_time(texts)) > 0.9  # and texts the model finds offensive


def test_every_term_the_model_knows_scores_the_same_alone_and_repeated():
    """Each term's own arithmetic: its share of the norm is ``(count * idf) ** 2`` by Python's ``**``
    (C's ``pow``), which differs in the last bit from ``x * x`` for one term counted once and for
    hundreds of terms counted 35 times; in a text of ten such terms the difference can reach the score."""
    terms = list(offensive_model._model().terms)
    texts = [f"{term} x" for term in terms]
    for count in (1, 2, 3, 5, 7, 11, 35):
        texts += [" ".join(" ".join([term] * count) for term in terms[i : i + 10]) for i in range(0, len(terms), 10)]
    assert _scores_in_a_batch(texts) == _scores_one_at_a_time(texts)


def test_each_term_s_share_of_the_norm_when_it_occurs_once_is_python_s_own_square():
    model = offensive_model._model()
    assert model.once.tolist() == [(1 * weights[0]) ** 2 for weights in model.terms.values()]
    assert model.weights.tolist() == [list(weights) for weights in model.terms.values()]
    assert [model.index[term] for term in model.terms] == list(range(len(model.terms)))


def test_a_batch_of_one_and_an_empty_batch():
    assert offensive_model.score_counted([]) == []
    for text in ("shut up you stupid ugly bitch", "", "The library reopens on Monday", "a b c"):
        assert offensive_model.score_counted([offensive_model.counted(text)]) == [offensive_model.score(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_OFFENSIVE + _PIECES), max_size=20).map(" ".join) | st.text(max_size=80), max_size=8
    )
)
def test_the_profanity_model_batch_on_any_texts(texts):
    assert _scores_in_a_batch(texts) == _scores_one_at_a_time(texts)


def _bench_context() -> Context:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import checks as bench  # bench/checks.py: the speed corpus's context
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return bench.context()


_FINDINGS = engine._findings


def _raw_hits(monkeypatch, run) -> list[list[tuple]]:
    """The raw hits each draft hands to the findings step, in order (severity, deduplication and sorting
    come after; the hits' order decides which of two equal hits is kept)."""
    recorded: list[list[tuple]] = []

    def recording(text, hits, context, kind, rules):
        recorded.append([(rule, start, end, sorted(fields.items())) for rule, start, end, fields in hits])
        return _FINDINGS(text, hits, context, kind, rules)

    monkeypatch.setattr(engine, "_findings", recording)
    run()
    return recorded


def test_check_many_hands_on_the_same_hits_in_the_same_order_as_check(monkeypatch):
    texts = _corpus_texts()[::3] + _texts()[-6000:-3000:3]
    contexts = (_bench_context(), Context(account="personal"))
    drafts = [(Draft(text=text, kind=kind), ctx) for text in texts for kind in ("comment", "post") for ctx in contexts]
    one_by_one = _raw_hits(monkeypatch, lambda: [check(draft, ctx) for draft, ctx in drafts])
    batched = _raw_hits(monkeypatch, lambda: check_many(drafts))
    assert len(batched) == len(one_by_one) == len(drafts)
    for (draft, ctx), want, got in zip(drafts, one_by_one, batched, strict=True):
        assert got == want, (draft, ctx.account)
    # the later steps' findings were met, and with hits of other families after them
    rules = [{rule for rule, *_ in hits} for hits in one_by_one]
    assert sum("offensive-model" in found for found in rules) > 20
    assert sum("abuse-model" in found for found in rules) > 200
    tails = {"offensive-model", "abuse-model"}
    assert sum(bool(hits) and hits[-1][0] not in tails and not tails.isdisjoint(found) for hits, found in zip(one_by_one, rules, strict=True)) > 20  # fmt: skip


def test_check_many_reports_what_check_reports_for_the_ambiguous_words():
    """An ambiguous word the profanity model then confirms is reported by the later step, between the
    rules' hits before it and the children's and presentation's after it."""
    texts = [
        "Look at that dick. Well done Amelia (age 8) from St Mary's! #WellDone",
        "what a hoe lol. call me on 07700 900123",
        "Dick Turpin rode through Hinckley. The garden hoe is in the shed.",
        "you stupid ugly bitch dick",
    ]
    drafts = [Draft(text=text, kind=kind) for text in texts for kind in ("comment", "post")]
    assert [r.findings for r in check_many(drafts)] == [check(d).findings for d in drafts]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_OFFENSIVE + _PIECES), max_size=16).map(" ".join) | st.text(max_size=60),
        min_size=1,
        max_size=6,
    )
)
def test_check_many_equals_check_on_any_texts(texts):
    drafts = [Draft(text=text, kind=kind) for text in texts for kind in ("comment", "post")]
    assert [r.findings for r in check_many(drafts)] == [check(d).findings for d in drafts]
