"""Defamation and contempt of court; confidential and exempt information."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .config import Rules
from .textutil import PhraseMatcher, compile_phrases, digit_lengths, sentence_bounds

Emit = Callable[..., None]

_TITLE_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Sir|Dame|Lord|Lady)\.?\s+(?:[A-Z]\.?\s+)?[A-Z][\w'-]+"
)
_BUSINESS = re.compile(
    r"\b(?:[A-Z][\w&'-]*\s+){1,4}(?:Ltd|Limited|plc|PLC|LLP|& Sons|and Sons|Builders|Construction|Contractors|"
    r"Motors|Properties|Lettings|Estates|Roofing|Plumbing|Garage|Takeaway|Restaurant)\b"
)
_PROPER_PAIR = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\s+[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")
_HANDLE = re.compile(r"(?<!\w)@\w{2,}")
# Capitalised words that start non-name pairs ("The Council", "Monday Night").
_NOT_NAME = frozenset(
    """the a an this that these those our we i it its he she they you your my his her their there here
    council borough district county city town parish police court crown magistrates road street lane park
    centre center hall library leisure community ward committee cabinet government national local
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december christmas easter new happy good please thank thanks dear
    action trading citizens victim serious crime fraud housing planning environmental health public
    if when what why how who after before on in at for with from and but or so all some any every no
    said says today tonight yesterday tomorrow""".split()
)
# An internal case reference ("HR-2024-113"). CASE_REF_REFERENCE is the plain form; _CASE_REF is led
# by the first letter, with the word boundary and the rest of the prefix as look-behinds after it, so
# the scan skips in C to the six letters that can start one (tests/test_fast_paths.py).
CASE_REF_REFERENCE = r"\b(?:HR|CASE|GRV|DISC|INV|ER|CAP)[-/ ]?\d{2,}(?:[-/]\d+)*\b"
_CASE_REF = re.compile(
    r"[HCGDIE](?<!\w.)(?:(?<=H)R|(?<=C)ASE|(?<=G)RV|(?<=D)ISC|(?<=I)NV|(?<=E)R|(?<=C)AP)[-/ ]?\d{2,}(?:[-/]\d+)*\b"
)


@dataclass
class LegalMatchers:
    allegation: PhraseMatcher
    live_case: PhraseMatcher
    safe_names: PhraseMatcher
    confidential: PhraseMatcher
    confidential_service: frozenset[str]
    exempt: PhraseMatcher
    internal: PhraseMatcher
    # each word list in ``GATED``'s bit in the engine's prefilter mask (``textutil.Prefilter``): a list whose
    # bit is clear cannot match the text and is not asked. -1, until the engine gives the bits, asks each
    # (each still checks its own words).
    bits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GATED, -1))


# The word lists ``check_legal`` reads the engine's mask for before asking them.
GATED = ("allegation", "live_case", "confidential", "exempt", "internal")


def compile_legal(rules: Rules) -> LegalMatchers:
    w = rules.words
    return LegalMatchers(
        allegation=compile_phrases(w["allegations"]),
        live_case=compile_phrases(w["live_case"]),
        safe_names=compile_phrases(w["allegation_safe_names"]),
        confidential=compile_phrases(w["confidential_markings"]),
        confidential_service=frozenset(x.lower() for x in w["confidential_service_words"]),
        exempt=compile_phrases(w["exempt_markers"]),
        internal=compile_phrases(w["internal_reference_words"]),
    )


def _names(text: str, start: int, end: int, extra: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    names = [n for n in extra if start <= n[0] < end]
    for pattern in (_TITLE_NAME, _BUSINESS, _HANDLE):
        names += [(x.start(), x.end(), x.group()) for x in pattern.finditer(text, start, end)]
    for pair in _PROPER_PAIR.finditer(text, start, end):
        first, second = pair.group().lower().split()
        if first not in _NOT_NAME and second not in _NOT_NAME:
            names.append((pair.start(), pair.end(), pair.group()))
    return names


def check_legal(
    text: str, m: LegalMatchers, people: list[tuple[int, int, str]], window: int, emit: Emit, mask: int = -1
) -> None:
    """The legal rules' hits. ``mask``: the engine's prefilter mask of the text; a word list of ``GATED``
    whose bit (``m.bits``) is clear in it is not asked (-1: each is)."""
    bits = m.bits
    if (mask & bits["allegation"] and m.allegation.search(text)) or (
        mask & bits["live_case"] and m.live_case.search(text)
    ):
        masked = text
        for safe in m.safe_names.finditer(text):
            masked = masked[: safe.start()] + "x" * (safe.end() - safe.start()) + masked[safe.end() :]
        reach = window * 8  # about `window` words either side, in characters
        for rule, pattern in (("allegation", m.allegation), ("live-case", m.live_case)):
            for match in pattern.finditer(masked):
                s, e = sentence_bounds(masked, match.start())
                s, e = max(s, match.start() - reach), min(e, match.end() + reach)
                names = [n for n in _names(masked, s, e, people) if not (n[0] <= match.start() < n[1])]
                if names:
                    nearest = min(names, key=lambda n: abs(n[0] - match.start()))
                    emit(rule, match.start(), match.end(), detail=nearest[2])
    for match in m.confidential.finditer(text) if mask & bits["confidential"] else ():
        before = text[max(0, match.start() - 20) : match.start()].lower().split()
        after = text[match.end() : match.end() + 25].lower().split()
        if (after and after[0].strip(".,;:") in m.confidential_service) or (
            before and before[-1] in {"kept", "treated", "remain", "remains", "stay", "stays", "in", "be", "are"}
        ):
            continue
        emit("confidential-marking", match.start(), match.end())
    for match in m.exempt.finditer(text) if mask & bits["exempt"] else ():
        emit("exempt-report", match.start(), match.end())
    # a case reference holds two digits in a row
    internal = (m.internal,) if mask & bits["internal"] else ()
    patterns = (*internal, _CASE_REF) if max(digit_lengths(text)[0], default=0) >= 2 else internal
    for pattern in patterns:
        for match in pattern.finditer(text):
            emit("internal-reference", match.start(), match.end())
