"""Herald's own abuse classifier: scored in plain Python from saved arrays, the same as scikit-learn,
and combined with the rules (issue 12)."""

import csv
from pathlib import Path

import pytest

from herald.checks import abuse_model

from .helpers import findings, largest_gap_from_scikit_learn, linear_model_arrays, personal, rules_found

BLIND = Path(__file__).resolve().parents[3] / "bench" / "data" / "blind_offensive.tsv"


def test_the_model_ships_as_plain_arrays_that_load_without_pickle():
    vocabulary, idf, coef, _ = linear_model_arrays(abuse_model)
    assert vocabulary.dtype.kind == "U"
    assert len(vocabulary) == len(idf) == len(coef) > 10_000


def test_the_plain_python_score_equals_scikit_learns_on_the_same_arrays():
    with open(BLIND, encoding="utf-8") as handle:
        texts = [row["text"] for row in csv.DictReader(handle, delimiter="\t")][:200]
    texts += ["", "!!!", "sh1t sh1t sh1t", "@user http://x.co www.example.org don't"]
    assert largest_gap_from_scikit_learn(abuse_model, texts) < 1e-9


def test_leetspeak_is_read_as_the_letters_it_stands_for():
    assert abuse_model.features("sh1t") == abuse_model.features("shit")
    assert abuse_model.features("@user f00ls") == abuse_model.features("@bob fools")


@pytest.mark.parametrize(
    "text",
    [
        "Immigrants bring nothing but crime and disease",
        "these foreigners are all the same, lazy and dirty",
        "Disabled people are a drain on everyone",
    ],
)
def test_a_comment_with_hate_but_no_listed_word_is_flagged_by_the_model(text):
    assert "abuse-model" in rules_found(text, kind="comment")


@pytest.mark.parametrize(
    "text",
    [
        "Bin collections are delayed this week because of the snow",
        'Calling refugees "animals" is dehumanising and we condemn it',
        "The new library opens on Monday with free coding clubs for children",
        "Kill the weeds before they kill your garden: our allotment tips",
    ],
)
def test_ordinary_posts_and_counter_speech_get_no_model_finding(text):
    assert "abuse-model" not in rules_found(text)
    assert "abuse-model" not in rules_found(text, kind="comment")


def test_the_model_finding_warns_on_a_comment_and_only_advises_on_a_personal_post(monkeypatch):
    monkeypatch.setattr(abuse_model, "score_for", lambda text, threshold: 0.95)
    text = "They are not like us and never will be"
    assert [f.severity for f in findings(text, kind="comment") if f.rule == "abuse-model"] == ["warn"]
    assert [f.severity for f in findings(text, personal()) if f.rule == "abuse-model"] == ["advice"]


def test_a_comment_is_judged_at_a_lower_threshold_than_an_official_post(monkeypatch):
    # given a text the model scores between the two thresholds
    monkeypatch.setattr(abuse_model, "score_for", lambda text, threshold: 0.7)
    text = "They are not like us and never will be"
    assert "abuse-model" in rules_found(text, kind="comment")
    assert "abuse-model" not in rules_found(text)


@pytest.mark.parametrize(
    "text",
    ["sh1t", "a1", "1a", "ab12cd", "x@y", "a$$$$b", "f*ck", "hello world 2026", "abc 1 def", "a 1b", "a1 b",
     "meet@5pm", "le10 1ab", "covid19", "b4 u go", "no digits here", "", "@@@", "a*", "*a", "a*b*c9"],
)  # fmt: skip
def test_the_quick_leetspeak_test_agrees_with_the_full_pattern(text):
    assert (abuse_model._LEETY_ANYWHERE.search(text) is None) == (abuse_model._LEETY.search(text) is None)


def test_scoring_a_batch_gives_each_texts_own_score():
    model = abuse_model.model()
    assert model is not None
    texts = ["Immigrants bring nothing but crime and disease", "", "Bin day moves to Tuesday", "sh1t sh1t"]
    batch = model.score_many(texts)
    assert max(abs(b - model.score(t)) for b, t in zip(batch, texts, strict=True)) < 1e-12
    assert batch[0] > 0.6 > batch[2]
    assert model.score_many([]) == []


def test_check_many_scores_the_classifier_in_one_batch_with_the_same_findings_as_check():
    from herald.checks import Draft, check, check_many

    texts = [
        "Immigrants bring nothing but crime and disease",
        "Bin collections are delayed this week because of the snow",
        "these foreigners are all the same, lazy and dirty",
        "f*ck the lot of you",
        "Disabled people are a drain on everyone. Call 07911 123456",
    ]
    drafts = [Draft(text=t, platform="facebook", kind=kind) for t in texts for kind in ("comment", "post")]
    batched = check_many(drafts)
    assert batched == [check(d) for d in drafts]
    assert sum("abuse-model" in {f.rule for f in r.findings} for r in batched) >= 3


def test_a_worker_whose_word_cache_fills_mid_text_still_scores_it():
    # given a long-running worker whose cache of words' terms is about to start again
    fresh = abuse_model.AbuseModel.load()
    expected = fresh.score("The refuse collectors were brilliant today, thank you to the whole team")
    worker = abuse_model.AbuseModel.load()
    worker.cache_limit = 5
    worker.score("Bins collected late again on our street this week")
    # when a text brings more new words than the cache has room for, it scores as on a fresh worker
    assert worker.score("The refuse collectors were brilliant today, thank you to the whole team") == expected
    assert len(worker._known) <= 5 + 12
