"""Personal data: phone numbers, emails, postcodes and addresses, NI, NHS, bank, card, IBAN, dates of birth.

Fast patterns find candidates; libraries (phonenumbers, python-stdnum) or check digits confirm them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType
from stdnum import iban as stdnum_iban
from stdnum import luhn

from .model import AllowedContacts
from .textutil import digit_lengths
from .textutil import probe as _probe_words

Emit = Callable[..., None]

# Every pattern starts with a plain character or class (any look-behind comes after the first
# character), so the regex engine skips ahead in C to the characters that can start a match instead of
# trying the whole pattern at every position: 5-10 µs per 2,000 characters instead of 30-80 µs.
# tests/test_fast_paths.py checks each against the straightforward form it replaces (REFERENCE_PATTERNS).
_PHONE = re.compile(
    r"(?:\+(?<![\w+].)\s?44|0(?<![\w+].)044|\((?<![\w+].)0\d|0(?<![\w+].))(?:[\d \-()]|\.(?=\d)){8,17}\d(?!\d)"
)
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)  # runs only when "@" is present
_POSTCODE = re.compile(
    r"(?<![\w-])([A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|GIR)\s?"
    r"([0-9][ABD-HJLNP-UW-Z]{2})(?![\w-])",
    re.IGNORECASE,
)
# The inward code (digit and two letters, then no word character) ends every postcode.
_POSTCODE_HINT = re.compile(r"\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}(?![\w-])")
# Where _POSTCODE's inward code starts: its digit, with the same case-blind letters after it (so "ſ" reads
# as "s" here too) and no word character or dash after them. A scan led by a digit finds these few
# places; _POSTCODE is tried only at the 2 to 5 characters before each (``_postcode_matches``).
_INWARD_DIGIT = re.compile(r"[0-9](?=(?i:[ABD-HJLNP-UW-Z]{2})(?![\w-]))")


def _postcode_matches(text: str) -> list[re.Match[str]]:
    """``list(_POSTCODE.finditer(text))``, trying the pattern only where a match can start: every match ends
    with an inward code (``_INWARD_DIGIT``) and starts 2 to 5 characters before its digit (an outward code
    of 2 to 4 characters and at most one space). Those places are tried in order, each once, and a match
    skips the places it covers, as ``finditer`` does (tests/test_personal_data_candidates.py)."""
    found: list[re.Match[str]] = []
    last = tried = 0
    for inward in _INWARD_DIGIT.finditer(text):
        digit = inward.start()
        for start in range(max(tried, last, digit - 5), digit - 1):
            if start < last:
                continue
            match = _POSTCODE.match(text, start)
            if match is not None:
                found.append(match)
                last = match.end()
        tried = max(tried, digit - 1)
    return found


_STREET = re.compile(
    r"(?<![\w-])\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][\w'-]*\s+){0,4}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|"
    r"Way|Crescent|Court|Ct|Place|Gardens|Terrace|Grove|Hill|Walk|Mews|Row|Square|Green|Park|View|Rise|Parade|"
    r"Gate|End|Fields|Meadow|Meadows|Croft|Chase|Vale|Lodge|Cottages)\b"
)
_NI = re.compile(
    r"([A-CEGHJ-TW-Z](?<![\w-].)(?:(?<=Q)Q|(?<!Q)[A-CEGHJ-NPR-TW-Z]))(?<!BG|GB|KN|NK|NT|TN|ZZ)"
    r"[ -]?(\d\d[ -]?\d)[ -]?(\d[ -]?\d\d)[ -]?([A-D])(?![\w-])"
)
_NHS = re.compile(r"(\d(?<![\w+-]\d)\d\d)([ -]?)(\d{3})\2(\d{4})(?![\w-])")
_SORT_CODE = re.compile(
    r"(?<![\w-])(?:sort\s*code:?\s*)?(\d{2})([ -])(\d{2})\2(\d{2})(?!\d)[^\d\n]{0,40}?(?<!\d)(\d{8})(?![\d-])",
    re.IGNORECASE,
)
_SORT_CODE_HINT = re.compile(r"\d\d([ -])\d\d\1\d\d(?!\d)")
_SORT_CODE_CUED = re.compile(r"(?i)\bsort[ \t-]*code\b[^\d\n]{0,8}(\d{6}|\d\d([ .-])\d\d\2\d\d)(?![\d-])")
# The digits of a National Insurance number (a necessary condition, led by a digit: a fast scan).
_NI_DIGITS = re.compile(r"\d\d[ -]?\d[ -]?\d[ -]?\d\d[ -]?[a-dA-D](?![\w-])")
_ACCOUNT_ONLY = re.compile(r"(?i)\b(?:account|acc|a/c)\s*(?:number|no\.?|#)?:?\s*(\d{8})(?!\d)")
_EIGHT_DIGITS = re.compile(r"\d(?<!\d\d)\d{7}(?!\d)")
_CARD = re.compile(r"\d(?<![\d-]\d)(?:[ -]?\d){11,18}(?![\d-])")
_CARD_CUE = re.compile(r"(?i)\b(?:card|cc|visa|mastercard|maestro|amex|debit|credit)\b")
_IBAN = re.compile(r"([A-Z](?<![\w-][A-Z])[A-Z]\d{2}(?: ?[A-Z0-9]){11,30})(?![\w-])")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_YEAR = r"(?:\d{4}|'\d{2})(?!\d)"
# Numeric dates (day, month and year in either order, ISO), "3rd (of) March(,) 1990", "March 3rd, 1990",
# "12-Mar-1990", "12 Mar 90".
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?!\d)|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?!\d)|"
    r"\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?[\s-]+"
    + _MONTH
    + r",?[\s-]+(?:"
    + _YEAR
    + r"|\d{2}(?![\d:.]))|"
    + _MONTH
    + r"\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?,?\s+"
    + _YEAR
    + ")"
)
# A birth cue, then up to 30 characters without a digit or sentence end ("born on the", "DOB (dd/mm/yyyy):",
# "date of birth is"), or the next sentence when it starts "It's"/"It is"/"Mine is" ("Please tell me your
# date of birth. It's 6/24/1991").
_DOB = re.compile(
    r"(?i)\b(?:(?:d\.?o\.?b\b\.?|date\s+of\s+birth|born|birth\s*date)"
    r"(?:[^\d\n.!?;]{0,25}?|[^\d\n.!?]{0,10}[.?!]\s{1,3}(?:it'?s|it\s+is|that'?s|mine\s+is|mine'?s)\s{1,3})"
    r"|birthday[\s:=-]{0,3}(?:(?:is|was|on|of|falls)\s+){0,2}(?:the\s+)?)(" + _DATE + ")"
)
# Cheap necessary conditions (a plain first character, so a fast scan) for the case-insensitive patterns.
_DOB_HINT = re.compile(r"[bBdD](?:(?<=[dD])(?i:\.?o\.?b)|(?<=[bB])(?i:irth|orn))")
_ACCOUNT_HINT = re.compile(r"[aA](?i:cc|/c)")
# _DOB_HINT's spellings of a birth cue, in lower case: in ASCII text, where case-insensitive matching is
# plain ASCII case folding, the hint matches exactly when the lower-cased text holds one of them.
_DOB_CUES = ("birth", "born", "dob", "d.ob", "do.b", "d.o.b")


def _dob_hint(text: str) -> bool:
    """``_DOB_HINT.search(text) is not None``, by substring tests for ASCII text (most text)."""
    if text.isascii():
        lowered = _probe_words(text)[0]
        return any(cue in lowered for cue in _DOB_CUES)
    return _DOB_HINT.search(text) is not None


# The straightforward forms of the rewritten patterns (tests check the rewrites find the same matches).
REFERENCE_PATTERNS = {
    "_PHONE": r"(?<![\w+])(?:\+\s?44|0044|\(0\d|0)(?:[\d \-()]|\.(?=\d)){8,17}\d(?!\d)",
    "_NI": r"(?<![\w-])(?!BG|GB|KN|NK|NT|TN|ZZ)(QQ|[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ -]?(\d\d[ -]?\d)[ -]?"
    r"(\d[ -]?\d\d)[ -]?([A-D])(?![\w-])",
    "_NHS": r"(?<![\w+-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w-])",
    "_CARD": r"(?<![\d-])(?:\d[ -]?){11,18}\d(?![\d-])",
    "_IBAN": r"(?<![\w-])([A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30})(?![\w-])",
}

_UK_SHAPE = re.compile(r"^(?:7\d{9}|[12]\d{8,9})$")
_ORGANISATION_TYPES = {
    PhoneNumberType.TOLL_FREE,
    PhoneNumberType.SHARED_COST,
    PhoneNumberType.UAN,
    PhoneNumberType.PREMIUM_RATE,
}


_NON_DIGIT = re.compile(r"\D")


def _parse_phone(candidate: str) -> tuple[str, PhoneNumberType] | None:
    """E.164 form and type of a valid UK number, or None (cached by the number's digits)."""
    digits = _NON_DIGIT.sub("", candidate)
    return _parse_digits("+" + digits if candidate.lstrip().startswith("+") else digits)


@lru_cache(maxsize=4096)
def _parse_digits(candidate: str) -> tuple[str, PhoneNumberType] | None:
    """E.164 form and type of a valid UK number, or None."""
    try:
        number = phonenumbers.parse(candidate, "GB")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 44:
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if phonenumbers.is_valid_number(number):
        return e164, phonenumbers.number_type(number)
    # Ofcom's drama and example ranges (07700 900xxx, 01632 960xxx, 020 7946 0xxx) are not "valid"
    # to phonenumbers, but people paste them as real numbers and test data uses them: accept any
    # mobile- or geographic-shaped number of the right length.
    if _UK_SHAPE.match(str(number.national_number)):
        return e164, PhoneNumberType.MOBILE if str(number.national_number).startswith(
            "7"
        ) else PhoneNumberType.FIXED_LINE
    return None


def _normal_postcode(outward: str, inward: str) -> str:
    return (outward + inward).upper()


class AllowList:
    """The council's own contact details in comparable form: the context's, and the public buildings
    listed in the rules file (``public_addresses``: civic centre, leisure centres, libraries)."""

    def __init__(self, contacts: AllowedContacts, public_addresses: tuple[str, ...] = ()) -> None:
        addresses = (*contacts.addresses, *public_addresses)
        self.phones = {p[0] for p in (_parse_phone(x) for x in contacts.phones) if p}
        self.domains = tuple(d.lower().lstrip("@") for d in contacts.email_domains)
        self.postcodes = {_normal_postcode(*m.groups()) for a in addresses for m in _POSTCODE.finditer(a)}
        self.addresses = tuple(" ".join(a.lower().replace(",", " ").split()) for a in addresses)


def nhs_check_digit_ok(digits: str) -> bool:
    """The NHS number modulus 11 check (weights 10..2; 11 means 0; 10 means invalid)."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=False))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


class _Taken:
    """The spans already claimed by a finding. Several rules ask whether a candidate overlaps one; a
    scan of the list per candidate made texts with hundreds of findings quadratic, so the spans are
    kept sorted by start and only those that can reach the candidate are looked at."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def append(self, span: tuple[int, int]) -> None:
        i = bisect_right(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.spans.insert(i, span)
        self.longest = max(self.longest, span[1] - span[0])

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span (s, e) with s < end and start < e is taken."""
        i = bisect_left(self.starts, end)
        while i:
            i -= 1
            s, e = self.spans[i]
            if s + self.longest <= start:  # this and every earlier span ends by ``start``
                return False
            if start < e:
                return True
        return False


def _iban_countries() -> frozenset[str]:
    """The country codes python-stdnum knows an IBAN format for (it refuses any other), from its own
    registry: a set lookup spares its checksum on candidates like "LE10 1AB LE10 1AB…"."""
    from string import ascii_uppercase

    from stdnum import numdb

    registry = numdb.get("iban")
    return frozenset(a + b for a in ascii_uppercase for b in ascii_uppercase if registry.info(a + b + "00")[0][1])


_IBAN_COUNTRIES = _iban_countries()


_LAST_GROUP = re.compile(r"[ .][^ .]*$")  # a phone candidate's last group of digits, after a space or dot


def _phones(text: str, allow: AllowList, emit: Emit) -> list[tuple[int, int]]:
    spans = []
    match = _PHONE.search(text)
    while match is not None:
        candidate = match.group().rstrip(" -(.")
        start = match.start()
        # Greedy matching can swallow a following number; drop trailing groups until it parses, and
        # look for the next number right after the one found ("07700 900123 07700 900124").
        parsed = _parse_phone(candidate)
        while parsed is None and (" " in candidate or "." in candidate):
            candidate = _LAST_GROUP.sub("", candidate).rstrip(" -(.")
            parsed = _parse_phone(candidate)
        if parsed is None:
            match = _PHONE.search(text, match.end())
            continue
        end = start + len(candidate)
        match = _PHONE.search(text, end)
        spans.append((start, end))
        if parsed[0] in allow.phones:
            continue
        rule = "organisation-phone-number" if parsed[1] in _ORGANISATION_TYPES else "phone-number"
        emit(rule, start, end)
    return spans


# --- One pass over the text's runs of digits --------------------------------------------------------
#
# Every detector below but the e-mail one needs digits, and each needs them in a shape it can see from
# the run itself and the characters right around it: a UK phone number a run starting with "0" (or a
# "+"), an IBAN a run right after two capital letters, a postcode a run followed by two of the inward
# code's letters, a National Insurance number a run followed by A-D, other phone numbers, SSNs and
# cards at least 7, 9 or 12 digits in one "cluster" of runs joined by phone separators. The runs are
# found once, each is looked at once, and only the detectors whose shape is present are run, each as
# before, on the whole text (tests/test_personal_data_one_scan.py compares this with every detector
# run on every text).

_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_INWARD_LETTERS = frozenset("ABDEFGHJLNPQRSTUWXYZabdefghjlnpqrstuwxyz")  # _POSTCODE_HINT's letters
_NI_LETTERS = frozenset("abcdABCD")
_CLUSTER_GAP = " -.()/"  # what _ANY_PHONE allows between digits; _CARD and _SSN_PLAIN allow less
_DIGITS = re.compile(r"\d+")

# What a shape lets run (bits of the mask _scan_digits returns).
_UK_PHONE = 1  # a run starting with "0", or a "+" in the text: _PHONE
_IBAN_SHAPE = 2  # a run of 2+ digits right after two capital letters: _IBAN
_INWARD = 4  # a run followed by two inward-code letters: _POSTCODE_HINT
_NI_SHAPE = 8  # a run followed by A-D (perhaps after a space or dash): _NI_DIGITS
_ZIP_SHAPE = 16  # a run of 5+ digits after a capital letter and a space: _US_ZIP_HINT
_ALL_SHAPES = 31


def _scan_digits(text: str, starts: list[int] | None = None) -> tuple[int, int]:
    """The mask of shapes present in the text and the most digits in one cluster (runs with only phone
    separators between them); with ``starts``, where each run starts is added to it."""
    shapes = best = cluster = 0
    end = -1
    for match in _DIGITS.finditer(text):
        start, stop = match.span()
        if starts is not None:
            starts.append(start)
        size = stop - start
        if text[start] == "0":
            shapes |= _UK_PHONE
        if start >= 2 and text[start - 1] in _UPPER:
            # "LE10 1AB" has the shape too: an IBAN must follow
            if text[start - 2] in _UPPER and size >= 2 and _IBAN.match(text, start - 2) is not None:
                shapes |= _IBAN_SHAPE
        elif size >= 5 and start >= 2 and text[start - 1] == " " and text[start - 2] in _UPPER:
            shapes |= _ZIP_SHAPE
        after = text[stop : stop + 3]
        if after:
            if after[0] in _NI_LETTERS or (len(after) >= 2 and after[0] in " -" and after[1] in _NI_LETTERS):
                shapes |= _NI_SHAPE
            if len(after) >= 2 and after[0] in _INWARD_LETTERS and after[1] in _INWARD_LETTERS:
                # _POSTCODE_HINT: no word character or dash after the letters
                if len(after) == 2 or not (after[2].isalnum() or after[2] in "_-"):
                    shapes |= _INWARD
        if end >= 0 and not text[end:start].strip(_CLUSTER_GAP):
            cluster += size
        else:
            cluster = size
        if cluster > best:
            best = cluster
        end = stop
    if "+" in text:
        shapes |= _UK_PHONE
    return shapes, best


def _free_cluster(text: str, spans: list[tuple[int, int]]) -> int:
    """The most digits in one cluster of runs that lie outside ``spans`` (a run inside one breaks its
    cluster): a phone number or SSN not overlapping them has all its digits in one."""
    best = cluster = 0
    end = -1
    for match in _DIGITS.finditer(text):
        start, stop = match.span()
        if any(s <= start and stop <= e for s, e in spans):
            cluster, end = 0, -1
            continue
        if end >= 0 and not text[end:start].strip(_CLUSTER_GAP):
            cluster += stop - start
        else:
            cluster = stop - start
        best = max(best, cluster)
        end = stop
    return best


def check_personal_data(text: str, allow: AllowList, emit: Emit, *, plain: bool = False) -> None:
    """Emit the personal data in ``text``. With ``plain``, every detector runs whatever shapes the
    text's digits have (the form the tests compare the usual one with)."""
    if "@" in text:
        for match in _EMAIL.finditer(text):
            domain = match.group().rsplit("@", 1)[1].lower()
            if any(domain == d or domain.endswith("." + d) for d in allow.domains):
                continue
            emit("email-address", match.start(), match.end())
    # The lengths of the text's runs of digits (shared with the legal rules): several patterns need a run
    # of a given length or a number of digits in all, and are not tried without
    # (tests/test_fast_paths_round_five.py checks each gate is a necessary condition). Then the runs'
    # shapes, for texts with digits.
    lengths, total = digit_lengths(text)
    if not total:
        return
    # where the runs of digits start: every house number _STREET_ANY finds starts one
    starts: list[int] | None = None if plain else []
    shapes, cluster = (_ALL_SHAPES, total) if plain else _scan_digits(text, starts)
    taken = _Taken(_phones(text, allow, emit) if shapes & _UK_PHONE else [])

    def free(start: int, end: int) -> bool:
        return not taken.overlaps(start, end)

    # other phone numbers need 7 digits in one cluster, an SSN 9, outside the UK numbers found
    if cluster >= 7 and taken.spans and not plain:
        cluster = _free_cluster(text, taken.spans)
    shaped = list(_ANY_PHONE.finditer(text)) if cluster >= 7 else []
    if shaped:
        _other_phones(text, allow, emit, taken, shaped)
    postcodes = [
        m
        # the shape is _POSTCODE_HINT's answer, exactly: the case-blind _POSTCODE would also read "ſ" as "s"
        for m in (
            (_POSTCODE.finditer(text) if plain else _postcode_matches(text))
            if (_POSTCODE_HINT.search(text) if plain else shapes & _INWARD)
            else ()
        )
        if m.group().isupper() or m.group().islower()
    ]
    allowed_codes = [m for m in postcodes if _normal_postcode(*m.groups()) in allow.postcodes]
    postcodes = [m for m in postcodes if m not in allowed_codes]
    zips = list(_US_ZIP.finditer(text)) if shapes & _ZIP_SHAPE and _US_ZIP_HINT.search(text) else []
    used = _addresses(text, allow, emit, taken, zips, postcodes, allowed_codes, starts)
    for match in postcodes:
        if match.start() in used:
            continue
        street = None
        for street_match in _STREET.finditer(text, max(0, match.start() - 90), match.start()):
            street = street_match
        if street is not None and "\n\n" not in text[street.start() : match.start()]:
            emit("postal-address", street.start(), match.end())
        elif (house := _house_before(text, match.start())) is not None:
            emit("postal-address", house, match.end())
        else:
            emit("postcode", match.start(), match.end())
    for match in zips:
        if match.start() not in used:
            emit("postcode", match.start(), match.end())
            taken.append(match.span())
    # a US ZIP code given as such ("ZIP: 62704", "zip code 62704-1234")
    for match in _ZIP_CUE.finditer(text) if "zip" in text or "ZIP" in text or "Zip" in text else ():
        if free(*match.span(1)):
            emit("postcode", match.start(1), match.end(1))
            taken.append(match.span(1))
    ni_digits = total >= 6 and shapes & _NI_SHAPE and _NI_DIGITS.search(text) is not None
    for match in _NI.finditer(text) if ni_digits else ():
        emit("ni-number", match.start(), match.end())
        taken.append(match.span())
    # written in lower case ("my ni is ab-12-34-56-c"): the same pattern over the upper-cased text, for
    # numbers whose letters are all lower case there
    if ni_digits and not text.isupper():
        upper = text.upper()
        for match in _NI.finditer(upper) if len(upper) == len(text) else ():
            raw = text[match.start() : match.end()]
            if raw.lower() == raw and free(*match.span()):
                emit("ni-number", match.start(), match.end())
                taken.append(match.span())
    eight_digits = 8 in lengths  # the same answer as _EIGHT_DIGITS.search(text)
    for match in _SORT_CODE.finditer(text) if eight_digits and _SORT_CODE_HINT.search(text) else ():
        emit("bank-details", match.start(), match.end())
        taken.append(match.span())
    # a sort code given as such, with or without separators ("Sort code: 307137"), the account apart
    # the cued sort code is a run of six digits or three runs of two
    cued = (6 in lengths or 2 in lengths) and "sort" in _probe_words(text)[1]
    for match in _SORT_CODE_CUED.finditer(text) if cued else ():
        if free(*match.span(1)):
            emit("bank-details", match.start(1), match.end(1))
            taken.append(match.span(1))
    for match in _ACCOUNT_ONLY.finditer(text) if eight_digits and _ACCOUNT_HINT.search(text) else ():
        if free(*match.span()):
            emit("bank-details", match.start(), match.end())
            taken.append(match.span())
    for match in _IBAN.finditer(text) if shapes & _IBAN_SHAPE else ():
        if match.group(1)[:2] in _IBAN_COUNTRIES and stdnum_iban.is_valid(match.group(1)):
            emit("iban", match.start(), match.end())
            taken.append(match.span())
    for match in _CARD.finditer(text) if total >= 12 and cluster >= 12 else ():
        digits = _NON_DIGIT.sub("", match.group())
        if not (12 <= len(digits) <= 19 and luhn.is_valid(digits) and free(*match.span())):
            continue
        # 13-19 digits from the card schemes' ranges (Visa 4, Mastercard 2/5, Amex 3, Discover/Maestro 6, JCB
        # 1800/2131); 12-digit Maestro and any other Luhn-valid number only after a card cue.
        if (len(digits) >= 13 and (digits[0] in "23456" or digits.startswith("1800"))) or _CARD_CUE.search(
            text, max(0, match.start() - 30), match.start()
        ):
            emit("card-number", match.start(), match.end())
            taken.append(match.span())
    # Every _SSN match lies inside a phone-shaped run (_ANY_PHONE), found once for both.
    for match in (m for run in shaped for m in _SSN.finditer(text, *run.span())):
        if _ssn_ok(match.group(1), match.group(3), match.group(4)) and free(*match.span()):
            emit("national-id", match.start(), match.end(), detail="US Social Security number")
            taken.append(match.span())
    for match in _SSN_PLAIN.finditer(text) if cluster >= 9 and _ssn_cue(text) else ():
        if _ssn_ok(*match.groups()) and free(*match.span()):
            emit("national-id", match.start(), match.end(), detail="US Social Security number")
            taken.append(match.span())
    for match in _NHS.finditer(text) if total >= 10 and (3 in lengths or 10 in lengths) else ():
        digits = match.group(1) + match.group(3) + match.group(4)
        if nhs_check_digit_ok(digits) and free(*match.span()):
            emit("nhs-number", match.start(), match.end())
    # every birth cue has a "b" ("dob", "born", "birth")
    for match in _DOB.finditer(text) if ("b" in text or "B" in text) and _dob_hint(text) else ():
        emit("date-of-birth", match.start(), match.end())


# --- International phone numbers, street addresses without a UK postcode, US SSNs -----------------

# Any phone-shaped run: digits with spaces, dashes, dots, slashes or brackets, ending in a digit and an
# optional extension. What it is decides _other_phone: "+CC"/"00CC" numbers phonenumbers finds possible,
# North American formats, or any 7-15 digits right after a phone cue ("Tel:", "call me on") or before
# a label ("- Office", "fax").
_ANY_PHONE = re.compile(r"[+(\d](?<![\w+.,/£$€#@&-].)[\d \-.()/]{4,22}\d(?: ?(?:x|ext\.?) ?\d{1,5})?(?![\d.,/-]\d|\w)")
_EXTENSION = re.compile(r" ?(?:x|ext)")
_NANP = re.compile(
    r"(?:\+?1[ .-]?)?(?:\(([2-9]\d\d)\) ?|([2-9]\d\d)([.-]))\d{3}(?(3)\3|[ .-])\d{4}(?: ?(?:x|ext\.?) ?\d{1,5})?"
)
_DATE_SHAPE = re.compile(r"\d{1,4}([/.-])\d{1,2}\1\d{1,4}|\d{4}[/-]\d{2,4}|\d{1,2}[.:]\d{2}")
_PHONE_CUE = re.compile(
    r"(?:\b(?:phone|tel|telephone|mob|mobile|cell|cellphone|fax|desk|whatsapp|sms|call|calling|ring|text|dial|"
    r"contact|reach|hotline|office|answering|messages? to|(?:my|his|her|their|your) number|number is)\b|\btel\.|☎|📞)"
    r"[^\d\n]{0,25}(?:\n[^\d\n]{0,10})?$"
)
_PHONE_LABEL = re.compile(
    r"\s*[-–(]?\s*(?:office|fax|mobile|mob|home|work|cell|desk|tel|phone|landline)\b", re.IGNORECASE
)
_NOT_PHONE_BEFORE = re.compile(
    r"\b(?:ref|reference|case|order|invoice|account|acc|policy|ticket|isbn|issn|claim|application|booking|id|"
    r"serial|version|v|no|nos|number|item|page|pages|para|section|s|room|flat|unit|suite|apt|box|year|years)\.?\s*[:#]?\s*$"
)


@lru_cache(maxsize=4096)
def _international(digits: str) -> str | None:
    """E.164 form of a "+CC" number of a possible length for its country, or None."""
    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _other_phones(
    text: str, allow: AllowList, emit: Emit, taken: _Taken, shaped: list[re.Match[str]] | None = None
) -> None:
    """Phone numbers outside the UK plan (the UK ones are already in ``taken``)."""
    lowered = None
    for match in _ANY_PHONE.finditer(text) if shaped is None else shaped:
        start, end = match.span()
        if taken.overlaps(start, end):
            continue
        raw = match.group()
        main = _EXTENSION.split(raw, maxsplit=1)[0]
        digits = _NON_DIGIT.sub("", main)
        if not 7 <= len(digits) <= 15 or _DATE_SHAPE.fullmatch(raw):
            continue
        if lowered is None:
            lowered = text.lower()
        before = lowered[max(0, start - 40) : start]
        if "ssn" in before or "social security" in before:
            continue
        e164 = None
        if raw.startswith("+") or (digits.startswith("00") and raw.startswith("00")):
            e164 = _international(digits[2:] if raw.startswith("00") else digits)
            ok = e164 is not None and len(digits) >= 8
        else:
            ok = False
        # "my Australian number +61…": a "+" number of a valid length for its country is a phone whatever
        # word comes before; any other number after a reference word ("order no. 5551234") is not
        if (
            not (ok and raw.startswith("+"))
            and _NOT_PHONE_BEFORE.search(before)
            and not before.rstrip(" :").endswith(("phone number", "mobile number", "contact number"))
        ):
            continue
        if e164 is None:
            ok = _NANP.fullmatch(raw) is not None
        if not ok:
            ok = (not raw.startswith("(") or ")" in raw) and (
                _PHONE_CUE.search(before) is not None
                or _PHONE_LABEL.match(text, end, min(len(text), end + 14)) is not None
            )
        if not ok or (e164 is not None and e164 in allow.phones):
            continue
        taken.append((start, end))
        emit("phone-number", start, end)


_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|"
    "OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI|AS|MP|AA|AE|AP"
)
# A US ZIP with its state ("Springfield, IL 62704") or a military post office ("FPO AE 09499").
_US_ZIP = re.compile(
    r"[A-Z](?<![\w-].)(?:[\w'.-]{0,30}(?: [A-Z][\w'.-]{0,30}){0,3},? ?\n? ?(?:"
    + _STATES
    + r")|PO (?:AA|AE|AP)) \d{5}(?:-\d{4})?(?![\w-])"
)
_ZIP_CUE = re.compile(r"(?i:\bzip(?:[ \t]*code)?)[ \t]*[:#]?[ \t]*(\d{5}(?:-\d{4})?)(?![\w-])")
_US_ZIP_HINT = re.compile(r"\d(?<=[A-Z] \d)\d{4}")  # starts at a digit: a fast scan
# Street types (UK and USPS Publication 28 suffixes, with their usual abbreviations). The second group
# are also everyday words in titles and names ("5 Mile Walk", "10 Acre Park", "2 Mill Pond Cottages"):
# they count only with more evidence (a flat or suite, a postcode, ZIP or postal code in the address
# tail, or an address cue such as "lives at" right before).
_STRONG_TYPES = (
    "Street|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Boulevard|Blvd|Court|Ct|Crescent|Cres|Place|Pl|"
    "Terrace|Tce|Grove|Gardens|Gdns|Square|Sq|Parkway|Pkwy|Highway|Hwy|Mews|Circle|Cir|Trail|Trl|Alley|Plaza|"
    "Expressway|Expy|Freeway|Fwy|Turnpike|Tpke|Broadway|Causeway|Stravenue|Crossroad|Crossroads|Throughway|"
    "Trafficway|Underpass|Overpass|Esplanade|Promenade|Embankment|Wharf|Quay|Drove|Wynd|Skyway"
)
_WEAK_TYPE_NAMES = (
    "Row|Walk|Walks|Hill|Hills|Park|Parks|Green|Greens|Rise|Parade|Vale|Croft|Chase|Cape|Forge|Forges|Village|"
    "Villages|Estate|Estates|Glen|Glens|Port|Ports|Shoal|Shoals|Isle|Island|Islands|Pass|Loop|Mall|Union|Unions|"
    "Point|Points|Pine|Pines|Landing|Ridge|Ridges|Spring|Springs|Heights|Hts|Well|Wells|Knoll|Knolls|Manor|"
    "Manors|Meadow|Meadows|Mill|Mills|Mission|Mount|Mountain|Orchard|Oval|Path|Pike|Plain|Plains|Prairie|Ranch|"
    "Rapid|Rapids|Run|Shore|Shores|Station|Stream|Summit|Track|Trace|Tunnel|Valley|Valleys|View|Views|Villa|Ville|"
    "Vista|Brook|Brooks|Burg|Burgs|Bypass|Camp|Canyon|Center|Centre|Cliff|Cliffs|Club|Common|Commons|Corner|"
    "Corners|Course|Cove|Coves|Creek|Crest|Crossing|Curve|Dale|Dam|Divide|Falls|Ferry|Field|Fields|Flat|Flats|"
    "Ford|Fords|Forest|Fork|Forks|Fort|Gateway|Harbor|Harbors|Harbour|Haven|Hollow|Inlet|Junction|Junctions|Key|"
    "Keys|Lake|Lakes|Light|Lights|Lock|Locks|Lodge|Neck|Passage|Radial|Ramp|Rest|River|Route|Spur|Squares|Wall|"
    "Ways|Cottages|End|Gate|Circus|Approach|Yard|Bank|Green"
)
_STREET_TYPE = (
    r"(?:" + _STRONG_TYPES + "|" + _WEAK_TYPE_NAMES + ")"
    r"|St(?=\.?(?:\s*[,\n]|\s*$|\s+(?:[a-z\d#]|Apt|Suite|Ste|Unit|Flat|Floor)))"
)
# House number, up to four capitalised (or numbered: 5th) name words, street type; then an optional
# flat, apartment, suite or unit.
_STREET_ANY = re.compile(
    r"\d(?<![\w.,/£$€#:-]\d)\d{0,4}[A-Za-z]?,?[ \t]+((?:(?:[A-Z][\w'’.-]{0,40}|\d{1,4}(?:st|nd|rd|th))[ \t]+){1,4})(?:"
    + _STREET_TYPE
    + r")(?![\w-])\.?"
    r"(?:,?\s{0,3}(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|#)\.?\s*#?\d+[A-Za-z]?\b)?"
)
# Street types that are also ordinary words in titles ("5 Mile Walk", "10 Acre Park"): an address only
# when a postcode or ZIP follows.
_WEAK_TYPES = frozenset(_WEAK_TYPE_NAMES.lower().split("|"))
_NOT_STREET_NAME = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "the", "our", "new", "top", "best", "great",
    "more", "over", "all", "and", "a", "an", "of", "in", "at", "for", "to", "by", "on", "mile", "miles", "minute",
    "dr", "mr", "mrs", "ms", "miss", "cllr", "councillor", "sir", "prof", "rev",
    "minutes", "hour", "hours", "hundred", "thousand", "million", "millions", "billion", "percent", "per", "day", "days", "week", "weeks", "year", "years", "km", "acre", "acres",
}  # fmt: skip
# Street first, number after, as in most of Europe ("Via Roma 131", "Friedhofstrasse 33", "ul. Słowicza 10").
_STREET_FIRST = re.compile(
    # street word first, capitalised (lower-case "via" is English), then the name, then the number
    r"\b(?:Via|Viale|Piazza|Corso|Rue|Rua|Calle|Carrer|Avenida|Avda\.|Av\.|Paseo|Praça|Largo|Travessa|ul\.|Ulica|"
    r"Boulevard|Strada|Calea|Aleja)\s+(?:[\w'’.-]+\s+){0,4}?\d{1,4}[a-zA-Z]?(?![\w.,/-]\d|\w)"
    # one word ending like a street in German, Dutch, Nordic or Central European languages, then the number
    r"|\b(?i:[^\W\d_]{2,}(?:stra(?:ss|ß)e|str\.|weg|gasse|allee|platz|laan|straat|gracht|plein|kade|vej|gade|gatan|"
    r"vägen|veien|vegen|katu|kuja|tie|utca|ulice|ulica|cesta))\s+\d{1,4}[a-zA-Z]?(?![\w.,/-]\d|\w)"
)
_STREET_FIRST_WORDS = frozenset(
    "via viale piazza corso rue rua calle carrer avenida avda av paseo praça largo travessa ul ulica boulevard strada calea aleja".split()
)
_SUFFIX_SPACE = tuple(suffix + " " for suffix in (
    "strasse", "straße", "str.", "weg", "gasse", "allee", "platz", "laan", "straat", "gracht", "plein", "kade", "vej",
    "gade", "gatan", "vägen", "veien", "vegen", "katu", "kuja", "tie", "utca", "ulice", "ulica", "cesta",
))  # fmt: skip


_SUFFIXES = tuple(suffix[:-1] for suffix in _SUFFIX_SPACE)  # "str." keeps its dot
_SPACE_DIGIT = re.compile(r"[ \t]\d")


def suffix_hint_reference(lowered: str) -> bool:
    """A necessary condition for the suffix branch of _STREET_FIRST: a word ending in a street suffix
    right before a space or tab and a digit (one scan for " <digit>", then a C-level endswith per hit).
    ``_suffix_hint`` gives the same answer in one scan."""
    return any(lowered.endswith(_SUFFIXES, 0, m.start()) for m in _SPACE_DIGIT.finditer(lowered))


# The same question as one scan led by the digit (rarer than spaces), each suffix a fixed-width
# look-behind: no Python step per space-and-digit (tests/test_fast_paths_round_five.py compares them).
_SUFFIX_BEFORE_NUMBER = re.compile(
    r"\d(?<=[ \t]\d)(?:" + "|".join(rf"(?<={re.escape(suffix)}[ \t]\d)" for suffix in _SUFFIXES) + ")"
)


def _suffix_hint(lowered: str) -> bool:
    return _SUFFIX_BEFORE_NUMBER.search(lowered) is not None


# The suffixes as the end of one of ``probe``'s words: a suffix right before a space ends a run of letters
# and digits (the dot of "str." ends the run before it).
_WORD_SUFFIXES = tuple(suffix.rstrip(".") for suffix in _SUFFIXES)
_NO_SUFFIX: set[str] = set()  # words known to end with none of them


def _may_suffix(words: frozenset[str]) -> bool:
    """A necessary condition for ``_suffix_hint`` read from the text's word set (``probe``): a word ends
    with a suffix. The words known to end with none are kept, so most texts are answered by one set
    difference instead of a scan at every digit (tests/test_fast_paths_comments.py)."""
    unknown = words.difference(_NO_SUFFIX)
    if not unknown:
        return False
    if len(_NO_SUFFIX) > 65536:
        _NO_SUFFIX.clear()
    for word in unknown:
        if word.endswith(_WORD_SUFFIXES):
            return True
        if len(word) <= 40:  # kept words stay small
            _NO_SUFFIX.add(word)
    return False


_STREET_TYPE_WORDS = frozenset((_STRONG_TYPES + "|" + _WEAK_TYPE_NAMES).lower().split("|")) | {"st"}


# Welsh streets keep the house number first and put the street word before the name ("58 Ffordd Dinas",
# "38A Heol y Bryn").
_WELSH_STREET_WORDS = frozenset({"heol", "ffordd", "stryd", "lôn", "rhodfa", "cilgant", "teras"})
_NUMBER_FIRST_CY = re.compile(
    r"\d(?<![\w.,/£$€#:-]\d)\d{0,3}[A-Za-z]?,?[ \t]+(?:Heol|Ffordd|Stryd|Lôn|Rhodfa|Cilgant|Teras)[ \t]+"
    r"(?:(?:y|yr|'r)[ \t]+)?[A-Z][\w'’-]+"
)
# "28 The Crescent", "4 The Parade": the article before the street type ("the" cannot start a street name
# otherwise).
_THE_STREET = re.compile(
    r"\d(?<![\w.,/£$€#:-]\d)\d{0,3}[A-Za-z]?,?[ \t]+The[ \t]+("
    + _STRONG_TYPES
    + "|"
    + _WEAK_TYPE_NAMES
    + r")(?![\w'’-])"
)
# German and Dutch street words written apart from the name, then the number ("Berliner Straße 35").
_GERMAN_STREET_WORDS = frozenset({"straße", "strasse", "str", "weg", "allee", "platz", "gasse", "chaussee"})
_NAME_STREET_NUMBER = re.compile(
    r"[A-ZÄÖÜ](?<![\w-][A-ZÄÖÜ])[\w'’-]+[ \t]+(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Chaussee)[ \t]+"
    r"\d{1,4}[a-zA-Z]?(?![\w.,/-]\d|\w)"
)
_FRENCH_STREET_WORDS = frozenset(
    {"rue", "avenue", "boulevard", "bd", "chemin", "impasse", "allée", "quai", "place", "cours"}
)
_NUMBER_FIRST_FR = re.compile(
    r"\d(?<![\w.,/£$€#:-]\d)\d{0,3}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|chemin|impasse|allée|quai|place|cours)"
    r"\s+(?:d[eu]s?\s+|de\s+la\s+|d['’]|l['’]|la\s+|le\s+)?[^\W\d_][\w'’-]+",
    re.IGNORECASE,
)


def _french_hint(text: str, lowered: str, hits: frozenset[str]) -> bool:
    """A necessary condition for _NUMBER_FIRST_FR, whose street word comes right after the number ("12 rue
    de la Paix", "7 bis, avenue Foch"): in ASCII text, an occurrence of one of the French street words found
    (``hits``) with, before it, whitespace, perhaps a comma, perhaps "bis" or "ter" (perhaps after one
    space), then a digit. "Acacia Avenue" has none. Text beyond ASCII (where case-blind matching reads "ſ"
    as "s") is always tried (tests/test_personal_data_candidates.py)."""
    if not text.isascii():
        return True
    for word in _FRENCH_STREET_WORDS.intersection(hits):
        at = lowered.find(word)
        while at >= 0:
            i = at - 1
            if i >= 0 and lowered[i].isspace():
                while i >= 0 and lowered[i].isspace():
                    i -= 1
                if i >= 0 and lowered[i] == ",":
                    i -= 1
                if i >= 2 and lowered[i - 2 : i + 1] in ("bis", "ter"):
                    i -= 3
                    if i >= 0 and lowered[i].isspace():
                        i -= 1
                if i >= 0 and lowered[i].isdecimal():
                    return True
            at = lowered.find(word, at + 1)
    return False


_SSN = re.compile(r"(\d(?<![\w-]\d)\d\d)([- ])(\d\d)\2(\d{4})(?![\w-])")
_SSN_PLAIN = re.compile(
    r"(?i)\b(?:ssn|social\s+security(?:\s+(?:number|no\.?|#))?)\s*[:#]?\s*(\d{3})-?(\d{2})-?(\d{4})(?![\w-])"
)


def _ssn_cue(text: str) -> bool:
    """Whether _SSN_PLAIN is worth trying: the substring gate it has always had and, for ASCII text
    (where case-insensitive matching is plain ASCII case folding), "ssn" or "social" in the lower-cased
    text, one of which the pattern needs (tests/test_fast_paths_round_five.py)."""
    if not ("ss" in text or "SS" in text or "ecur" in text or "ECUR" in text):
        return False
    if text.isascii():
        lowered = _probe_words(text)[0]
        return "ssn" in lowered or "social" in lowered
    return True


def _ssn_ok(area: str, group: str, serial: str) -> bool:
    """The SSA's structural rules: no 000, 666 or 900-999 area, no 00 group, no 0000 serial."""
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


# --- Address tails, unit-anchored and cue-led streets, PO boxes ----------------------------------

# A word of a street or place name in any script ("Præstevænget", "Λεωφόρος", "Cyprus (Greek)").
_W = r"\(?[^\W\d_][\w'’.)-]*"
# What may follow a street: flats, suites and units, then comma- or line-separated place names, regions
# and a postal code. Only the part up to the last unit or postal code counts: "14 Iliou Street, Sweden"
# ends at the street, "9 Allika 46\n Suite 501\n Riisa\n Estonia 62488" runs to the code.
_TAIL_SEP = re.compile(r"[ \t>]*(?:[,\n][ \t>?]*){1,3}")
_TAIL_UNIT = re.compile(r"(?i:apt|apartment|suite|ste|unit|flat|floor|fl|room)\.?[ \t]*#?\d{1,5}[A-Za-z]?(?![\w-])")
# Postal codes: US ZIP(+4) and most of Europe (5 or 4 digits, Dutch 1234 AB, Swedish/Czech 123 45,
# Polish 12-345), Canada (K1A 0B1), the UK, US military post offices (APO AE 09499).
_CODE = (
    r"(?:\d{5}(?:-\d{4})?|\d{4}(?:[ \t][A-Z]{2})?|\d{3}[ \t]\d{2}|\d{2}-\d{3}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|"
    r"[A-PR-UWYZ][A-HK-Y]?\d[\dA-HJKMNPR-Y]?[ \t]?\d[ABD-HJLNP-UW-Z]{2}|(?i:[adf]po[ \t]+a[aep][ \t]+\d{5}))(?![\w-])"
)
_TAIL_CODE = re.compile(_CODE + r"(?:[ \t]+" + _W + r"(?:[ \t]+" + _W + r"){0,2})?")  # "10115 Berlin"
_TAIL_PLACE = re.compile(
    _W + r"(?:[ \t]+" + _W + r"){0,3}(?:[ \t]+(" + _CODE + r"))?"
)  # "Riisa", "Estonia 62488", "IL 62704"
_YEARISH = re.compile(r"(?:19|20)\d\d")
_LEAD_NUMBER = re.compile(r"(?<![\w.,/£$€#:-])(\d{1,5})[ \t]+\Z")


def _tail(text: str, end: int, taken: _Taken) -> tuple[int, bool, bool]:
    """Where the address that ends its street at ``end`` really ends, whether a flat/suite/unit
    follows, and whether a postal code closes it."""
    committed, unit, code, pos = end, False, False, end
    limit = min(len(text), end + 160)
    for _ in range(7):
        sep = _TAIL_SEP.match(text, pos, limit)
        if sep is None:
            # a unit may follow on the same line after a space: "Puruntie 82 Apt. 59"
            space = pos
            while space < limit and text[space] in " \t":
                space += 1
            match = _TAIL_UNIT.match(text, space, limit) if space > pos else None
            if match is None:
                break
        else:
            pos = sep.end()
            match = _TAIL_UNIT.match(text, pos, limit)
        if match is not None:
            unit = True
        else:
            match = _TAIL_CODE.match(text, pos, limit)
            if match is not None and _YEARISH.fullmatch(match.group().split()[0]):
                match = None
            if match is None:
                match = _TAIL_PLACE.match(text, pos, limit)
                if match is None:
                    break
                if match.group(1) is None or _YEARISH.fullmatch(match.group(1)):
                    pos = match.end()
                    continue
        if taken.overlaps(match.start(), match.end()):
            break
        pos = committed = match.end()
        if match.re is not _TAIL_UNIT:
            code = True
    return committed, unit, code


# A flat, apartment, suite or unit with a number anchors the street written before it (same line, or
# the line above), in any language: "Puruntie 82 Apt. 59", "Allika 46\n Suite 501".
_UNIT_WORDS = frozenset({"apt", "apartment", "suite", "ste", "unit", "flat"})
_UNIT_ANCHOR = re.compile(r"\b(?i:apt|apartment|suite|ste|unit|flat)\.?[ \t]*#?\d{1,5}[A-Za-z]?(?![\w-])")
# Numbered things that are not streets ("Phase 2 Unit 4", "Room 101, Flat 3").
_NOT_STREET_LABEL = (
    frozenset(
        "phase room block building bldg level floor stage year chapter section part page step zone area platform gate stand "
        "table week day item lot plot unit flat suite apt apartment ste no number tower wing hall bay pitch court "
        "screen studio desk locker box house".split()
    )
    | _NOT_STREET_NAME
)
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD_STARTS = re.compile(r"(?<!\S)\S")
_STREET_BEFORE = re.compile(
    r"(?:(?:\d{1,5}[A-Za-z]?[ \t]+)?(?:" + _W + r"[ \t]+){0,4}" + _W + r"[ \t]+\d{1,5}[A-Za-z]?\.?"
    r"|\d{1,5}[A-Za-z]?[ \t]+(?:" + _W + r"[ \t]+){1,4}" + _W + r")\Z"
)
# Address cues; the text right after them is read as an address when it holds a house or building
# number ("lives at 92597 Jahu 80", "his address: 450 Præstevænget 15", "lives on Grössgstötten 50").
_CUE_WORDS = frozenset({"address", "lives", "live", "lived", "living", "reside", "resides", "residing", "located"})
_ADDRESS_CUE = re.compile(
    r"\b(?:(?:address|addr\.?)(?:[ \t]+is\b|[ \t]*[:\-])|(?:lives?|lived|living|resides?|residing)[ \t]+(?:at|on)\b|"
    r"(?:i|we|they|you|he|she)[ \t]+(?:now[ \t]+)?live[ \t]+(?:at|on|in)\b|(located)[ \t]+at\b)[ \t:]*"
)
_CUE_BODY = re.compile(
    r"\d{1,5}[A-Za-z]?,?[ \t]+(?:\d{1,5}[ \t]+)?(?:" + _W + r"[ \t]+){0,4}" + _W + r"[ \t]+\d{1,5}[A-Za-z]?(?![\w-])\.?"
    r"|(?:" + _W + r"[ \t]+){0,3}" + _W + r"[ \t]+\d{1,5}[A-Za-z]?(?![\w-])\.?"
)
_PO_BOX = re.compile(
    r"(?i:\b(?:p\.?[ \t]?o\.?[ \t]?box|post[ \t]?office[ \t]box|postbox|(?:psc|unit|cmr)[ \t]+\d{1,5},?[ \t]+box)[ \t]*#?\d{1,6})(?![\w-])"
)
# Lower-case streets ("i live at 23 wressle road"): only with an address cue, a unit or a postal code.
_LOWER_TYPES = "street|road|avenue|lane|drive|boulevard|st|rd|ave|ln|blvd|close|crescent|court|terrace|place|way|gardens|grove|square|parkway|highway"
_LOWER_TYPE_WORDS = frozenset(_LOWER_TYPES.split("|"))
_STREET_LOWER = re.compile(
    r"\d(?<![\w.,/£$€#:-]\d)\d{0,4}[a-z]?,?[ \t]+((?:[a-z][\w'’.-]{0,40}[ \t]+){1,3})(?:"
    + _LOWER_TYPES
    + r")(?![\w-])\.?"
)


def _cues(lowered: str, words: frozenset[str]) -> dict[int, bool]:
    """Positions right after an address cue -> whether a street-first body ("Jahu 80") may follow."""
    if _CUE_WORDS.isdisjoint(words):
        return {}
    return {m.end(): m.group(1) is None for m in _ADDRESS_CUE.finditer(lowered)}


# A house number (or a range, "207-211", or a flat, "12a") or a house name, then only place words and
# commas up to a postcode: "1 Overcliffe, Gravesend DA11 0EF", "207-211 Commercial Rd, London E1 1AA",
# "Rose Cottage, Barwell LE9 8AB". A street type is not needed: with a postcode, a house number or
# name points to one home.
_PLACE_WORD = r"(?:[A-Z][\w'’-]*|on|upon|under|in|le|de|by|the|of|and|&)"
_HOUSE_NAME_WORDS = (
    "Cottage|Cottages|House|Farm|Farmhouse|Lodge|Barn|Villa|Bungalow|Manor|Grange|Mill|Mews|Court|Hall|Croft|"
    "Orchard|Rectory|Vicarage|Stables|Granary|Forge|Oast|Nook|Retreat|Haven|Chalet|Flat|Apartment|Apartments"
)
_SEP = r"(?:,?[ \t]*\n[ \t]*|,?[ \t]+)"  # a space, or a line break of a letter's address block
_HOUSE_BEFORE = re.compile(
    rf"(?:(?<![\w£$€#/.:-])(?P<number>\d{{1,4}}[A-Za-z]?(?:[ \t]?[-–][ \t]?\d{{1,4}}[A-Za-z]?)?){_SEP}"
    rf"|(?<![\w'-])(?P<house>(?:[A-Z][\w'-]*[ \t]+){{1,3}}(?:{_HOUSE_NAME_WORDS})(?:[ \t]+\d{{1,4}}[A-Za-z]?)?)"
    rf"(?:,[ \t]*|[ \t]*\n[ \t]*))"
    rf"(?P<place>{_PLACE_WORD}(?:{_SEP}{_PLACE_WORD}){{0,8}}){_SEP}\Z"
)
# Words after a number that make it a quantity, a date or a label rather than a house number.
_NOT_HOUSE = frozenset(
    """
    january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday phase stage
    unit units ward wards area areas zone zones page pages item items year years week weeks day days
    hour hours minute minutes mile miles people residents homes houses bins the a
    """.split()
)


_LABEL_BEFORE = re.compile(
    r"(?i)\b(?:ward|phase|stage|item|page|route|bus|junction|platform|gate|zone|area|no|number|chapter|section|"
    r"stand|pitch|lot|plot|year|top|over|under|about|around|nearly|almost|some|all)\.?[ \t]+\Z"
)


def _house_before(text: str, postcode_start: int) -> int | None:
    """Where an address with a house number or house name ends at this postcode (no street type needed),
    or None."""
    window_start = max(0, postcode_start - 80)
    paragraph = text.rfind("\n\n", window_start, postcode_start)
    match = _HOUSE_BEFORE.search(text, window_start if paragraph < 0 else paragraph + 2, postcode_start)
    if match is None:
        return None
    if match.group("number") is not None:
        first = match.group("place").split()[0].strip(",").lower()
        if first in _NOT_HOUSE or _YEARISH.fullmatch(match.group("number")):
            return None
        label = _LABEL_BEFORE.search(text, max(0, match.start() - 12), match.start())
        if label is not None:
            return None
    return match.start()


def _address_allowed(allow: AllowList, raw: str) -> bool:
    key = " ".join(raw.lower().replace(",", " ").split())
    return any(key in a for a in allow.addresses)


# The words one of _addresses' finds needs (tests/test_personal_data_one_scan.py).
_ADDRESS_WORDS = (
    _STREET_TYPE_WORDS
    | _STREET_FIRST_WORDS
    | _FRENCH_STREET_WORDS
    | _WELSH_STREET_WORDS
    | _GERMAN_STREET_WORDS
    | _CUE_WORDS
    | _UNIT_WORDS
    | _LOWER_TYPE_WORDS
    | {"box", "postbox"}
)


def _street_any_at(text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``_STREET_ANY.finditer(text)``'s matches, tried only where a run of digits starts (``starts``, in
    order): a match starts with a digit that no word character comes before (its look-behind), so at the
    start of a run, and finditer's next match is the first at or after the end of the last
    (tests/test_street_any_candidates.py)."""
    last = 0
    match = _STREET_ANY.match
    for start in starts:
        if start >= last and (found := match(text, start)) is not None:
            last = found.end()
            yield found


def _addresses(
    text: str,
    allow: AllowList,
    emit: Emit,
    taken: _Taken,
    zips: list[re.Match[str]],
    postcodes: list[re.Match[str]],
    allowed_codes: list[re.Match[str]],
    starts: list[int] | None = None,
) -> set[int]:
    """Street addresses. With a postal code closing the address tail, or a UK postcode or US ZIP in the
    next 90 characters (same paragraph), it is a full postal address; otherwise a street address.
    Returns the starts of the postcodes/ZIPs used. ``starts``: where the text's runs of digits start, if
    known (``_STREET_ANY`` is then tried there alone)."""
    used: set[int] = set()
    found: list[tuple[int, int, bool]] = []  # start, end, weak
    _lowered, words = _probe_words(text)
    # every street, cue, unit and PO box below needs one of these words (or a word ending in a street
    # suffix): most texts have none, and stop here
    hits = _ADDRESS_WORDS.intersection(words)  # one set operation; the tests below read the few words found
    suffix = _may_suffix(words)
    if not hits and not suffix:
        return used
    # _STREET_ANY needs a capitalised street type; the word set says which types occur at all, and a
    # substring test per such type says whether it is capitalised ("way" and "close" are common words).
    types = _STREET_TYPE_WORDS.intersection(hits)
    capitalised = any(t.capitalize() in text or t.upper() in text for t in types) if types else False
    street_any = (_STREET_ANY.finditer(text) if starts is None else _street_any_at(text, starts)) if capitalised else ()
    for match in street_any:
        first = match.group(1).split()[0].lower().strip(".,'’")
        if first in _NOT_STREET_NAME:
            continue
        last = text[match.start(1) + len(match.group(1)) : match.end()].split()[0].lower().strip(".")
        found.append((match.start(), match.end(), last in _WEAK_TYPES))
    if not _STREET_FIRST_WORDS.isdisjoint(hits) or (suffix and _suffix_hint(_lowered)):
        found += [(m.start(), m.end(), False) for m in _STREET_FIRST.finditer(text)]
    if not _FRENCH_STREET_WORDS.isdisjoint(hits) and _french_hint(text, _lowered, hits):
        found += [(m.start(), m.end(), False) for m in _NUMBER_FIRST_FR.finditer(text)]
    if not _WELSH_STREET_WORDS.isdisjoint(hits):
        found += [(m.start(), m.end(), False) for m in _NUMBER_FIRST_CY.finditer(text)]
    if "the" in words and types and ("The " in text or "The\t" in text):  # _THE_STREET needs "The" then a space
        found += [(m.start(), m.end(), m.group(1).lower() in _WEAK_TYPES) for m in _THE_STREET.finditer(text)]
    if not _GERMAN_STREET_WORDS.isdisjoint(hits):
        found += [(m.start(), m.end(), False) for m in _NAME_STREET_NUMBER.finditer(text)]
    cues = _cues(_lowered, hits)
    units = list(_UNIT_ANCHOR.finditer(text)) if not _UNIT_WORDS.isdisjoint(hits) else []
    if (cues or units) and not _LOWER_TYPE_WORDS.isdisjoint(hits):
        for match in _STREET_LOWER.finditer(text):
            if _NOT_STREET_NAME.isdisjoint(match.group(1).split()):
                found.append((match.start(), match.end(), True))
    for position, street_first in cues.items():
        body = _CUE_BODY.match(text, position)
        if body is not None and (street_first or text[position].isdigit()):
            found.append((body.start(), body.end(), False))
    for unit in units:
        # the text before the unit on its line, or the line above when the unit starts its line (at most
        # 60 characters either way, so many units cost no more than one pass)
        line_start = max(text.rfind("\n", 0, unit.start()) + 1, unit.start() - 60)
        before = text[line_start : unit.start()].rstrip(" \t,>?")
        if not before and 0 < line_start and text[line_start - 1] == "\n":
            line_start = max(text.rfind("\n", 0, line_start - 1) + 1, line_start - 60)
            before = text[line_start : unit.start()].rstrip(" \t,>?\n")
        # try the pattern only at the starts of the last seven words (a plain search would try every position)
        street = next(
            filter(None, (_STREET_BEFORE.match(before, m.start()) for m in list(_WORD_STARTS.finditer(before))[-7:])),
            None,
        )
        if street is not None and not _NOT_STREET_LABEL.issuperset(_LETTERS.findall(street.group().lower())):
            found.append((line_start + street.start(), line_start + street.end(), False))
    if "box" in hits or "postbox" in hits:
        found += [(m.start(), m.end(), False) for m in _PO_BOX.finditer(text)]
    if not found:
        return used
    found.sort(key=lambda item: (item[0], -item[1]))
    codes = sorted(
        [(m.start(), m.end(), True) for m in postcodes + zips] + [(m.start(), m.end(), False) for m in allowed_codes]
    )
    last_end = -1
    for index, (start, end, weak) in enumerate(found):
        if start < last_end or taken.overlaps(start, end):
            continue
        lead = _LEAD_NUMBER.search(text, max(0, start - 7), start) if text[start].isdigit() else None
        if (
            lead is not None
            and lead.start() >= last_end
            and not _YEARISH.fullmatch(lead.group(1))
            and not taken.overlaps(lead.start(), start)
        ):
            start = lead.start()  # a building or unit number before the house number: "17151 2450 Crown St"
        full_end, unit_follows, closed = _tail(text, end, taken)
        code = None
        if not closed:
            code = next(
                (c for c in codes if full_end <= c[0] <= full_end + 90 and "\n\n" not in text[full_end : c[0]]), None
            )
            if code is not None and any(end <= later[0] < code[0] for later in found[index + 1 :]):
                code = None  # another street comes first: the postcode belongs to that one
        if weak and not (code is not None or unit_follows or closed or start in cues):
            continue
        if _address_allowed(allow, text[start:end]) or (code is not None and not code[2]):
            continue
        if closed:
            inside = [c for c in codes if start <= c[0] < full_end]
            if any(not c[2] for c in inside):
                continue  # the council's own postcode
            used.update(c[0] for c in inside)
            emit("postal-address", start, full_end)
            last_end = full_end
        elif code is not None:
            used.add(code[0])
            emit("postal-address", start, code[1])
            last_end = code[1]
        else:
            emit("street-address", start, full_end)
            last_end = full_end
        taken.append((start, last_end))
    return used
