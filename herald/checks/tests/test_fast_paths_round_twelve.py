"""Round twelve's speed-ups give the same answers as the code they replace: a word gate of the political
rules lets through every text its pattern matches, the literal-first form of the cased party nouns finds
exactly what the documented pattern finds, the party model scores bit for bit as before, and the
characters beyond ASCII found from the UTF-8 bytes are the pattern's. On the bench corpus, every
labelled text in the repository, and seeded variations (case, spacing, what sits next to the words) of
phrases each pattern matches or of characters beyond ASCII."""

import math
import random
import re
from functools import lru_cache

import numpy as np

from herald.checks import engine, political, presentation
from herald.checks.tests.test_fast_paths_round_six import _PIECES
from herald.checks.tests.test_prefilter import _corpus_texts
from herald.checks.textutil import NON_ASCII_RUN, probe

# phrases each gated pattern matches, varied below
_SEEDS = [
    "RESOLVED that the report be noted", "Agreed that the minutes", "it was moved and agreed", "Apologies for absence",
    "Cllr Jones declared a pecuniary interest", "Declarations of interest", "proposed by Cllr Smith, seconded by",
    "the minutes of the last ordinary meeting", "Council unanimously resolved", "on the motion of Cllr Bray",
    "Residents' Association candidates", "residents group councillors", "Residents\u2019 Alliance councillor",
    "the Residents Association has candidates standing in all wards", "Residents' Group will stand three candidates",
    "the residents party is standing for", "our team delivered for Barwell", "My local team has secured for residents",
    "our team on the council has frozen", "vote on Thursday", "Vote Green", "back us", "re-elect them",
    "polling day is", "four more years", "we fund our own campaigns", "pay for our own leaflet printing",
    "bankroll my election campaign", "supporters who turned out to vote", "everyone who voted for us",
    "RT @x", "retweeted: @cllr_x", "quote-tweet @labour", "shared from @party", "via @greens", "Reposting @mp",
    "vote Labour", "#VoteLibDem", "#VoteSinnF\u00e9in", "#votereform", "vote for us", "don't vote Tory", "re-elect me",
    "reelect Cllr Bray", "elect us", "vote them out", "vote yes", "vote for Councillor Smith", "voting for our",
    "hundreds of Green activists", "the Reform councillors", "Electing a Green means", "vote Greens",
    "A Green vote", "voting another Green", "Vote Green flag", "we elected more Greens",
    "the Housing Minister says", "Ministers have announced", "said the Government", "according to the department",
    "the Secretary of State for Levelling Up, Housing and Communities believes", "says Whitehall",
    "the Government estimates", "Whitehall has confirmed", "the Department for Education expects",
]  # fmt: skip
_SPACES = [" ", "  ", "\n", "\t", "\u00a0", " , "]
_NEXT_TO = ["", "", " ", "x", "_", "#", "@", "\u00e9", "1", "'", ",", ". ", "The "]


def _varied(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        phrase = rng.choice(_SEEDS)
        phrase = rng.choice([phrase, phrase, phrase.upper(), phrase.lower(), phrase.title()])
        phrase = re.sub(" ", lambda _: rng.choice(_SPACES), phrase)
        if rng.random() < 0.1:  # a letter a case-blind pattern reads as "s" or "i" (``_CASE_BLIND_LETTERS``)
            phrase = phrase.replace("s", "\u017f", 1).replace("i", rng.choice(["\u0131", "\u0130"]), 1)
        texts.append(rng.choice(_NEXT_TO) + phrase + rng.choice(_NEXT_TO) + rng.choice(["", " " + rng.choice(_SEEDS)]))
    return texts


@lru_cache(maxsize=1)
def _texts() -> list[str]:
    return _corpus_texts() + _varied(12, 20000)


def _gates():
    """Each gated pattern with the word sets this round's gates ask the text to meet (one word of each);
    the gates that were there before ("residents", "team", "our" or "my") are not this round's."""
    p = political
    vote = engine._compiled(engine.default_rules()).political
    return [
        ("_MINUTES", p._MINUTES, [p._MINUTES_WORDS]),
        ("_RESIDENTS_GROUP", p._RESIDENTS_GROUP, [p._GROUP_WORDS, p._GROUP_MEMBER_WORDS]),
        ("_RESIDENTS_STANDING", p._RESIDENTS_STANDING, [p._GROUP_WORDS, p._STANDING_WORDS]),
        ("_TEAM_RECORD", p._TEAM_RECORD, [p._TEAM_OWNER_WORDS]),
        ("_TEAM_CALL", p._TEAM_CALL, [p._TEAM_CALL_WORDS]),
        ("_OWN_CAMPAIGN_MONEY", p._OWN_CAMPAIGN_MONEY, [p._MONEY_VERB_WORDS, p._MONEY_FOR_WORDS]),
        ("_SUPPORTERS_VOTED", p._SUPPORTERS_VOTED, [p._SUPPORTERS_VOTED_WORDS]),
        ("_SHARE", p._SHARE, [p._SHARE_WORDS]),
        ("vote", vote.vote, [vote.vote_words]),
        ("_GOVERNMENT_SAYS", p._GOVERNMENT_SAYS, [p._SAYS_WORDS]),
    ]


def test_each_word_gate_lets_through_every_text_its_pattern_matches():
    matched = {name: 0 for name, _, _ in _gates()}
    blind = 0
    also = engine._compiled(engine.default_rules()).political.vote_words | political._SAYS_WORDS
    for text in _texts():
        words = political._gate_words(text, probe(text)[1], also)
        blind += words is not probe(text)[1]
        for name, pattern, needed in _gates():
            if pattern.search(text) is not None:
                matched[name] += 1
                missing = [sorted(s) for s in needed if set(s).isdisjoint(words)]
                assert not missing, (name, text, missing)
    # every pattern matched often enough for the test to mean something
    assert min(matched.values()) >= 30, matched
    assert blind > 1000


def test_the_literal_first_party_noun_pattern_finds_what_the_documented_one_finds():
    found = 0
    for text in _texts():
        spans = [m.span() for m in political._CASED_PARTY_NOUN.finditer(text)]
        assert [m.span() for m in political._CASED_PARTY_NOUN_SCAN.finditer(text)] == spans, text
        if spans:
            found += 1
            assert "Green" in text or "Reform" in text  # the gate the code puts before it
            assert {"green", "greens", "reform"} & probe(text)[1]
    assert found >= 300


def test_the_party_model_scores_bit_for_bit_as_with_joined_pairs():
    """``score_words`` looks a pair of neighbouring words up as a tuple, and reads the shares from arrays
    of doubles; as first written each pair was one joined string in the one table of all terms, and the
    shares lists of floats. The same numbers go into the set in the same order and the same floats are
    added, so the two scores are equal exactly, not just to within rounding."""
    from herald.checks import party_model
    from herald.checks.textutil import word_pairs

    model = party_model.model()
    assert model is not None
    # each term's shares as first kept: a list of float objects, from the model file itself
    loaded = np.load(party_model.DATA, allow_pickle=False)
    idf, coef = loaded["idf"].tolist(), loaded["coef"].tolist()
    norm_shares = [i * i for i in idf]
    sum_shares = [i * w for i, w in zip(idf, coef, strict=True)]

    def joined(found: list[str]) -> float:
        present = set(map(model.index.get, found))
        present.update(map(model.index.get, word_pairs(found)))
        present.discard(None)
        norm = sum(map(norm_shares.__getitem__, present))
        total = sum(map(sum_shares.__getitem__, present))
        decision = (total / math.sqrt(norm) if norm else 0.0) + model.intercept
        return 0.0 if decision < -30 else 1.0 / (1.0 + math.exp(-decision))

    scores = []
    for text in _texts()[::2]:
        found = party_model.words(text)
        score = model.score_words(found)
        assert score == joined(found), text  # floats compared exactly
        scores.append(score)
    assert max(scores) > 0.9 and min(scores) < 0.1  # both ends of the scale are compared
    assert sum(0 < s < 1 for s in scores) > 5000


def _beyond_texts() -> list[str]:
    rng = random.Random(12)
    pieces = _PIECES + ["\ud800", "\udfff", "\r\n", "\u200d", "\U0001f600", "A", "bc", "\x7f", "\x80"]
    mixed = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(5000)]
    # texts with a few characters beyond ASCII and with more than ``_FEW_BEYOND`` of them
    mixed += ["x" * 40 + "é" * n + " £ " * (n % 3) + "y" for n in range(0, 80)]
    return _corpus_texts() + mixed


def test_the_characters_beyond_ascii_and_their_runs_are_the_pattern_s():
    """``beyond_ascii`` and ``non_ascii_runs`` answer as ``NON_ASCII_RUN`` does, lone surrogates
    included, and ``_sentence_words`` splits a text with them as it did after replacing each run with
    a space."""
    runs_found = 0
    for text in _beyond_texts():
        assert presentation.beyond_ascii(text) == "".join(NON_ASCII_RUN.findall(text)), text
        runs = [m.span() for m in NON_ASCII_RUN.finditer(text)]
        assert presentation.non_ascii_runs(text) == runs, text
        runs_found += len(runs) > 1
        # X's weight-two characters, as x_weighted_length counted them over the whole text
        whole = 0 if presentation._X_WEIGHT_ONE.fullmatch(text) else len(presentation._X_HEAVY.findall(text))
        assert len(presentation._X_HEAVY.findall(presentation.beyond_ascii(text))) == whole, text
        if not presentation._WORDISH.search("".join(NON_ASCII_RUN.findall(text))):
            plain = NON_ASCII_RUN.sub(" ", text)
            assert presentation._sentence_words(text) == presentation._sentence_words(plain), text
    assert runs_found > 1000
