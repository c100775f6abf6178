"""Personal data: phone numbers, emails, postcodes and addresses, NI, NHS, bank, card, IBAN, dates of birth.

Fast patterns find candidates; libraries (phonenumbers, python-stdnum) or check digits confirm them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType
from stdnum import iban as stdnum_iban
from stdnum import luhn

from .model import AllowedContacts

Emit = Callable[..., None]

# Every pattern starts with a plain character or class (any look-behind comes after the first
# character), so the regex engine skips ahead in C to the characters that can start a match instead of
# trying the whole pattern at every position: 5-10 µs per 2,000 characters instead of 30-80 µs.
# tests/test_fast_paths.py checks each against the straightforward form it replaces (REFERENCE_PATTERNS).
_PHONE = re.compile(
    r"(?:\+(?<![\w+].)\s?44|0(?<![\w+].)044|\((?<![\w+].)0\d|0(?<![\w+].))[\d \-()]{8,17}\d(?!\d)"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")  # runs only when "@" is present
_POSTCODE = re.compile(
    r"(?<![\w-])([A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|GIR)\s?"
    r"([0-9][ABD-HJLNP-UW-Z]{2})(?![\w-])",
    re.IGNORECASE,
)
# The inward code (digit and two letters, then no word character) ends every postcode.
_POSTCODE_HINT = re.compile(r"\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}(?![\w-])")
_STREET = re.compile(
    r"(?<![\w-])\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][\w'-]*\s+){0,4}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|"
    r"Way|Crescent|Court|Ct|Place|Gardens|Terrace|Grove|Hill|Walk|Mews|Row|Square|Green|Park|View|Rise|Parade|"
    r"Gate|End|Fields|Meadow|Meadows|Croft|Chase|Vale|Lodge|Cottages)\b"
)
_NI = re.compile(
    r"([A-CEGHJ-TW-Z](?<![\w-].)(?:(?<=Q)Q|(?<!Q)[A-CEGHJ-NPR-TW-Z]))(?<!BG|GB|KN|NK|NT|TN|ZZ)"
    r"[ -]?(\d{2})[ -]?(\d{2})[ -]?(\d{2})[ -]?([A-D])(?![\w-])"
)
_NHS = re.compile(r"(\d(?<![\w+-]\d)\d\d)([ -]?)(\d{3})\2(\d{4})(?![\w-])")
_SORT_CODE = re.compile(
    r"(?<![\w-])(?:sort\s*code:?\s*)?(\d{2})([ -])(\d{2})\2(\d{2})(?!\d)[^\d\n]{0,40}?(?<!\d)(\d{8})(?![\d-])",
    re.IGNORECASE,
)
_SORT_CODE_HINT = re.compile(r"\d\d([ -])\d\d\1\d\d(?!\d)")
_ACCOUNT_ONLY = re.compile(r"(?i)\b(?:account|acc|a/c)\s*(?:number|no\.?|#)?:?\s*(\d{8})(?!\d)")
_EIGHT_DIGITS = re.compile(r"\d(?<!\d\d)\d{7}(?!\d)")
_CARD = re.compile(r"\d(?<![\d-]\d)(?:[ -]?\d){12,18}(?![\d-])")
_IBAN = re.compile(r"([A-Z](?<![\w-][A-Z])[A-Z]\d{2}(?: ?[A-Z0-9]){11,30})(?![\w-])")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+\d{4}|"
    + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})"
)
_DOB = re.compile(
    r"(?i)\b(?:d\.?o\.?b\.?|date\s+of\s+birth|born(?:\s+on)?|birth\s*date|birthday(?:\s+is)?)\s*[:=\-]?\s*(" + _DATE + ")"
)
# Cheap necessary conditions (a plain first character, so a fast scan) for the case-insensitive patterns.
_DOB_HINT = re.compile(r"[bBdD](?:(?<=[dD])(?i:\.?o\.?b)|(?<=[bB])(?i:irth|orn))")
_ACCOUNT_HINT = re.compile(r"[aA](?i:cc|/c)")

# The straightforward forms of the rewritten patterns (tests check the rewrites find the same matches).
REFERENCE_PATTERNS = {
    "_PHONE": r"(?<![\w+])(?:\+\s?44|0044|\(0\d|0)[\d \-()]{8,17}\d(?!\d)",
    "_NI": r"(?<![\w-])(?!BG|GB|KN|NK|NT|TN|ZZ)(QQ|[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ -]?(\d{2})[ -]?(\d{2})[ -]?"
    r"(\d{2})[ -]?([A-D])(?![\w-])",
    "_NHS": r"(?<![\w+-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w-])",
    "_CARD": r"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])",
    "_IBAN": r"(?<![\w-])([A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30})(?![\w-])",
}

_UK_SHAPE = re.compile(r"^(?:7\d{9}|[12]\d{8,9})$")
_DIGIT = re.compile(r"\d")
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
        return e164, PhoneNumberType.MOBILE if str(number.national_number).startswith("7") else PhoneNumberType.FIXED_LINE
    return None


def _normal_postcode(outward: str, inward: str) -> str:
    return (outward + inward).upper()


class AllowList:
    """The council's own contact details in comparable form."""

    def __init__(self, contacts: AllowedContacts) -> None:
        self.phones = {p[0] for p in (_parse_phone(x) for x in contacts.phones) if p}
        self.domains = tuple(d.lower().lstrip("@") for d in contacts.email_domains)
        self.postcodes = {_normal_postcode(*m.groups()) for a in contacts.addresses for m in _POSTCODE.finditer(a)}


def nhs_check_digit_ok(digits: str) -> bool:
    """The NHS number modulus 11 check (weights 10..2; 11 means 0; 10 means invalid)."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _phones(text: str, allow: AllowList, emit: Emit) -> list[tuple[int, int]]:
    spans = []
    for match in _PHONE.finditer(text):
        candidate = match.group().rstrip(" -(")
        start = match.start()
        # Greedy matching can swallow a following number; drop trailing groups until it parses.
        parsed = _parse_phone(candidate)
        while parsed is None and " " in candidate.strip():
            candidate = candidate.rsplit(None, 1)[0].rstrip(" -(")
            parsed = _parse_phone(candidate)
        if parsed is None:
            continue
        end = start + len(candidate)
        spans.append((start, end))
        if parsed[0] in allow.phones:
            continue
        rule = "organisation-phone-number" if parsed[1] in _ORGANISATION_TYPES else "phone-number"
        emit(rule, start, end)
    return spans


def check_personal_data(text: str, allow: AllowList, emit: Emit) -> None:
    digits_present = _DIGIT.search(text) is not None
    if "@" in text:
        for match in _EMAIL.finditer(text):
            domain = match.group().rsplit("@", 1)[1].lower()
            if any(domain == d or domain.endswith("." + d) for d in allow.domains):
                continue
            emit("email-address", match.start(), match.end())
    if not digits_present:
        return
    taken = _phones(text, allow, emit)

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for match in _POSTCODE.finditer(text) if _POSTCODE_HINT.search(text) else ():
        raw = match.group()
        if not (raw.isupper() or raw.islower()):
            continue
        if _normal_postcode(*match.groups()) in allow.postcodes:
            continue
        street = None
        for street_match in _STREET.finditer(text, max(0, match.start() - 90), match.start()):
            street = street_match
        if street is not None and "\n\n" not in text[street.start() : match.start()]:
            emit("postal-address", street.start(), match.end())
        else:
            emit("postcode", match.start(), match.end())
    for match in _NI.finditer(text):
        emit("ni-number", match.start(), match.end())
        taken.append(match.span())
    eight_digits = _EIGHT_DIGITS.search(text) is not None
    for match in _SORT_CODE.finditer(text) if eight_digits and _SORT_CODE_HINT.search(text) else ():
        emit("bank-details", match.start(), match.end())
        taken.append(match.span())
    for match in _ACCOUNT_ONLY.finditer(text) if eight_digits and _ACCOUNT_HINT.search(text) else ():
        if free(*match.span()):
            emit("bank-details", match.start(), match.end())
            taken.append(match.span())
    for match in _IBAN.finditer(text):
        if stdnum_iban.is_valid(match.group(1)):
            emit("iban", match.start(), match.end())
            taken.append(match.span())
    for match in _CARD.finditer(text):
        digits = _NON_DIGIT.sub("", match.group())
        if 13 <= len(digits) <= 19 and digits[0] in "23456" and luhn.is_valid(digits) and free(*match.span()):
            emit("card-number", match.start(), match.end())
            taken.append(match.span())
    for match in _NHS.finditer(text):
        digits = match.group(1) + match.group(3) + match.group(4)
        if nhs_check_digit_ok(digits) and free(*match.span()):
            emit("nhs-number", match.start(), match.end())
    for match in _DOB.finditer(text) if _DOB_HINT.search(text) else ():
        emit("date-of-birth", match.start(), match.end())
