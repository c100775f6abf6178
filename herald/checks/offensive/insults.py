"""Insults aimed at someone: an insult word judged by the words around it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .tries import _backwards

if TYPE_CHECKING:
    from .matchers import OffensiveMatchers

from .words import WORDS

# Words that strengthen an insult ("you absolute muppet", "are a bunch of clowns", "such a moron"), and
# the scornful adjectives said with one ("a corrupt old hag", "a lying weasel", "a stuck-up cow").
_INTENSIFIERS = WORDS["intensifiers"]
# The same, strong enough to make a bare noun an insult ("absolute scumbags", "useless tossers").
_STRONG_INTENSIFIERS = WORDS["strong_intensifiers"]
# Those that may stand one ordinary word away from the noun ("typical liberal hypocrite", "bunch of
# council clowns").
_STRONG_BEFORE_ANY = WORDS["strong_before_any"]
# Those strong enough for a noun that is also an animal or an everyday thing ("absolute animals", not
# "filthy animals" of foxes at the bins).
_STRONG_FOR_LITERAL = frozenset(WORDS["strong_for_literal"])
# Adverbs between the verb and "a" ("is clearly a moron", "was always a crook", "are nothing but scum").
_FRAME_ADVERBS = WORDS["frame_adverbs"]
# Said to someone: any insult counts after these ("you idiot", "you're useless", "she's a lowlife").
_TO_SOMEONE = WORDS["to_someone"]
_CHAIN = r"(?:(?:dna|ro|&)\s+(?:[\w'-]+\s+){1,5}?)?"  # "a hack and a half-wit", "ur a bottle job and a gimp"
# The words before an insult, matched leftwards from it on the reversed text (so each insult word
# costs the length of its frame, not a search of the sentence before it). The named group says which
# frame matched: said to someone (any insult), a noun said of anyone ("what a …", "is a …"), "only an
# idiot …", a plural noun ("are idiots", "is scum"), a noun after a determiner ("the idiot who …",
# "these apes"), or a bare noun after a strong intensifier ("absolute scumbags", "typical liberal hypocrite").
_FRAMES = (
    r"(?i)\s+(?:(?:"
    + _backwards(_INTENSIFIERS)
    + r")\s+){0,4}"
    + _CHAIN
    + r"(?:(?:"
    + _backwards(_INTENSIFIERS)
    + r")\s+){0,3}(?P<to>(?:"
    + _backwards(_TO_SOMEONE)
    + r")(?!\w))"
    r"|\s+(?:(?:"
    + _backwards(_INTENSIFIERS)
    + r")\s+){0,4}?"
    + _CHAIN
    + r"(?:(?:"
    + _backwards(_INTENSIFIERS)
    + r")\s+){0,3}?"  # the nearest frame word, not the farthest
    r"(?:(?P<of>(?:n?a\s+)?tahw(?!\w)|n?a\s+(?:(?:" + _backwards(_FRAME_ADVERBS) + r")\s+){0,2}"
    r"(?:(?:si|saw|eb|gnieb|ma)(?!\w)|s['\u2019]))"
    r"|(?P<only>(?:n?a\s+)?ylno(?!\w))"
    r"|(?P<are>(?:(?:" + _backwards(_FRAME_ADVERBS) + r")\s+){0,2}(?:(?:era|erew|r|si|saw)(?!\w)|s['\u2019]))"
    r"|(?P<det>(?:eht|siht|taht|eseht|esoht)(?!\w))"
)
_INSULT_BEFORE = re.compile(
    _FRAMES + r"|(?P<bare>(?:" + _backwards(_STRONG_INTENSIFIERS) + r")(?![\w'-])))"
    r"|\s+(?:(?:"
    + _backwards(_INTENSIFIERS)
    + r")\s+){0,2}?[\w'-]+\s+(?P<bare1>(?:"
    + _backwards(_STRONG_BEFORE_ANY)
    + r")(?![\w'-]))"
)
# The same without the bare frames: for a noun that the nearest strong word alone does not make an
# insult ("a right stuck-up cow": "right" is not enough for "cow", "was a" is).
_INSULT_BEFORE_FRAMED = re.compile(_FRAMES + ")")
# What may follow any insult word: not a compound or an idiom ("thick-skinned", "thick as thieves").
_ANY_AFTER = re.compile(r"(?i)-\w|\s+as\s+thieves\b|\s+and\s+thin\b")
# What may follow a noun insult: not more of a word, nor a noun it describes ("a muppet show").
_INSULT_AFTER = re.compile(
    r"(?i)[-\w]|['\u2019]s\b|\s+(?:show|costume|character|school|car|fish|act|film|movie|guide|proof|and\s+horses|"
    r"shop|farm|parade|world|house|club|theatre|troupe|shoes|make-?up|sanctuary|rescue|welfare|park)\b"
)
# Words after a noun insult that aim it at someone whatever comes before ("idiots like you", "scum,
# every last one of them", "the muppet who runs this page", "only an idiot would …").
_AIMED_AFTER = re.compile(
    r"(?i)\s+like\s+(?:you|u|ya|yourself|yourselves|him|her|them|'?em|yours)\b"
    r"|\s*,?\s*(?:the\s+(?:whole\s+)?lot\s+of\s+(?:them|you|'?em|ya|u)|every\s+(?:last\s+|single\s+)?(?:one|man|woman)\s+of\s+"
    r"(?:them|you|'?em|u)|all\s+of\s+(?:them|you|'?em)|(?:each\s+and\s+)?every\s+(?:last\s+|single\s+)?one)\b"
)
_LIKE_THAT = re.compile(r"(?i)\s+like\s+(?:that|this|these|those)\b")
_RELATIVE = re.compile(r"(?i)\s+(?:who|that|which|that's|who's|whose)\b")
_ONLY_AFTER = re.compile(
    r"(?i)\s+(?:would|could|can|will|think|thinks|believe|believes|vote|votes|buy|buys|support|supports|defend|defends|"
    r"fall|falls|trust|trusts|listen|listens|fails?\s+to|does|do|say|says)\b"
)
_SCORNFUL = frozenset(
    w
    for w in _INTENSIFIERS
    if " " not in w
    and w not in {"a", "an", "so", "such", "just", "all", "very", "really", "too", "big", "little", "real", "old"}
)
# An insult noun making up a sentence or clause on its own, after at most an interjection, a mention
# or a strong intensifier ("Vermin.", "Idiots, every one", "Go away loser", "Savages then, savages now").
_FRAGMENT_HEAD = re.compile(
    r"(?i)\s*(?:@\w+[\s,:]*)*+(?:(?:oi|hey|cheers|thanks|thank\s+you|ok|okay|yeah|sure|well|lol|lmao|haha|bye|"
    r"go\s+away|get\s+lost|jog\s+on|do\s+one|piss\s+off|sod\s+off|bore\s+off|shut\s+up|grow\s+up|sit\s+down|calm\s+down|"
    r"whatever|cry\s+more|go\s+home|get\s+out|move\s+on|night\s+night|bye\s+bye|nah|no|yes|and|more|yet\s+more|"
    r"more\s+of\s+these)\b[\s,!.:]*)*+"
    r"(?:(?:"
    + "|".join(re.escape(w) for w in sorted(set(_STRONG_INTENSIFIERS) | _SCORNFUL, key=len, reverse=True))
    + r")\s+){0,2}"
)
_FRAGMENT_TAIL = re.compile(
    r"(?i)(?:\s+(?:then|now|again|everywhere|lol|lmao|haha|mate|pal|bruv|innit|tbh|smh|ffs|honestly|seriously|"
    r"the\s+lot|all\s+of\s+(?:them|you)|every\s+one))*\s*(?:[.!?,;:)…]|$|[^\w\s'’-])"
)
# A noun insult heading a verbless clause ("Idiots running the council", "Morons in charge again").
_SUBJECT_TAIL = re.compile(
    r"(?i)\s+(?:running|ruining|in\s+charge|everywhere|again|at\s+it|who|that|in\s+the|at\s+the|on\s+the|from\s+the|have|has|"
    r"are|were|can'?t|cannot|couldn'?t|don'?t|didn'?t|never|still|keep|strike)\b"
)
# A noun insult said at the end of a sentence, after a comma: the person spoken to ("…, loser.").
_VOCATIVE = re.compile(
    r"(?i),\s*(?:you\s+|ya\s+|u\s+)?(?:(?:absolute|total|complete|utter|fucking|bloody|little|stupid|sad|"
    r"pathetic|big|fat|lazy|useless)\s+){0,2}$"
)
_VOCATIVE_TAIL = re.compile(r"(?i)(?:\s+(?:lol|lmao|haha|mate|pal|bruv|xx?))*\s*(?:[.!?)…]|$|[^\w\s'’,;:-])")
# Nouns that are also animals or everyday things: said of someone only with a stronger aim (not "rats
# are vermin", "fleas are parasites", "what a cow" at the county show, "the clowns who juggled").
_LITERAL = frozenset(WORDS["literal"])
_PRAISE_OR_PEST = frozenset(WORDS["praise_or_pest"])
_NOT_THESE = frozenset(WORDS["not_these"])
_NOT_FRAGMENT = frozenset(WORDS["not_fragment"])
_NONHUMAN = frozenset(WORDS["nonhuman"])
_SPACE_WORDS = frozenset(("waste of space", "wastes of space"))
# A place or a thing as the subject before "is a waste of space" (round seventeen).
_A_PLACE = re.compile(
    r"(?i)\b(?:car\s+parks?|parks?|sites?|buildings?|fields?|land|plots?|lots?|roundabouts?|roads?|lanes?|shops?|units?"
    r"|offices?|blocks?|centres?|centers?|squares?|gardens?|plazas?|precincts?|malls?|towers?|bridges?|statues?|sculptures?"
    r"|fountains?|shelters?|kiosks?|depots?|garages?|warehouses?|hall|halls|rooms?|corridors?|verges?|planters?"
    r"|spaces?|bays?|screens?|boards?|signs?|billboards?|pods?|bins?|sheds?|cabins?|stands?|islands?|spots?)\b"
    r"(?:\s+(?:is|are|was|were|'s|has\s+been|have\s+been))?"
    r"(?:\s+(?:a|an|just|such|nothing|but|complete|total|absolute|utter|real|right|massive|huge|big|proper))*\s*$"
)
_PREVIOUS_WORD = re.compile(r"([\w'’]+)\W*$")
# The first word of a clause that says what the subject is ("Gulls are …", "The pigeons here are …").
_CLAUSE_SUBJECT = re.compile(
    r"(?i)\W*(?:the\s+|these\s+|those\s+|our\s+|bloody\s+|damn\s+)?([\w'’]+)\s+(?:\w+\s+){0,4}?(?:are|is|were|was)\s"
)
_DISMISSAL = re.compile(
    r"""(?i)
    # "shut up, you …", "shut the fuck up already"
    \bshut\s+ (?: the\s+ (?: fuck | hell ) \s+ )? up\b
      (?= \s* ,? \s* (?: you | u | ya | already | ffs | nobody | no\s+one | and\s+ (?: go | get | listen | sit ) )\b )
    | \bshut\s+ (?: your | ur | yer ) \s+ (?: fucking\s+ | bloody\s+ )?
      (?: mouth | face | gob | trap | cakehole | pie\s*hole | mush )\b
    # "get stuffed" (not "and get stuffed with sage", "get stuffed at the carvery")
    | \b(?<!and\s) get\s+stuffed\b (?! \s+ (?: at | on | with | in | into | full | for | by | here | there )\b )
    | \bgo\s+to\s+hell\b
    | \bgo\s+ (?:and\s+)? (?: play\s+in\s+ (?:the\s+)? traffic | jump\s+off\s+a\s+ (?: cliff | bridge ) )\b
    # "thick as mince", "dumb as a box of rocks": said of a person
    | \b(?: thick | dumb | daft | dense | stupid ) \s+as\s+
      (?: mince | two\s+short\s+planks | pig\s*shit | shite? | muck
        | a\s+ (?: brick | plank | post | rock | box\s+of\s+rocks | bag\s+of\s+ (?: hammers | spanners | rocks )
                | sack\s+of\s+spanners | brick\s+wall | bucket | doorknob | donkey | dog'?s\s+ (?: arse | dinner )
                | rocking\s+horse )
        | a\s+box\s+of\s+rocks | they\s+come | fuck )\b
    """,
    re.VERBOSE,
)
_DISMISSAL_CUES = frozenset(WORDS["dismissal_cues"])


def _aimed(text: str, head: int, start: int, end: int, word: str, noun: bool, sentence_start: bool) -> int | None:
    """Where the words aiming the insult text[start:end] at someone begin, or None: the frame before
    it (at most 80 characters back, from ``head`` on, in the same sentence), the words after it
    ("idiots like you", "the lot of them"), or the insult standing as a sentence of its own."""
    literal = word in _LITERAL
    if _ANY_AFTER.match(text, end) is not None:
        return None
    reversed_head = text[head:start][::-1]
    before = _INSULT_BEFORE.match(reversed_head)
    if before is not None and literal and before.lastgroup in ("bare", "bare1"):
        framed = _INSULT_BEFORE_FRAMED.match(reversed_head)
        before = framed if framed is not None and framed.lastgroup != "det" else before
    if before is not None:
        frame = before.lastgroup
        begin = start - before.end()
        ok = True
        subject = _CLAUSE_SUBJECT.match(text, head, start) if literal and frame != "to" else None
        if subject is not None and subject.group(1).lower() in _NONHUMAN:
            ok = False  # "Gulls are absolute vermin round the harbour": said of animals
        elif frame == "to":
            tail = before.group()[-4:].lower()
            if tail == "ruoy" and text[begin:start].split()[-1:] == [text[begin:start].split()[0]]:
                ok = False  # "hand in your weapon", "your snowflakes": "your" alone is a possessive
            elif tail == "ruoy" and (literal or not noun and _WORD_NEXT.match(text, end) is not None):
                # "your stupid idea", "your fat intake", "your mug of tea", "bring your tool"
                ok = False
            elif word in _PRAISE_OR_PEST and text[begin:start].lower().startswith(("he", "she", "they")):
                # "they were savages on the pitch", "rats? they're vermin": only with a scornful word
                ok = any(w in _SCORNFUL for w in text[begin:start].lower().split())
        elif not noun or _INSULT_AFTER.match(text, end) is not None:
            ok = False
        elif frame == "are" and not (word.endswith("s") or word in _UNCOUNTABLE):
            ok = False
        elif frame == "only":
            ok = _ONLY_AFTER.match(text, end) is not None
        elif frame == "det":
            lead = before.group()[-5:].lower()
            these = lead in ("eseht", "esoht")
            ok = (these and word.endswith("s") and word not in _NOT_THESE) or (
                not literal and _RELATIVE.match(text, end) is not None
            )
        elif literal:
            middle = text[begin:start].lower().split()
            if frame in ("bare", "bare1"):
                ok = frame == "bare" and any(
                    w in _STRONG_FOR_LITERAL or " ".join(middle[i : i + 2]) in _STRONG_FOR_LITERAL
                    for i, w in enumerate(middle)
                )
            else:  # "what a cow" at the show, "rats are vermin": a scornful word, or a person said so of
                previous = _PREVIOUS_WORD.search(text, max(0, begin - 30), begin)
                person = previous is not None and previous.group(1).lower() not in _NONHUMAN
                ok = any(w in _SCORNFUL for w in middle) or (
                    person and not middle[-1:] == ["what"] and "what" not in middle[:2]
                )
        if ok and frame != "to" and word in _SPACE_WORDS and _A_PLACE.search(text, head, begin) is not None:
            ok = False  # round seventeen: "the empty car park is a waste of space" is about the car park
        if ok:
            return begin
    if not noun:
        return None
    after = _AIMED_AFTER.match(text, end)
    if after is not None or (not literal and _LIKE_THAT.match(text, end) is not None):
        return start
    if (
        sentence_start
        and word not in _NOT_FRAGMENT
        and _FRAGMENT_HEAD.fullmatch(text, head, start) is not None
        and (
            _FRAGMENT_TAIL.match(text, end) is not None
            or (
                not literal and word.endswith("s") and _SUBJECT_TAIL.match(text, end) is not None
            )  # "Idiots running the council"
        )
    ):
        return head + len(text[head:start]) - len(text[head:start].lstrip())
    if (
        not literal
        and _VOCATIVE.search(text, max(head, start - 40), start) is not None
        and _VOCATIVE_TAIL.match(text, end)
    ):
        return start  # "Go back to your basement, loser"
    return None


_MAX_INSULT_WORDS = 64


def _insults(text: str, m: OffensiveMatchers, unaimed: list[tuple[int, int]]):
    """(start, end) of each insult aimed at someone: an insult word judged by the words around it
    (at most 80 characters back, in the same sentence), so the cost is per insult word found. The
    nouns among the insult words that are aimed at no one ("I felt like an idiot") are added to
    ``unaimed`` (adjectives are left to the model: "ugly fat cow"). Only the first _MAX_INSULT_WORDS
    are judged: a text holding more is abusive many times over, and judging each costs up to ~30 µs
    ("fat fat fat …" for 2,200 characters took 15 ms)."""
    for count, match in enumerate(m.insult_words.finditer(text)):
        if count == _MAX_INSULT_WORDS:
            break
        start, end = match.span()
        word = match.group().lower()
        floor = max(0, start - 80)
        cut = max(text.rfind(".", floor, start), text.rfind("!", floor, start), text.rfind("?", floor, start),
                  text.rfind("\n", floor, start))  # fmt: skip
        noun = word in m.insult_nouns
        begin = _aimed(text, cut + 1 if cut >= 0 else floor, start, end, word, noun, cut >= 0 or floor == 0)
        if begin is None:
            if noun:
                unaimed.append((start, end))
            continue
        yield begin, end


_UNCOUNTABLE = frozenset(WORDS["uncountable"])
_WORD_NEXT = re.compile(r"[ \t]+[a-z]")
