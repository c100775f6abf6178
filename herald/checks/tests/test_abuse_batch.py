"""The abuse classifier's batch path (``AbuseModel.score_many``, which ``check_many`` uses through
``abuse_model.score_many_for``): the words of a whole batch found in one pass, each word a number, and
numpy from there. It must read every text exactly as ``score`` does, on seeded mixes of what its
shortcuts turn on (apostrophes, handles, links, leetspeak with digits and stand-ins in every place,
characters beyond ASCII, the separator it joins texts with, empty texts) and on the bench corpus."""

import random
import threading

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from herald.checks import Draft, abuse_model, check, check_many
from herald.checks.tests.test_prefilter import _corpus_texts

_PIECES = ["don't", "'", "''", "it's", "rock'n'roll", "'quoted'", "1990's", "x'", "'s", "@bob", "@", "@@x",
           "http://x.uk/a'b", "https://t.co/x?y=1", "www.x.uk", "http", "www", "sh1t", "f*ck", "a$$", "$", "*",
           "b1tch", "1d1ot", "12a", "a1b", "a1", "1a", "a1 b", "2026", "3.71", "0", "\x00", "\x00a", "é", "café",
           "ſ", "İ", "\u212a", "ß", "😀", "’", "£", "\u00a0", "\n", "\t", " ", "  ", ".", ",", "-", "_", "<", ">",
           "#", "Immigrants", "bring", "nothing", "but", "crime", "disease", "lazy", "and", "dirty", "VERMIN",
           "send", "them", "home", "thank", "you", "the", "council", "a", "I", "idiot", "scum", "subhuman"]  # fmt: skip


def _mixes(seed: int, count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def _spaced_mixes(seed: int, count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(_PIECES) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def _texts() -> list[str]:
    return _corpus_texts()[::3] + _mixes(12, 3000, 30) + _spaced_mixes(13, 3000, 30)


def _each_texts_words(texts: list[str]) -> dict[int, list[str]]:
    words, order = abuse_model.batch_words(texts)
    segments: list[list[str]] = []
    for word in words:
        if word == abuse_model._SEPARATOR:
            segments.append([])
        else:
            segments[-1].append(word)
    assert sorted(order) == list(range(len(texts)))
    assert len(segments) == len(texts)
    return dict(zip(order, segments, strict=True))


def test_a_batch_reads_each_text_as_the_text_alone_is_read():
    texts = _texts()
    found = _each_texts_words(texts)
    for n, text in enumerate(texts):
        assert found[n] == abuse_model._words(text), text
    # every shortcut was taken and every text read alone was met
    assert (
        sum("'" in t for t in texts) > 2000
        and sum(abuse_model._LEETY_ANYWHERE.search(t.lower()) is not None for t in texts) > 1000
    )
    assert sum("\x00" in t for t in texts) > 300 and sum(not t for t in texts) > 50


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join) | st.text(max_size=60), max_size=8))
def test_a_batch_of_any_texts_reads_each_as_alone(texts):
    found = _each_texts_words(texts)
    for n, text in enumerate(texts):
        assert found[n] == abuse_model._words(text), text


def test_batch_scores_are_the_plain_sum_of_each_texts_terms_bit_for_bit():
    model = abuse_model.AbuseModel.load()
    texts = _texts()
    batch = model.score_many(texts)
    assert batch == model.score_many_reference(texts)  # floats compared exactly
    assert max(abs(b - model.score(t)) for b, t in zip(batch, texts, strict=True)) < 1e-12
    assert max(batch) > 0.9 and min(batch) < 0.1
    # in batches of other sizes, where the texts sit elsewhere in the joined text, the same numbers
    for size in (1, 2, 7, 100):
        for start in range(0, 400, size):
            assert model.score_many(texts[start : start + size]) == batch[start : start + size]


def test_every_word_pair_the_model_knows_is_found_and_no_other():
    model = abuse_model.AbuseModel.load()
    table = model._batch_state()
    pairs = {term: number for term, number in model.index.items() if " " in term}
    keys, numbers = [], []
    for term, number in pairs.items():
        first, second = term.split(" ")
        keys.append(table.ids[first] * table.pair_words + table.ids[second])
        numbers.append(number)
    assert table.pair_terms_of(np.array(keys, dtype=np.int64)).tolist() == numbers
    # every other key of two pair words (a sample, and the separator's), and none is found
    rng = random.Random(3)
    known = set(keys)
    others = [k for k in (rng.randrange(table.pair_words**2) for _ in range(200_000)) if k not in known]
    others += list(range(table.pair_words))  # the separator first
    assert (table.pair_terms_of(np.array(others, dtype=np.int64)) == -1).all()


def test_a_worker_whose_word_table_fills_still_scores_every_batch_as_a_fresh_one():
    texts = _texts()
    expected = abuse_model.AbuseModel.load().score_many(texts[:600])
    worker = abuse_model.AbuseModel.load()
    worker.cache_limit = 50
    for start in range(0, 600, 60):
        assert worker.score_many(texts[start : start + 60]) == expected[start : start + 60]
    table = worker._batch_state()
    assert len(table.ids) <= table.pair_words + 50 + 60 * 40
    # a batch with more new words than the table has room for is still scored whole
    assert worker.score_many(texts[:600]) == expected


def test_workers_sharing_a_model_in_threads_score_as_one_alone():
    texts = _texts()
    shared = abuse_model.AbuseModel.load()
    shared.cache_limit = 300  # the table starts again often while others read it
    expected = abuse_model.AbuseModel.load().score_many(texts)
    wrong: list[int] = []

    def work(seed: int) -> None:
        rng = random.Random(seed)
        for _ in range(40):
            start = rng.randrange(len(texts) - 50)
            if shared.score_many(texts[start : start + 50]) != expected[start : start + 50]:
                wrong.append(start)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []


def test_check_many_finds_what_check_finds_on_mixed_comments_and_posts():
    rng = random.Random(21)
    texts = _spaced_mixes(22, 400, 14) + [
        "Immigrants bring nothing but crime and disease, send them home",
        "don't let these vermin near our kids",
        "@council the b1tches who run this place are scum http://x.uk",
        "Thank you to the bin crew, brilliant work",
    ]
    drafts = [Draft(text=t, kind=rng.choice(("comment", "post"))) for t in texts]
    batched = check_many(drafts)
    assert batched == [check(d) for d in drafts]
    assert sum("abuse-model" in {f.rule for f in r.findings} for r in batched) > 10


def test_a_batch_too_large_for_32_bit_term_keys_scores_as_smaller_ones():
    model = abuse_model.AbuseModel.load()
    texts = _spaced_mixes(31, 17_000, 6)  # beyond 2**14 texts the keys are sorted as 64-bit numbers
    whole = model.score_many(texts)
    assert whole == [
        score for start in range(0, len(texts), 1000) for score in model.score_many(texts[start : start + 1000])
    ]
