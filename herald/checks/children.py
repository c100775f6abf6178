"""Children identified in the words of a post: a first name with an age, a class or year group, or a
school ("well done Amelia (age 8) from St Mary's!", "Year 4 pupil Oliver", "7-year-old Freya").

The policy's safeguarding clause: a child who can be identified is a warning on any post, and a block
on an official post unless a parent's or guardian's consent is recorded for the post's media.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .model import Media
from .textutil import digit_lengths, probe

Emit = Callable[..., None]

# A first name, perhaps hyphenated, perhaps with a surname. Whether it is a name at all is judged by
# what surrounds it (an age, a class, a school) and by _NOT_NAMES.
_NAME = r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?)?)"
_AGE_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
)
_AGE = r"(?:1[0-7]|[1-9])"
_YEAR_GROUP = r"(?:(?:Year|Yr|Y)\s?(?:1[0-3]|[1-9])|Reception|Nursery|Class\s(?:\d{1,2}|[A-Z][a-z]+))\b"
_SCHOOL = (
    r"(?:St\.?\s[A-Z][a-z]+(?:'s)?|[A-Z][a-z]+(?:'s)?)(?:\s(?:[A-Z][a-z]+(?:'s)?|C\sof\sE|CE|RC|and|&))*?"
    r"\s(?:Primary|Infants?|Juniors?|Academy|School|Nursery|Pre-?school|College|High)(?:\s(?:School|Academy))?\b"
)
# "St Mary's" alone names a school in a post that says it is about pupils or gives an age; the
# school word is needed otherwise.
_ST = r"St\.?\s[A-Z][a-z]+'s(?!\s(?:Church|Hospital|Hall|Centre|Center|Hospice|Court|Road|Street|Park|Close))\b"

# The same patterns led by a plain character, the look-behind moved after it: the regex engine then
# skips in C to the capitals (or the first letters of a year group) that can start a match, instead of
# trying the whole pattern at every position (a 2,000-character post: ~20 µs a pattern instead of
# ~50). REFERENCE_PATTERNS keeps the straightforward forms; tests/test_fast_paths_round_five.py
# compares them.
_NAME_LED = r"(?P<name>[A-Z](?<![\w'-][A-Z])" + _NAME.removeprefix("(?P<name>[A-Z]")
_YEAR_GROUP_LED = r"(?:Y(?<!\wY)(?:ear|r)?\s?(?:1[0-3]|[1-9])|R(?<!\wR)eception|N(?<!\wN)ursery|C(?<!\wC)lass\s(?:\d{1,2}|[A-Z][a-z]+))\b"

# Each shape of identifying a child is its own pattern, tried only when the words it needs are there.
_AGE_AFTER_NAME = re.compile(  # Amelia (age 8), Amelia (8), Amelia, aged 8, Amelia aged 8, Amelia, 8, from ...
    rf"{_NAME_LED}(?:\s*\(\s*(?:age[ds]?\s*)?{_AGE}\s*\)"
    rf"|,\s*(?:age[ds]?\s)?{_AGE}(?=\s*[,)!.]|\s(?:from|of|at|who|and|in)\b)"
    rf"|\s(?:age[ds]?|who\sis|who's)\s{_AGE}\b(?!\s*(?:%|years?\sago|per|pence|p\b|pounds|minutes|hours)))"
)
_YEARS_OLD = re.compile(  # 8-year-old Amelia, eight year old Amelia
    rf"(?i:\b(?:{_AGE}|{_AGE_WORDS})[- ]years?[- ]old\s(?:pupil\s|student\s|schoolgirl\s|schoolboy\s)?)"
    rf"(?<![\w'-]){_NAME}"
)
_YEAR_GROUP_FIRST = re.compile(  # Year 4 pupil Amelia, Reception pupil Oliver
    rf"{_YEAR_GROUP_LED}\s(?:pupils?|students?|child|girl|boy)\s{_NAME}"
)
_YEAR_GROUP_AFTER = re.compile(  # Amelia from Year 4, Amelia (Year 4), Amelia in Class 2
    rf"{_NAME_LED}(?:\s*\(\s*|,\s*|\s(?:from|in|of)\s)(?:{_YEAR_GROUP})"
)
_SCHOOL_AFTER = re.compile(  # Amelia from Oakfield Primary School, Amelia at St Mary's C of E Primary
    rf"{_NAME_LED},?\s(?:from|at|of)\s(?:{_SCHOOL}|(?P<st>{_ST}))"
)
# The straightforward forms of the rewritten patterns (tests check the rewrites find the same matches).
REFERENCE_PATTERNS = {
    name: pattern.pattern.replace(_NAME_LED, r"(?<![\w'-])" + _NAME).replace(_YEAR_GROUP_LED, r"\b" + _YEAR_GROUP)
    for name, pattern in (
        ("_AGE_AFTER_NAME", _AGE_AFTER_NAME),
        ("_YEAR_GROUP_FIRST", _YEAR_GROUP_FIRST),
        ("_YEAR_GROUP_AFTER", _YEAR_GROUP_AFTER),
        ("_SCHOOL_AFTER", _SCHOOL_AFTER),
    )
}
# Every _YEARS_OLD match holds "[- ]old" and a space, the "[- ]" at most 15 characters after the match's
# start (an age word of up to nine letters, a separator, "years"). The pattern is case-insensitive and
# led by "\b", so a search would try it at every position; it is tried only at the 15 starts before
# each such cue (the same matches: tests/test_fast_paths.py).
_OLD_CUE = re.compile(r"[- ](?=(?i:old)\s)")


def _years_old(text: str) -> Iterator[re.Match[str]]:
    """``_YEARS_OLD.finditer(text)``."""
    resume = 0
    for cue in _OLD_CUE.finditer(text):
        at = cue.start()
        for start in range(max(resume, at - 15), at):
            match = _YEARS_OLD.match(text, start)
            if match is not None:
                yield match
                resume = match.end()
                break


_SCHOOL_TAIL = re.compile(rf",?\s(?:from|at|of)\s(?:{_SCHOOL}|{_ST})")
_YEAR_GROUP_WORDS = frozenset({"year", "yr", "reception", "nursery", "class"})
_SCHOOL_WORDS = frozenset(
    "primary infant infants junior juniors academy school nursery preschool pre college high st".split()
)
_SCHOOL_CONTEXT = re.compile(
    r"(?i)\b(?:pupils?|students?|school|class|year\s?\d|aged?\s\d|well\sdone|congratulations|winners?|young|"
    r"children|kids|junior|competition|prize)\b"
)
# Capitalised words that begin a sentence or name things, never a child's first name.
_NOT_NAMES = frozenset(
    """
    the a an our your their his her its this that these those all every each some any many most no well done
    congratulations thanks thank huge big great good brilliant fantastic amazing and but or so to from in at of
    on for with by as is are was were be been we you they he she it i my mr mrs ms miss dr cllr councillor
    sir dame lord lady mayor chairman chair leader head headteacher teacher teachers staff pupil pupils student
    students children child kids parents parent families family school schools class year years reception
    nursery primary academy college team teams group groups club clubs council budget report plan phase
    section chapter item page week day month term round stage level grade key winner winners runner runners
    today tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december spring summer autumn winter christmas
    easter st saint road street lane avenue ward hall centre library park church hospital visitors residents
    everyone everybody people members volunteers officers apprentice apprentices graduates
    """.split()
)
_ADULT_TITLE = re.compile(r"(?i)(?:\b(?:mr|mrs|ms|miss|dr|cllr|councillor|sir|dame|lord|lady|rev|prof)\.?\s+)$")


def _name_ok(text: str, name: str, start: int) -> bool:
    first = name.split()[0].split("-")[0].lower()
    if first in _NOT_NAMES:
        return False
    if _ADULT_TITLE.search(text, max(0, start - 12), start):
        return False
    before = text[max(0, start - 5) : start].lower()
    return not re.search(r"\b(?:the|a|an)\s+$", before)


def _small_numbers(words: frozenset[str]) -> list[str]:
    return [w for w in words if len(w) <= 3 and w[-1].isdigit()]


def _finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    return _years_old(text) if pattern is _YEARS_OLD else pattern.finditer(text)


def find_children(text: str) -> list[tuple[int, int]]:
    """Spans of the text that identify a child (name and what identifies them)."""
    words = probe(text)[1]
    small = _small_numbers(words)
    patterns: list[re.Pattern[str]] = []
    if small:
        patterns.append(_AGE_AFTER_NAME)
    if "old" in words and ("year" in words or "years" in words):
        patterns.append(_YEARS_OLD)
    if not words.isdisjoint(_YEAR_GROUP_WORDS) or any(w[0] == "y" for w in small):
        patterns += [_YEAR_GROUP_FIRST, _YEAR_GROUP_AFTER]
    if not words.isdisjoint(_SCHOOL_WORDS):
        patterns.append(_SCHOOL_AFTER)
    hits = sorted(
        ((match, pattern) for pattern in patterns for match in _finditer(pattern, text)),
        key=lambda hit: (hit[0].start(), -hit[0].end()),
    )
    found: list[tuple[int, int]] = []
    for match, pattern in hits:
        if not _name_ok(text, match.group("name"), match.start("name")):
            continue
        if pattern is _SCHOOL_AFTER and not _SCHOOL_CONTEXT.search(text):
            continue
        start, end = match.span()
        # an age given first and a school after ("Amelia (age 8) from St Mary's"): one finding for both
        tail = _SCHOOL_TAIL.match(text, end)
        if tail:
            end = tail.end()
        if found and start < found[-1][1]:
            continue
        found.append((start, end))
    return found


# What every pattern above needs somewhere in the text: a word about age, school or class, or a
# small number (an age, "Y4") with the brackets, comma or "who" an age comes with. Read from the word
# set every prefilter shares (textutil.probe), so most posts never try the patterns at each capital.
_CUE_WORDS = frozenset(
    "age aged ages year years yr reception nursery class school primary academy infant infants junior juniors "
    "college preschool high pupil st".split()
)


_SHORT_RUNS = frozenset((1, 2, 3))


def has_cue(text: str) -> bool:
    words = probe(text)[1]
    if not words.isdisjoint(_CUE_WORDS):
        return True
    # a word of at most three characters ending in a digit ends in a run of one to three digits: in ASCII
    # text (where a digit is 0-9 to both), the lengths of the runs, found once per text for the personal
    # data rules, rule it out for most texts without a look at each word
    if text.isascii() and _SHORT_RUNS.isdisjoint(digit_lengths(text)[0]):
        return False
    small = [w for w in words if len(w) <= 3 and w[-1].isdigit()]
    if not small:
        return False
    return any(w[0] == "y" for w in small) or "(" in text or "," in text or "who" in words


def check_children(text: str, media: tuple[Media, ...], emit: Emit) -> None:
    if not has_cue(text):
        return
    spans = find_children(text)
    if not spans:
        return
    consented = any(person.is_child and person.guardian_consent for item in media for person in item.people)
    rule = "child-identified" if consented else "child-identified-without-consent"
    for start, end in spans:
        emit(rule, start, end)
