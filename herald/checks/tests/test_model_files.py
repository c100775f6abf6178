"""What the trainers write (`bench/modelfiles.py`) is what the engine loads: a tiny model fitted here,
saved the trainers' way and read back with the engine's own loader, scores as scikit-learn did."""

import importlib.util
import json
import re
from pathlib import Path

import pytest

from herald.checks import abuse_model, party_model

BENCH = Path(__file__).resolve().parents[3] / "bench"

TEXTS = [
    "We will cut your council tax and build more homes",
    "Vote for real change and a fairer deal",
    "Our party delivers for local families",
    "The library is closed on Monday for repairs",
    "Bin collections move to Saturday after the bank holiday",
    "Apply for your postal vote by 5pm on 14 April",
]
LABELS = [1, 1, 1, 0, 0, 0]
UNSEEN = ["We will build more homes for families", "The library opens on Saturday", "", "nothing known here"]


def _save_linear_model():
    spec = importlib.util.spec_from_file_location("modelfiles", BENCH / "modelfiles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.save_linear_model


@pytest.mark.parametrize(
    ("features", "loader"),
    [(party_model.features, party_model.PartyModel.load), (abuse_model.features, abuse_model.AbuseModel.load)],
    ids=["party model", "abuse model"],
)
def test_a_model_saved_the_trainers_way_loads_in_the_engine_and_scores_as_fitted(tmp_path, features, loader):
    text = pytest.importorskip("sklearn.feature_extraction.text")
    linear = pytest.importorskip("sklearn.linear_model")
    vectorizer = text.TfidfVectorizer(analyzer=features, binary=True)
    model = linear.LogisticRegression().fit(vectorizer.fit_transform(TEXTS), LABELS)
    path = tmp_path / "data" / "tiny_model.npz"

    _save_linear_model()(path, vectorizer, model, {"threshold": 0.5})

    loaded = loader(path)
    expected = model.predict_proba(vectorizer.transform(TEXTS + UNSEEN))[:, 1]
    assert max(abs(loaded.score(t) - e) for t, e in zip(TEXTS + UNSEEN, expected, strict=True)) < 1e-9
    figures = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert figures == {"threshold": 0.5, "terms": len(vectorizer.vocabulary_)}


def test_the_figures_can_carry_the_cpu_the_training_took(tmp_path):
    text = pytest.importorskip("sklearn.feature_extraction.text")
    linear = pytest.importorskip("sklearn.linear_model")
    vectorizer = text.TfidfVectorizer(analyzer=party_model.features, binary=True)
    model = linear.LogisticRegression().fit(vectorizer.fit_transform(TEXTS), LABELS)
    path = tmp_path / "model.npz"

    _save_linear_model()(path, vectorizer, model, {}, cpu_since=-3600.0)

    figures = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert list(figures) == ["terms", "cpu_seconds"]
    assert figures["cpu_seconds"] >= 3600


def _modelfiles():
    spec = importlib.util.spec_from_file_location("modelfiles", BENCH / "modelfiles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ROWS = [
    ("@CllrPennock you are useless, Cllr Pennock, go back to Hollowmere", 1),
    ("@CllrPennock thanks for fixing the lights on Kiln Lane in Hollowmere", 0),
    ("Muslim families asked about Eid prayers at the hall on Friday", 0),
    ("Heading to Scunthorpe for the match on Saturday", 0),
    ("cllr pennock is a clown. Hollowmere deserves better", 1),
]


def test_the_trainers_give_each_copy_of_a_council_row_its_own_invented_names():
    varied = _modelfiles().vary_names(ROWS, 3)
    assert [label for _text, label in varied] == [label for _text, label in ROWS] * 3
    names = " ".join(text for text, _label in varied)
    assert "Pennock" not in names and "Hollowmere" not in names and "@CllrPennock" not in names
    assert "pennock" not in names.lower()  # also "cllr pennock" written in lower case
    assert len({varied[i * len(ROWS)][0] for i in range(3)}) == 3  # each copy its own names


def test_group_words_days_and_rude_looking_real_places_are_not_varied():
    varied = _modelfiles().vary_names(ROWS, 2)
    assert all(text == ROWS[2][0] for text, _label in varied[2::5])
    assert all(text == ROWS[3][0] for text, _label in varied[3::5])
    assert all("Lane" in text for text, _label in varied[1::5])


def test_names_can_be_kept_as_written():
    assert _modelfiles().vary_names(ROWS, 2, seed=None) == ROWS * 2


GROUP_ROWS = [
    ("Is the council paying for the migrants' English lessons or is it a charity?", 0),
    ("Migrants are vermin and should be sent back", 1),
    ("The Roma families on the site asked about school places", 0),
    ("He is an immigrant who has worked here for years.", 0),
    ("Muslims and Jews should get out of this town", 1),
    ("Those pakis and gyppos are scum", 1),
    ("Telegraph poles are down on the high street", 0),
    ("Muslim families asked about Eid prayers at the hall", 0),
]


def test_each_copy_of_a_council_row_names_its_own_group_in_the_same_grammatical_slot():
    modelfiles = _modelfiles()
    varied = modelfiles.vary_council(GROUP_ROWS, 20)
    n = len(GROUP_ROWS)
    assert [label for _text, label in varied] == [label for _text, label in GROUP_ROWS] * 20
    plurals = {forms[0].lower() for forms in modelfiles.GROUPS}
    # a plural, possessive: "the refugees' English lessons", "the trans people's English lessons"
    owners = [
        re.fullmatch(r"Is the council paying for the (.+?)(?:'|'s) English lessons or is it a charity\?", t)
        for t, _ in varied[0::n]
    ]
    assert all(owners) and {o.group(1).lower() for o in owners} <= plurals
    assert len({o.group(1) for o in owners}) >= 5  # not one group word with the fair label
    # a plural starting a sentence, in abuse: still abuse, of many groups
    said = {text.removesuffix(" are vermin and should be sent back") for text, _label in varied[1::n]}
    assert {s.lower() for s in said} <= plurals and len(said) >= 5 and all(s[0].isupper() for s in said)
    # a word before a person noun, a singular after "a/an" with the article agreeing
    before = {text.removesuffix(" families on the site asked about school places") for text, _l in varied[2::n]}
    assert all(b.startswith("The ") for b in before) and len(before) >= 5
    assert {text.split(" who has")[0].removeprefix("He is ") for text, _l in varied[3::n]} <= {
        ("an " if forms[1][0].lower() in "aeiou" else "a ") + forms[1] for forms in modelfiles.GROUPS
    }
    two = [text.removesuffix(" should get out of this town").split(" and ") for text, _l in varied[4::n]]
    assert all(first.lower() != second.lower() for first, second in two)  # two groups stay two groups


def test_slurs_other_words_and_a_faith_own_practice_keep_their_words():
    varied = _modelfiles().vary_council(GROUP_ROWS, 5)
    n = len(GROUP_ROWS)
    for i in (5, 6, 7):
        assert {text for text, _label in varied[i::n]} == {GROUP_ROWS[i][0]}


def test_groups_can_be_kept_as_written():
    assert _modelfiles().vary_council(GROUP_ROWS, 2, group_seed=None) == _modelfiles().vary_names(GROUP_ROWS, 2)


def test_each_team_file_weighs_what_the_trainers_are_told_row_by_row(tmp_path):
    modelfiles = _modelfiles()
    weights = modelfiles.file_weights("council_train6.tsv=0.5, council_train7.tsv=2", {})
    assert weights == {"council_train6.tsv": 0.5, "council_train7.tsv": 2.0}
    paths = modelfiles.council_files("council_train4.tsv,council_train6.tsv,council_train7.tsv")
    rows = [len(modelfiles.read_council((path,))) for path in paths]
    per_row = modelfiles.council_row_weights(paths, weights)
    assert per_row == [1.0] * rows[0] + [0.5] * rows[1] + [2.0] * rows[2]  # a file not named weighs 1
    assert len(per_row) == len(modelfiles.read_council(paths))


def test_file_weights_default_to_the_trainer_own_and_a_dash_weighs_every_file_1():
    modelfiles = _modelfiles()
    own = {"council_train6.tsv": 0.25}
    assert modelfiles.file_weights(None, own) == own
    assert modelfiles.file_weights("-", own) == {}


@pytest.mark.parametrize("spec", ["council_train6.tsv", "council_train6.tsv=-1", "council_train6.tsv="])
def test_a_file_weight_that_is_not_file_equals_a_weight_is_refused(spec):
    with pytest.raises(ValueError, match="not file=weight"):
        _modelfiles().file_weights(spec, {})


def test_a_weight_for_a_misspelt_team_file_is_refused():
    modelfiles = _modelfiles()
    with pytest.raises(ValueError, match="council_trian6.tsv"):
        modelfiles.council_row_weights(modelfiles.COUNCIL_TRAIN, {"council_trian6.tsv": 0.5})
