"""Children identified in the words of a post: a first name with an age, a class or year group, or a
school ("well done Amelia (age 8) from St Mary's!", "Year 4 pupil Oliver", "7-year-old Freya").

The policy's safeguarding clause: a child who can be identified is a warning on any post, and a block
on an official post unless a parent's or guardian's consent is recorded for the post's media.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .model import Media

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

_PATTERNS = re.compile(
    # Amelia (age 8), Amelia (8), Amelia, aged 8, Amelia aged 8, Amelia, 8, from ...
    rf"(?<![\w'-]){_NAME}(?:\s*\(\s*(?:age[ds]?\s*)?(?P<a1>{_AGE})\s*\)"
    rf"|,\s*(?:age[ds]?\s)?(?P<a2>{_AGE})(?=\s*[,)!.]|\s(?:from|of|at|who|and|in)\b)"
    rf"|\s(?:age[ds]?|who\sis|who's)\s(?P<a3>{_AGE})\b(?!\s*(?:%|years?\sago|per|pence|p\b|pounds|minutes|hours)))"
    # 8-year-old Amelia, eight year old Amelia
    rf"|(?i:\b(?:{_AGE}|{_AGE_WORDS})[- ]years?[- ]old\s(?:pupil\s|student\s|schoolgirl\s|schoolboy\s)?)(?<![\w'-]){_NAME.replace('name', 'name2')}"
    # Year 4 pupil Amelia, Reception pupil Oliver
    rf"|\b{_YEAR_GROUP}\s(?:pupils?|students?|child|girl|boy)\s{_NAME.replace('name', 'name3')}"
    # Amelia from Year 4, Amelia (Year 4), Amelia in Class 2
    rf"|(?<![\w'-]){_NAME.replace('name', 'name4')}(?:\s*\(\s*|,\s*|\s(?:from|in|of)\s)(?:{_YEAR_GROUP})"
    # Amelia from Oakfield Primary School, Amelia at St Mary's C of E Primary
    rf"|(?<![\w'-]){_NAME.replace('name', 'name5')},?\s(?:from|at|of)\s(?:{_SCHOOL}|(?P<st>{_ST}))"
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


def find_children(text: str) -> list[tuple[int, int]]:
    """Spans of the text that identify a child (name and what identifies them)."""
    found: list[tuple[int, int]] = []
    for match in _PATTERNS.finditer(text):
        group = next(g for g in ("name", "name2", "name3", "name4", "name5") if match.group(g))
        name_start = match.start(group)
        if not _name_ok(text, match.group(group), name_start):
            continue
        if match.group("st") and not _SCHOOL_CONTEXT.search(text):
            continue
        if group == "name5" and not _SCHOOL_CONTEXT.search(text):
            continue
        start, end = match.span()
        # an age given first and a school after ("Amelia (age 8) from St Mary's"): one finding for both
        tail = re.match(rf",?\s(?:from|at|of)\s(?:{_SCHOOL}|{_ST})", text[end:])
        if tail:
            end += tail.end()
        if found and start < found[-1][1]:
            continue
        found.append((start, end))
    return found


# What every pattern above needs somewhere in the text (an age, a year group, a school word, "St X's"):
# one scan, so most posts never try the patterns at each capital letter.
_CUE = re.compile(
    rf"(?i)\b(?:aged?|ages|who(?:\s+is|'s)\s+\d|year|yr|y\s?\d|reception|nursery|class|school|primary|academy|"
    rf"infants?|juniors?|college|pre-?school|high|st\.?\s+\w+'s)\b|\(\s*\d{{1,2}}\s*\)"
    rf"|,\s*\d{{1,2}}\s*(?:[,)!.]|\s(?:from|of|at|who|and|in)\b)|\b(?:\d{{1,2}}|{_AGE_WORDS})[- ]years?[- ]old"
)


def check_children(text: str, media: tuple[Media, ...], emit: Emit) -> None:
    if not _CUE.search(text):
        return
    spans = find_children(text)
    if not spans:
        return
    consented = any(person.is_child and person.guardian_consent for item in media for person in item.people)
    rule = "child-identified" if consented else "child-identified-without-consent"
    for start, end in spans:
        emit(rule, start, end)
