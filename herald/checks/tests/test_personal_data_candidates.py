"""Personal data from candidate places: _POSTCODE is tried only just before an inward code's digit
(``_postcode_matches``), and _NUMBER_FIRST_FR only when a French street word follows a number
(``_french_hint``). Both give what the whole-text patterns give: over the bench corpus, every labelled text
and seeded mixes of postcode and street pieces (every outward length, with and without the space, lower and
mixed case, "ſ" and the Kelvin sign that the case-blind pattern reads as "s" and "k", glued and run on)."""

import random

import pytest

from herald.checks import personal_data as pd
from herald.checks.textutil import probe

from .test_prefilter import _corpus_texts

_CODES = ["LE10 1AB", "LE101AB", "SW1A 1AA", "sw1a1aa", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX",
          "GIR 0AA", "EC1A 1BB", "le10 1ab", "Le10 1Ab", "LE10 1Aſ", "\u212aT1 1AB", "LE10 1AB-2", "XLE10 1AB",
          "LE10 1ABC", "QA1 1AB", "LE10\t1AB", "LE10\u00a01AB", "1AB", "0AA", "12 3AB"]  # fmt: skip
_FRENCH = ["12 rue de la Paix", "7 bis, avenue Foch", "7bis avenue Foch", "3 ter rue Victor", "12, Boulevard Haussmann",
           "12\tavenue de l'Opéra", "12 , avenue Foch", "Acacia Avenue", "avenue 12", "12  AVENUE  DES Champs",
           "5 place d'Italie", "9 cours Mirabeau", "9 courſ Mirabeau", "41 Allée des Pins", "12 bd Voltaire",
           "12 Quai Branly", "12 xbis avenue", "ter avenue", "12 impasse Nord"]  # fmt: skip
_GLUE = ["", " ", ", ", "\n", "-", "x", "1", ". ", "  "]
_WORDS = ["Flat 2", "17 Acacia Avenue", "Hinckley", "call 07911 123456", "rue", "bis", "the", "2026", "B"]


def _mixes(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pieces = _CODES + _FRENCH + _WORDS
    texts = []
    for _ in range(n):
        parts = [rng.choice(pieces) for _ in range(rng.randint(1, 6))]
        texts.append("".join(part + rng.choice(_GLUE) for part in parts))
    return texts


def _texts(part: int) -> list[str]:
    return _corpus_texts()[part::3] + _mixes(4000, 50 + part) + _CODES + _FRENCH


@pytest.mark.parametrize("part", range(3))
def test_postcodes_from_the_inward_codes_are_the_whole_texts_matches(part):
    found = 0
    for text in _texts(part):
        expected = [(m.span(), m.groups()) for m in pd._POSTCODE.finditer(text)]
        assert [(m.span(), m.groups()) for m in pd._postcode_matches(text)] == expected, text
        found += len(expected)
    assert found > 1000


def test_every_outward_length_and_the_case_blind_letters_are_met():
    # the place tried furthest back is 5 characters before the digit ("SW1A 1AA"); "ſ" and the Kelvin sign
    # are read as "s" and "k" by the case-blind pattern, and by the candidate scan
    for text, span in [("at SW1A 1AA.", (3, 11)), ("M1 1AE", (0, 6)), ("LE10 1Aſ", (0, 8)), ("\u212aT1 1AB", (0, 7))]:
        assert (
            [m.span() for m in pd._postcode_matches(text)] == [span] == [m.span() for m in pd._POSTCODE.finditer(text)]
        )


@pytest.mark.parametrize("part", range(3))
def test_the_french_hint_holds_wherever_the_french_pattern_matches(part):
    tried = skipped = 0
    for text in _texts(part):
        lowered, words = probe(text)
        hits = pd._ADDRESS_WORDS.intersection(words)
        if pd._FRENCH_STREET_WORDS.isdisjoint(hits):
            continue
        tried += 1
        if pd._NUMBER_FIRST_FR.search(text) is not None:
            assert pd._french_hint(text, lowered, hits), text
        else:
            skipped += not pd._french_hint(text, lowered, hits)
    assert tried > 500 and skipped > 100  # the hint is asked, and spares the pattern on many


def test_an_english_avenue_does_not_wake_the_french_pattern():
    for text, expected in [("17 Acacia Avenue LE10 1AB", False), ("12 avenue Foch", True), ("7 bis, rue X", True)]:
        lowered, words = probe(text)
        assert pd._french_hint(text, lowered, pd._ADDRESS_WORDS.intersection(words)) is expected
