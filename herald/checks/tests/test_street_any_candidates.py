"""_STREET_ANY tried only where a run of digits starts (``personal_data._street_any_at``, fed by
``_scan_digits``'s run starts) gives exactly ``_STREET_ANY.finditer``'s matches, spans and groups: over the
bench corpus, every labelled text and seeded mixes of house numbers and streets glued by what the pattern's
look-behind refuses ("£", "$", "€", "#", ":", "-", ".", ",", "/", letters, "_"), Unicode digits, numbers
inside numbers, overlapping candidates ("12 34 High Street", a street whose name holds a number), units
after the street, and runs of digits with nothing after them; and the whole personal-data check agrees
with its plain form on them."""

import random

import pytest

from herald.checks import personal_data as pd
from herald.checks.model import AllowedContacts
from herald.checks.personal_data import AllowList

from .test_prefilter import _corpus_texts

_STREETS = ["12 High Street Flat 3 Oak Road", "17 Acacia Avenue", "17A Acacia Avenue", "17a, High Street", "2 Mill Pond Cottages", "5 Mile Walk",
            "12 34 High Street", "12 5th Avenue", "1600 Pennsylvania Ave", "10 Downing St", "10 Downing St.",
            "221B Baker Street, Flat 3", "3 The Crescent", "4 March Road", "99999 Long Road", "123456 Big Road",
            "٣ Acacia Avenue", "12\tHigh Street", "12 High Street Apt 4", "14 Station Road #2", "7 Elm Way",
            "1 2 3 4 Oak Lane", "12 Oak", "Road 12", "12", "1", "07911 123456", "LE10 1AB", "12 St John's Road",
            "3 Church St, Hinckley", "8 Kingſ Road", "5 O'Neill Close", "12 Rose-Hill Drive"]  # fmt: skip
_BEFORE = ["", " ", "\n", "£", "$", "€", "#", ":", "-", ".", ",", "/", "x", "_", "1", "(", "'", "é", "at ", "No."]
_AFTER = ["", " ", ", ", ".", "\n", "x", "-", "1", " Hinckley LE10 1AB", " today"]


def _mixes(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        parts = [rng.choice(_BEFORE) + rng.choice(_STREETS) + rng.choice(_AFTER) for _ in range(rng.randint(1, 5))]
        texts.append("".join(parts))
    return texts


def _starts(text: str) -> list[int]:
    starts: list[int] = []
    pd._scan_digits(text, starts)
    return starts


def _spans(matches) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("part", [0, 1, 2])
def test_street_any_from_run_starts_equals_the_whole_text_scan(part):
    texts = _corpus_texts()[part::3] + _mixes(6000, 140 + part)
    found = 0
    for text in texts:
        whole = _spans(pd._STREET_ANY.finditer(text))
        assert _spans(pd._street_any_at(text, _starts(text))) == whole, text
        found += len(whole)
    assert found > 3000


def test_tricky_cases():
    for text in ["12 34 High Street", "£12 High Street", "#12 High Street", "x12 High Street", "1.12 High Street",
                 "٣ Acacia Avenue", "12 High Street 14 Low Road", "12 High Street14 Low Road",
                 "1 2 3 4 Oak Lane Road", "12 5th Avenue", "1\n2 High Street", "12-14 High Street"]:  # fmt: skip
        assert _spans(pd._street_any_at(text, _starts(text))) == _spans(pd._STREET_ANY.finditer(text)), text
    # a candidate inside the last match is not tried again ("5th Avenue" would not match, but "5 High Street" would)
    assert [m.group() for m in pd._street_any_at("12 5th Avenue", [0, 3])] == ["12 5th Avenue"]
    text = "12 High Street Flat 3 Oak Road"  # the first match ends before "3": "3 Oak Road" is found after it
    assert [m.group() for m in pd._STREET_ANY.finditer(text)] == ["12 High Street Flat", "3 Oak Road"]
    assert [m.group() for m in pd._street_any_at(text, _starts(text))] == ["12 High Street Flat", "3 Oak Road"]
    assert [m.group() for m in pd._street_any_at("12 5 High Street", [0, 3])] == ["5 High Street"]
    assert [m.group() for m in pd._street_any_at("12 High Street 4 5 Oak Road", [0, 15, 17])] == [
        "12 High Street",
        "5 Oak Road",
    ]
    # the run starts are where the runs of digits start, in order
    assert _starts("a12 b 3 ٣4x") == [1, 6, 8]


def test_the_check_agrees_with_its_plain_form_on_the_mixes():
    allow = AllowList(AllowedContacts())
    for text in _mixes(3000, 7):
        fast: list = []
        plain: list = []
        pd.check_personal_data(text, allow, lambda *a, into=fast, **k: into.append((a, k)))
        pd.check_personal_data(text, allow, lambda *a, into=plain, **k: into.append((a, k)), plain=True)
        assert fast == plain, text
