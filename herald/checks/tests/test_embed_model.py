"""The embedding abuse classifier (issue 12, round five): distilled MiniLM word-piece vectors and a small
classifier, scored with numpy from plain arrays, giving the same scores as the build (model2vec and
torch), and what the engine does with it."""

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from herald.checks import abuse_model, embed_model

from .helpers import rules_found


def loaded() -> embed_model.EmbedModel:
    model = embed_model.model()
    assert model is not None
    return model


def test_the_model_ships_as_plain_arrays_under_ten_megabytes():
    assert embed_model.DATA.stat().st_size < 10_000_000
    with np.load(embed_model.DATA, allow_pickle=False) as data:
        assert data["pieces"].dtype.kind == "U"
        assert data["vectors"].dtype == np.float16
        assert data["vectors"].shape[0] == len(data["pieces"]) > 20_000


def test_the_engine_scores_the_build_scripts_reference_sentences_as_the_build_did():
    # the build scored these with model2vec's tokenizer (the `tokenizers` package) and torch
    report = json.loads(embed_model.DATA.with_suffix(".json").read_text(encoding="utf-8"))
    reference = report["reference_scores"]
    assert len(reference) >= 5
    for text, expected in reference:
        assert loaded().score(text) == pytest.approx(expected, abs=1e-5), text


def test_a_word_is_split_into_the_longest_known_pieces():
    model = loaded()
    pieces = [p for p, n in sorted(model.index.items(), key=lambda item: item[1])]
    assert [pieces[i] for i in model.piece_ids("Unbelievably rude!")] == [
        "un",
        "##bel",
        "##ie",
        "##va",
        "##bly",
        "rude",
        "!",
    ]
    assert [pieces[i] for i in model.piece_ids("Café naïve")] == ["cafe", "naive"]


def test_a_word_with_no_known_pieces_adds_nothing():
    model = loaded()
    assert model.piece_ids("🤡🤡") == []
    assert model.score("🤡🤡") == model.score("")


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_the_quick_ascii_split_equals_the_character_by_character_one(text):
    assert embed_model.words(text) == embed_model._unicode_words(text)


# Characters Python's Unicode tables leave unassigned may be assigned in the `regex` package's newer ones.
@given(st.text(alphabet=st.characters(exclude_categories=("Cn",)), max_size=60))
def test_the_pattern_split_of_any_text_equals_the_character_by_character_one(text):
    assert embed_model.words(text) == embed_model._unicode_words(text)


@pytest.mark.parametrize(
    "text", ["Café naïve 🤡 «quoted» 東京", "x\u2028y\u00a0z", "ab\uf8ffc\u200bd", "a\u0301b", "\u3000\ufffd\x85"]
)
def test_the_pattern_split_agrees_on_accents_spaces_and_invisible_characters(text):
    assert embed_model.words(text) == embed_model._unicode_words(text)


@given(st.text(max_size=80))
def test_any_text_gets_a_probability(text):
    assert 0.0 <= loaded().score(text) <= 1.0


def test_scoring_a_batch_gives_each_texts_own_score():
    texts = ["They breed like rats and the council gives them houses.", "", "Bin day moves to Tuesday", "!!!"]
    batch = loaded().score_many(texts)
    assert batch == pytest.approx([loaded().score(t) for t in texts], abs=1e-6)
    assert loaded().score_many([]) == []


def test_the_engine_averages_the_linear_and_the_embedding_scores():
    text = "These people are vermin and should be driven out of our town"
    linear = abuse_model.model()
    assert linear is not None
    assert abuse_model.score(text) == pytest.approx((linear.score(text) + loaded().score(text)) / 2)
    assert abuse_model.score_many([text, ""]) == pytest.approx([abuse_model.score(text), abuse_model.score("")])


@pytest.mark.parametrize(
    "text",
    [
        "Those migrants multiply like mice in the old mill flats and the council just lets them",
        "People from that estate are subhuman, they live like animals",
        "Refugees breed faster than we can build schools",
    ],
)
def test_a_comment_degrading_a_group_without_a_listed_word_is_flagged(text):
    assert "abuse-model" in rules_found(text, kind="comment")


@pytest.mark.parametrize(
    "text",
    [
        "The council tax rise is a disgrace, vote them out",
        "Absolutely shambolic bin service again, sort it out",
        "I'm furious that the library is closing, shame on every councillor who voted for it",
        "Killing the bus route will kill the village, think again",
        "Please stop posting hate about refugees on this page, they are our neighbours",
        "Our Muslim neighbours organised the litter pick, thank you to them",
        "I felt like an idiot after missing the bin day again",
    ],
)
def test_angry_complaints_counter_speech_and_self_mockery_get_no_offensive_finding(text):
    assert not any(rule in rules_found(text, kind="comment") for rule in ("abuse-model", "offensive-model", "hate"))


def test_an_insult_word_aimed_at_no_one_is_read_in_its_sentence_unless_the_writer_means_themselves():
    # given the same word, once said of a group and once of oneself
    assert "abuse-model" in rules_found("People from that estate are subhuman, they live like animals", kind="comment")
    assert "abuse-model" not in rules_found("I felt like an idiot after missing the bin day again", kind="comment")
