"""Personal data scans a text's digits once and runs only the detectors whose shape is there (issue 12):
it finds exactly what running every detector on every text finds, on the bench corpus, every labelled
text in the repository and seeded random mixes built to put digits, capitals, separators and the
characters case-blind matching treats specially in every position."""

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from herald.checks import personal_data as pd
from herald.checks.model import AllowedContacts
from herald.checks.tests.test_prefilter import _corpus_texts

_ALLOW = pd.AllowList(
    AllowedContacts(phones=("01455 238141",), email_domains=("hinckley-bosworth.gov.uk",)),
    ("Hinckley Hub, Rugby Road, Hinckley LE10 0FR",),
)

# Pieces of every kind of personal data the module finds, pieces that nearly are, and the separators,
# letters and digits (one beyond ASCII: "\d" matches it too) that sit around them.
_PIECES = [
    "0", "1", "4", "7", "9", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "٣", "44", "0044",
    "+", "+44 ", "(", ")", " ", "  ", "-", "_", ".", "/", ",", "\n", "\n\n", "\t", "@", "a", "b", "B", "Q", "AB",
    "GB", "LE", "ZZ", "C", "D", "d", "x", "ext ", "é", "k", "K", "İ", "ı", "ſ", "IL ", "Springfield, IL 62704",
    "07911 123456", "07700 900123", "020 7946 0018", "01455 238141", "0800 1111", "+1 415 555 2671", "(415) 555-2671",
    "+61 2 9374 4000", "Tel: ", "call me on ", " - Office", "943 476 5919", "9434765919", "4111 1111 1111 1111",
    "5555555555554444", "378282246310005", "AB 12 34 56 C", "ab123456c", "QQ123456A", "GB82 WEST 1234 5698 7654 32",
    "DE89370400440532013000", "12-34-56", "sort code ", "Sort Code: 307137", "account number ", "12345678",
    "SSN: ", "123-45-6789", "social security ", "DOB ", "born on ", "date of birth: ", "3rd March 1990",
    "12/03/1990", "birthday is ", "LE10 1AB", "le10 1ab", "LE10 0FR", "SW1A 2AA", "2nd", "4th", "10am",
    "12 Acacia Avenue", "23 Rugby Road", "Flat 3", "Apt 4, ", "lives at ", "address: ", "Via Roma 131",
    "Friedhofstrasse 33", "Berliner Straße 35", "12 rue de la Paix", "58 Ffordd Dinas", "28 The Crescent",
    "i live at 23 wressle road", "PO Box 123", "ZIP: 62704", "Rose Cottage, Barwell LE9 8AB", "Ref HR-1207",
    "22 March 2027", "jo@example.com", "info@hinckley-bosworth.gov.uk", "The", "the", "Street", "Road", "Rd",
]  # fmt: skip


def _mixes(seed: int, count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, longest))) for _ in range(count)]


def _found(text: str, *, plain: bool) -> list[tuple]:
    found: list[tuple] = []
    pd.check_personal_data(text, _ALLOW, lambda *args, **fields: found.append((args, fields)), plain=plain)
    return found


def _assert_same(text: str) -> None:
    assert _found(text, plain=False) == _found(text, plain=True), text


def test_one_scan_finds_what_every_detector_finds_on_every_labelled_and_bench_text():
    texts = _corpus_texts()
    found = 0
    for text in texts:
        fast = _found(text, plain=False)
        assert fast == _found(text, plain=True), text
        found += len(fast)
    assert found > 500  # the comparison saw real findings, not only empty lists


def test_one_scan_finds_what_every_detector_finds_on_random_mixes():
    kinds: set[str] = set()
    for text in _mixes(12, 4000, 14):
        fast = _found(text, plain=False)
        assert fast == _found(text, plain=True), text
        kinds.update(args[0] for args, _ in fast)
    # every detector the gates stand in front of found something in the mixes
    assert {"phone-number", "postcode", "postal-address", "street-address", "ni-number", "bank-details", "iban",
            "card-number", "national-id", "nhs-number", "date-of-birth"} <= kinds  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_one_scan_on_any_mix_of_pieces(text):
    _assert_same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789٣+()- _./@aAbBdDQLEGZKkİſx\n"), max_size=40))
def test_one_scan_on_any_text_of_digits_and_separators(text):
    _assert_same(text)


def _assert_shapes_necessary(text: str) -> None:
    """Each shape the scan reports absent really is: the pattern it stands for finds nothing."""
    shapes, cluster = pd._scan_digits(text)
    lengths = {len(run) for run in re.findall(r"\d+", text)}
    if pd._PHONE.search(text):
        assert shapes & pd._UK_PHONE, text
    assert bool(shapes & pd._IBAN_SHAPE) == (pd._IBAN.search(text) is not None), text
    # the postcode's shape stands in for _POSTCODE_HINT exactly (_POSTCODE reads "ſ" as "s": the hint is not
    # only a shortcut)
    assert bool(shapes & pd._INWARD) == (pd._POSTCODE_HINT.search(text) is not None), text
    if pd._NI_DIGITS.search(text):
        assert shapes & pd._NI_SHAPE, text
    if pd._US_ZIP_HINT.search(text):
        assert shapes & pd._ZIP_SHAPE, text
    uk = pd._phones(text, _ALLOW, lambda *args, **fields: None)
    free = pd._free_cluster(text, uk)
    for match in pd._ANY_PHONE.finditer(text):
        digits = len(re.sub(r"\D", "", pd._EXTENSION.split(match.group(), maxsplit=1)[0]))
        assert cluster >= digits, text
        # past the UK numbers found, the other phone numbers and SSNs look only at runs outside them
        if not any(s < match.end() and match.start() < e for s, e in uk):
            assert free >= digits, text
    if pd._CARD.search(text):
        assert cluster >= 12, text
    if pd._SSN_PLAIN.search(text):
        assert cluster >= 9, text
    if pd._SORT_CODE_CUED.search(text):
        assert 2 in lengths or 6 in lengths, text
    if pd._DOB_HINT.search(text) or pd._DOB.search(text):
        assert "b" in text or "B" in text, text


def test_each_shape_is_a_necessary_condition_on_random_mixes():
    for text in _mixes(13, 3000, 12):
        _assert_shapes_necessary(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789٣+()- _./aAbBcdDQLEGZKkİxX\n"), max_size=40))
def test_each_shape_is_a_necessary_condition_on_any_text(text):
    _assert_shapes_necessary(text)


def test_a_text_with_no_shape_runs_no_detector_but_the_findings_stay():
    # "Ref HR-1207" has digits but no detector's shape; the phone number, postcode and IBAN beside it do
    assert pd._scan_digits("Ref HR-1207, 22 March 2027") == (0, 4)
    text = "Ref HR-1207: call 07911 123456, 12 Acacia Avenue LE10 1AB, IBAN GB82 WEST 1234 5698 7654 32"
    assert [args[0] for args, _ in _found(text, plain=False)] == ["phone-number", "postal-address", "iban"]
