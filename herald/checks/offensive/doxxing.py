"""Round eighteen (issue 12 item 1): doxxing, read from what a comment gives out about a person rather than
from how it is worded. A comment that tells everyone where a named or pointed-at person lives, works, parks or
sends their children, so that others can find them, is a ``threat`` whatever its tone ("Sandra Coe, 14 Paddock
Close, blue door", "his kids go to St Peter's", "works nights at the Co-op, feel free to let him know").

Three parts, each a class rather than a phrasing:

- **a locator**: a home (a house number and street, "number 9", a named house, a door colour, "lives on the
  Crescent"), a workplace ("works nights at the Triumph factory", "runs the pharmacy on Castle St"), a child's
  school or club, a car and where it is left, a home address said to be out ("his home address is on the
  planning portal");
- **whose it is**: a third person (he, she, his mum, a name, a title, "the bloke who reported me", "the
  councillor who voted for it") — never the writer ("I live at", "my mum lives at") or a place of the
  council's own;
- **given out**: a home number with a person, a child's school, a home address said to be shared, or any
  locator with an invitation to act on it ("pay her a visit", "go and ask her yourselves", "just so everyone
  knows where", "do what you like with that", "not hard to find").

A fair comment gives a place with no person ("the potholes outside 14 Elm Road"), the writer's own address,
a relative's address in a complaint made for them, a councillor's surgery or an office's opening hours, or
praise of staff at their workplace ("Sarah who works at the library was brilliant"). Incoming comments only.
Every family sits behind a cheap word check (``textutil.probe``'s lower-case words).
"""

from __future__ import annotations

import re

from ..textutil import probe, sentence_bounds
from .senses import has_case_twins

_FOLD_TWINS = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})

# cheap word check: a text with none of these words gives out nothing
_CUES = frozenset(
    "lives living live address number no works working runs school schools kids son daughter children kid "
    "grandkids drives parks leaves car van plate reg registration door house cottage street st road rd close "
    "drive lane ln avenue ave crescent rise grove mews court gardens terrace cottages farm lodge "
    # round nineteen's street types, which a house number with no invitation needs ("Mrs Ashby, 5 Saddler Way")
    "way cl dr cres gr ct gdns place pl walk view row hill green park square sq parade vale croft chase shift "
    "shifts owns manages".split()
)

_STREET_TYPE = (
    r"(?:Street|St|Road|Rd|Close|Cl|Drive|Dr|Way|Lane|Ln|Avenue|Ave|Crescent|Cres|Rise|Grove|Gr|Mews|Court|Ct|"
    r"Gardens|Gdns|Place|Pl|Terrace|Walk|View|Row|Hill|Green|Park|Square|Sq|Cottage|Cottages|Farm|Parade|Vale|Croft|Chase)"
)
# a home one can walk up to: a house number and street, "number 9", a named house, a door, a crescent
# a house number spelled out ("eight", "twenty-seven"): read as a number
_SPELLED = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight"
    r"|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen)"
)
_SPELLED_NUMBER = re.compile(rf"(?i)\b{_SPELLED}\b")
# a full postcode ("LE10 0FR"): as specific as a house number
_POSTCODE = r"(?-i:[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2})\b"
_HOME = (
    rf"(?:{_POSTCODE}"
    rf"|(?:\d{{1,4}}[a-z]?|{_SPELLED}),?\s+(?:the\s+)?(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){{0,2}}(?:\s+{_STREET_TYPE})?"
    rf"|(?:number|no\.?|num|#)\s*\d{{1,4}}[a-z]?\b"
    rf"|(?:the\s+)?(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){{0,2}}\s+(?-i:{_STREET_TYPE})\b"
    rf"|the\s+(?-i:[A-Z][\w'-]+)(?=\s+(?:by|near|opposite|behind|next\s+to)\b)"
    rf"|(?-i:[A-Z][a-z]{{2,}}))"  # a bare town or village: counted only with an invitation
)
# a home described so it can be found: "blue door", "big white house with the gates"
_DOOR = re.compile(
    r"(?i)\b(?:red|blue|green|black|white|yellow|grey|gray|purple|pink|orange|brown)\s+(?:front\s+)?(?:door|gate|gates|house)\b"
    r"|\bbig\s+(?:\w+\s+)?house\s+with\b"
)

# a third person who lives somewhere
_LIVES = re.compile(
    rf"(?i)\b(?:lives|living|stays)\s+(?:at|on|in|off|down|up)\s+(?P<home>{_HOME})",
)
# the name and the address side by side: "Sandra Coe, 14 Paddock Close", "Mrs Elaine Worsley: Rose Cottage"
_NAME_HOME = re.compile(
    rf"(?<![\w.])(?-i:(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+){{1,2}})\s*[,:]\s*"
    rf"(?P<home>(?:\d{{1,4}}[a-z]?|{_SPELLED})\s+(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){{0,2}}\s+(?-i:{_STREET_TYPE})\b"
    rf"|(?-i:[A-Z][\w'-]+)\s+(?-i:Cottage|House|Farm|Lodge|Barn|Hall)\b)"
)
# someone pointed at by where they live: "the family at 22 Kiln Close", "the bloke at no.14"
_PERSON_AT = re.compile(
    rf"(?i)\b(?:the|that|new)\s+(?:[\w-]+\s+){{0,3}}?(?:family|bloke|man|woman|lady|guy|lad|girl|couple|people|lot|fella|"
    rf"tenant|tenants|residents?|neighbours?|household|chap)\s+(?:at|in|from)\s+(?P<home>{_HOME})"
)
# a home address said to be out or shared: "tait's home address is on the planning portal btw"
_ADDRESS_OUT = re.compile(
    r"(?i)\b(?:his|her|their|your|ur|(?-i:[A-Z]?)\w+'s)\s+(?:home\s+|house\s+|personal\s+)?address(?:es)?\b"
    r"(?=[^.!?\n]{0,60}\b(?:is\s+on|is\s+online|on\s+the|is\s+out|is\s+public|shared|posting|post|posted|share|sharing"
    r"|passed|handed|given|give|publish\w*|everyone|👀))"
    r"|\b(?:shared|posted|posting|published|publishing|circulated|passed\s+on)\s+(?:his|her|their|your|ur)\s+"
    r"(?:face\s+and\s+)?(?:home\s+|house\s+)?address\b"
)
# a child's school or club: "her son goes to St Peter's", "his kids go to St…", "her kids' football club"
_CHILD = re.compile(
    r"(?i)(?:\b(?:his|her|their)\b|(?<=\w)['\u2019]s)\s+(?:\w+\s+)?(?:kids?|sons?|daughters?|children|child|boys?|girls?|grandkids|"
    r"grandchildren|little\s+ones?)(?:'s?|’s?)?\s+(?:goes\s+to|go\s+to|attends?|(?:is|are)\s+at|at|(?:school|nursery|"
    r"football|rugby|cricket|dance|swimming|scout|brownies|club)\b)\s*(?:[\w'-]+\s+){0,3}?"
    r"(?P<home>(?-i:[A-Z][\w'’-]+)|(?:school|club|nursery|academy)\b)"
)
# a workplace, a business or a car, given with its place: "works nights at the Triumph factory",
# "runs the pharmacy on Castle St", "parks his Audi on Marsh Road", "leaves his red Corsa behind the Co-op"
_WORKS = re.compile(
    r"(?i)\b(?:works|working)\s+(?:\w+\s+){0,3}?(?:at|in|for)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?-i:[A-Z][\w'-]+)"
    r"|\b(?:runs|owns|manages)\s+(?:the|a|that)\s+(?:[\w-]+\s+){0,2}?(?:shop|pharmacy|chemist|business|pub|cafe|caf\u00e9|salon"
    r"|garage|restaurant|takeaway|firm|company|surgery|practice|gym|bakery|butchers?|newsagents?|florist)\s+(?:on|in|at)\s+"
    r"(?-i:[A-Z][\w'-]+)"
)
_CAR = re.compile(
    r"(?i)\b(?:drives|parks|leaves)\s+(?:his|her|their|a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:audi|bmw|corsa|skoda|ford|fiesta|focus|golf|vw|polo|mercedes|merc|vauxhall|astra|kia|toyota|nissan|honda|volvo"
    r"|tesla|mini|fiat|peugeot|renault|citroen|hyundai|range\s+rover|land\s+rover|jag|jaguar|van|car|hatchback|motor)\b"
    r"(?:\s+(?:on|in|behind|outside|at|near|by|round|down)\s+(?:the\s+)?(?-i:[A-Z][\w'-]+))?"
    r"|\bplate'?s\s+(?:on|in)\s+the\s+(?:photo|pic|picture|video)\b"
)
# an invitation to act on what is given: "pay her a visit", "go and ask her yourselves", "feel free to let
# him know", "just so everyone knows where", "do what you like with that", "not hard to find", "go say hi"
_GIVEN_OUT = re.compile(
    r"""(?ix)
    \b feel \s+ free \s+ to \b
    | \b let \s+ (?: him | her | them ) \s+ know \s+ (?: what | how ) \b
    | \b pay \s+ (?: [\w.'-]+ \s+ ){1,5}? a \s+ (?: little \s+ | quick \s+ )? visit \b
    | \b (?: go | pop | drop | head ) \s+ (?: round | over | by | in | down ) \b
    | \b (?: go | come ) \s+ (?: and \s+ )? (?: say \s+ hi | ask | tell | see | visit | make \s+ sure | have \s+ a \s+ word ) \b
    | \b say \s+ (?: hi | hello ) \b
    | \b ask \s+ (?: him | her | them ) \s+ yourselves \b
    | \b (?: someone | somebody | anyone | anybody ) \s+ (?: find | visit | go | pop | call \s+ round ) \b
    | \b not \s+ (?: hard | difficult ) \s+ to \s+ find \b
    | \b (?: in \s+ case | if ) \s+ any (?: one | body ) \s+ (?: would \s+ like | wants | fancies | wishes ) \b
    | \b (?: just \s+ )? so \s+ (?: everyone | everybody | you \s+ all | people | we \s+ all ) \s+ knows? \b
    | \b (?: everyone | everybody | people ) \s+ (?: should \s+ | now \s+ )? knows? \s+ where \b
    | \b where \s+ to \s+ (?: find | take ) \b
    | \b thought \s+ (?: you \s+ )? (?: should | would | might ) \s+ (?: all \s+ )? (?: know | like \s+ to \s+ know ) \b
    | \b do \s+ (?: what | whatever ) \s+ you \s+ (?: like | want | will ) \s+ with \s+ (?: that | this | it ) \b
    | \b (?: welcome | expect ) \s+ (?: some \s+ )? (?: visitors | company | callers | correspondence ) \b
    | \b (?: share | tell ) \s+ (?: their | your ) \s+ views \b [^.!?]{0,40} \b directly \b
    | \b (?: i've | i \s+ have | we've | we \s+ have ) \s+ (?: shared | posted | passed | given | sent ) \b
    | \b spread \s+ the \s+ word \b
    | \b btw \s* 👀 | 👀 \s* (?: just \s+ saying )?
    | \b just \s+ saying \b
    | \b (?: keep \s+ )? tag (?: ging )? \s+ (?: her | him | them | cllr | councillor | @ ) | \b (?: can't | cannot | doesn't \s+ get \s+ to
        | won't \s+ be \s+ able \s+ to ) \s+ hide \b
    | \b (?: make \s+ sure \s+ (?: he | she | they ) \s+ hears? ) \b
    """
)
# whose it is: the writer or their own family and home are not given out
_OWN = re.compile(r"(?i)\b(?:i|we|my|our|me)\b(?:\s+[\w'-]+){0,2}\s*\Z")
# the same before "lives": "me" there is the object of another verb ("the warden who fined me lives at")
_OWN_SUBJECT = re.compile(r"(?i)\b(?:i|we|my|our)\b(?:\s+[\w'-]+){0,2}\s*\Z")
# a place of the council or the public rather than a home: a surgery, an office, a library
_PUBLIC_PLACE = re.compile(
    r"(?i)\b(?:surgery|surgeries|office|offices|library|civic|town\s+hall|leisure\s+centre|community\s+centre|depot"
    r"|tip|recycling\s+centre|hub|reception|open(?:ing)?\s+hours|appointments?)\b"
)


_LIVES_WORDS = frozenset("lives living stays".split())
_STREET_WORDS = frozenset(
    "street st road rd close cl drive dr way lane ln avenue ave crescent cres rise grove gr mews court ct gardens gdns "
    "place pl terrace walk view row hill green park square sq cottage cottages farm parade vale croft chase number no "
    "num house lodge barn hall".split()
)
_CHILD_WORDS = frozenset("kid kids son sons daughter daughters children child grandkids grandchildren".split())
_WORK_WORDS = frozenset("works working runs owns manages".split())
_CAR_WORDS = frozenset("drives parks leaves plate".split())
# a house number before a capitalised name, or "number 9": the one cheap pattern run before the others
_NUMBERED = re.compile(r"[0-9]{1,4}[a-z]?,?\s+(?:the\s+)?[A-Z]")
# the same spelled out, looked for only in a text with one of its words
_SPELLED_NUMBERED = re.compile(rf"(?i:\b{_SPELLED}),?\s+(?:the\s+)?[A-Z]")
_SPELLED_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety".split()
)
_NUMBER_WORD = re.compile(r"(?i)\b(?:number|no\.?|num)\s*[0-9]")
_WORK_WORD = re.compile(r"(?i)\b(?:works|working|runs|owns|manages)\b")
_CHILD_WORD = re.compile(r"(?i)\b(?:kids?|sons?|daughters?|children|child|grandkids|grandchildren)\b")


def doxxing_hits(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans where ``text`` gives out where a person other than the writer can be found (see the module's
    docstring); ``words``: its lower-case words (``textutil.probe``). Each pattern runs only when its own
    words are in the text (most comments pay for one set test)."""
    if has_case_twins(text):
        # read as the ASCII letters a case-blind pattern takes them for (one character each: spans keep)
        text = text.translate(_FOLD_TWINS)
        words = probe(text)[1]
    # Everything but a "lives at", a home address said to be out and a car needs an invitation or the
    # sentence saying who it is (``_GIVEN_OUT``, ``_IDENTIFIED``), and each of those needs its words
    # (``_GIVEN_OUT_NEEDS``, ``_IDENTIFIED_NEEDS``, "👀"); where a text holds one of ``senses.CASE_TWINS``
    # the word set can miss them, so nothing is skipped
    if _CUES.isdisjoint(words):
        return []  # (tested first: the gate below returns nothing either way, and most comments stop here)
    quiet = text.isascii() or ("\U0001f440" not in text and not has_case_twins(text))
    if quiet and _ANY_GATE.isdisjoint(words):
        return []  # the gate below in one set test: none of its words, so none of its conditions
    # Round nineteen: a person beside a house number and street counts with neither (``_STREET_TYPE_WORDS`` and
    # a digit), and a workplace with a shift or a routine (``_SHIFT_WORDS``)
    numbered_home = (
        not _STREET_TYPE_WORDS.isdisjoint(words)
        and _DIGIT.search(text) is not None
        and (
            not _HOME_PERSON_WORDS.isdisjoint(words)
            or (_NAME_NUMBER_PIVOT.search(text) is not None and _NAME_NUMBER.search(text) is not None)
        )
    )
    shifted = not _WORK_WORDS.isdisjoint(words) and not _SHIFT_WORDS.isdisjoint(words)
    shift_at = "shift" in words or "shifts" in words
    if _GATE.isdisjoint(words) and not numbered_home and not shifted and not shift_at and quiet:
        return []
    twins = has_case_twins(text)
    lives = not _LIVES_WORDS.isdisjoint(words)
    may_invite = twins or invitation_may_match(text, words)
    may_identify = twins or identified_may_match(words)
    # the patterns of a name or a person beside a house number that can match somewhere in the text
    beside = (
        [
            (pattern, pivot)
            for pattern, pivot, needs in _BESIDE_NUMBER
            if not any(need.isdisjoint(words) for need in needs) and pivot.search(text) is not None
        ]
        if may_invite or may_identify or numbered_home
        else []  # no window is looked in
    )
    # a name or a person beside a house number counts only with one of the two (or, round nineteen, where one
    # of those patterns can match, a house number and street with no invitation): otherwise the numbers and
    # the windows around them are not looked for
    numbers = (
        list(_NUMBERED.finditer(text))
        + (list(_SPELLED_NUMBERED.finditer(text)) if not _SPELLED_WORDS.isdisjoint(words) else [])
        + (list(_NUMBER_WORD.finditer(text)) if not words.isdisjoint(("number", "no", "num")) else [])
        if (may_invite or may_identify or (numbered_home and beside)) and not _STREET_WORDS.isdisjoint(words)
        else []
    )
    numbered = bool(numbers)
    address = "address" in words or "addresses" in words
    # a child's school or a workplace counts only with an invitation
    child = may_invite and not _CHILD_WORDS.isdisjoint(words)
    work = (may_invite or shifted) and not _WORK_WORDS.isdisjoint(words)
    car = not _CAR_WORDS.isdisjoint(words)
    if not (lives or numbered or address or child or work or car or shift_at):
        return []
    given: list[bool] = []

    def invited() -> bool:
        if not given:
            given.append(may_invite and _GIVEN_OUT.search(text) is not None)
        return given[0]

    appealed: list[bool] = []

    def appeal() -> bool:
        if not appealed:
            appealed.append(_APPEAL.search(text) is not None)
        return appealed[0]

    hits: list[tuple[int, int]] = []
    # the name or the person beside a house number is looked for only around the number
    windows = (
        [(max(0, n.start() - 80), n.end() + 60) for n in numbers]
        if numbered
        else [(0, len(text))]
        if "cottage" in words and (may_invite or may_identify)
        else []
    )
    found = [m for m in _LIVES.finditer(text)] if lives else []
    if (may_invite or may_identify) and not _PRONOUN_WORDS.isdisjoint(words):
        found += _IS_AT.finditer(text)
    seen = {m.span() for m in found}
    for pattern, pivot in beside:
        for window in windows:
            if pivot.search(text, *window) is None:
                continue  # the pattern cannot match in the window without it (searched for ~10x faster)
            for m in pattern.finditer(text, *window):
                if m.span() not in seen:
                    seen.add(m.span())
                    found.append(m)
    for match in found:
        pattern = match.re
        start, end = sentence_bounds(text, match.start())
        if pattern is _IS_AT and _MY_PERSON.search(text, 0, match.start()) is not None:
            continue  # "my mum is housebound, she's at 12 Beech Close, could someone pop round for her bin"
        if pattern is _LIVES and _OWN_SUBJECT.search(text, max(start, match.start() - 30), match.start()) is not None:
            continue  # "I live at", "my mum lives at 17 …"
        if (
            pattern is _LIVES
            and _PRONOUN.search(text, max(0, match.start() - 12), match.start())
            and _MY_PERSON.search(text, 0, match.start())
        ):
            continue  # "my elderly mother needs an assisted bin collection, she lives at 12 Beech Close"
        home = match.group("home")
        specific = (
            any(ch.isdigit() for ch in home)
            or _SPELLED_NUMBER.match(home) is not None
            or _DOOR.search(text, start, end) is not None
        )
        relative = pattern is _LIVES and re.search(r"(?i)\bwho\s+\Z", text[max(0, match.start() - 6) : match.start()])
        if (
            (pattern is not _LIVES or relative or appeal())
            and not (invited() or _IDENTIFIED.search(text) is not None)
            and not (pattern is not _LIVES and not appeal() and _at_a_house(text, match, start))
        ):
            continue  # an email's own sign-off ("Regards, John Smith, 14 Acacia Avenue"), thanks to a neighbour
        if pattern in (_LIVES, _IS_AT) and _PUBLIC_PLACE.search(home) is not None:
            continue
        if specific or invited():
            hits.append(match.span())
    for match in _ADDRESS_OUT.finditer(text) if address else ():
        if _SOMEONE_ELSE.search(text, max(0, match.start() - 30), match.start()) is None:
            hits.append(match.span())  # not "someone posted your home address further up, I've reported it"
    # a child's school, a workplace or a car: given out only with an invitation (the patterns first, as they
    # are the rarer; the invitation is looked for once one of them matches)
    located = (
        [
            m.span()
            for c in (_CHILD_WORD.finditer(text) if child else ())
            for m in _CHILD.finditer(text, max(0, c.start() - 30), c.end() + 80)
        ]
        + [
            m.span()
            for w in (_WORK_WORD.finditer(text) if work else ())
            if (m := _WORKS.match(text, w.start())) is not None
        ]
        + ([m.span() for m in _CAR.finditer(text)] if car else [])
    )
    located = [(a, b) for a, b in located if _OWN.search(text, max(0, a - 20), a) is None]
    if located and invited():
        hits += located
    if shifted or shift_at:
        # Round nineteen: a workplace with when the person is there ("works the late shift at the Boots on
        # Market St, finishes at 10", "does the early shift at the Spar"), said of someone other than the writer
        # or the writer's own
        at_work = [_WORKS.match(text, w.start()) for w in _WORK_WORD.finditer(text)] if shifted else []
        at_work += list(_SHIFT_AT.finditer(text)) if shift_at else []
        for m in at_work:
            if m is None or any(a <= m.start() < b for a, b in hits):
                continue
            if _OWN.search(text, max(0, m.start() - 20), m.start()) is not None:
                continue
            s, e = sentence_bounds(text, m.start())
            if e < len(text):
                e = sentence_bounds(text, e)[1]
            if _SHIFT.search(text, s, e) is None or _PUBLIC_PLACE.search(text, m.start(), m.end()) is not None:
                continue
            if _PRONOUN.search(text, max(0, m.start() - 12), m.start()) and _MY_PERSON.search(text, 0, m.start()):
                continue  # "my daughter… she works the late shift at the Co-op, finishes at 10, the buses stop at 9"
            hits.append(m.span())
    elif car and located:
        # a car and where and when it is left, said of a titled person: "Cllr Pryce parks his Audi on Marsh Road
        # every Thursday"
        for match in _CAR.finditer(text):
            s, e = sentence_bounds(text, match.start())
            if (
                _ROUTINE.search(text, s, e) is not None
                and _TITLED.search(text, s, match.start()) is not None
                and _OWN.search(text, max(0, match.start() - 20), match.start()) is None
            ):
                hits.append(match.span())
    hits.sort()
    merged: list[tuple[int, int]] = []
    for start, end in hits:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# the words each alternative of ``_GIVEN_OUT`` cannot match without (besides "👀", tested as a character),
# filed under the rarest of them, whose set is tested first
def _needs(listed: str) -> dict[str, tuple[frozenset[str], ...]]:
    needs: dict[str, tuple[frozenset[str], ...]] = {}
    for need in listed.split("|"):
        key, *rest = need.split()
        needs[key] = (*needs.get(key, ()), frozenset((key, *rest)))
    return needs


_GIVEN_OUT_NEEDS = _needs(
    "feel free|let know|visit pay|go|pop|drop|head|come|hi say|hello say|yourselves|someone|somebody|anyone"
    "|anybody|hard not to find|difficult not to find|know so|knows so|know where|knows where|find where to"
    "|take where to|thought know|do you with|visitors|company|callers|correspondence|directly views|shared"
    "|posted|passed|given|sent|spread the word|saying just|tag|tagging|hide|hear make sure|hears make sure"
)
_GIVEN_OUT_KEYS = frozenset(_GIVEN_OUT_NEEDS)
# the same for ``_IDENTIFIED``
_IDENTIFIED_NEEDS = _needs(
    "|".join(
        f"who the {noun}" for noun in "one ones bloke man woman person family guy lad officer warden councillor".split()
    )
    + "|reported|one the|ones the"
)
_IDENTIFIED_KEYS = frozenset(_IDENTIFIED_NEEDS)
_NEED_KEYS = _GIVEN_OUT_KEYS | _IDENTIFIED_KEYS
# what may be given out with neither: a "lives at", a home address said to be out, a car left routinely
_ALONE_CUES = _LIVES_WORDS | _CAR_WORDS | {"address", "addresses"}
_GATE = _ALONE_CUES | _NEED_KEYS


def invitation_may_match(text: str, words: frozenset[str]) -> bool:
    """False only where ``_GIVEN_OUT`` finds nothing in a text with none of ``senses.CASE_TWINS``."""
    return "\U0001f440" in text or _may_match(words, _GIVEN_OUT_KEYS, _GIVEN_OUT_NEEDS)


def identified_may_match(words: frozenset[str]) -> bool:
    """False only where ``_IDENTIFIED`` finds nothing in a text with none of ``senses.CASE_TWINS``."""
    return _may_match(words, _IDENTIFIED_KEYS, _IDENTIFIED_NEEDS)


def _may_match(words: frozenset[str], keys: frozenset[str], needs: dict[str, tuple[frozenset[str], ...]]) -> bool:
    """Whether the words hold all of one need's words (a pattern of ``needs`` can match only then)."""
    return any(need <= words for key in keys.intersection(words) for need in needs[key])


# a third person said to be at a home: "she's at no. 9 Kiln Close" (counted only with an invitation)
_IS_AT = re.compile(rf"(?i)\b(?:he|she|they)(?:['\u2019]s|['\u2019]re|\s+is|\s+are)\s+(?:at|on)\s+(?P<home>{_HOME})")
_PRONOUN_WORDS = frozenset(("he", "she", "they"))
# an appeal for a missing person or pet, who is looked for so they can be found safe: where they live or were
# seen counts only with an invitation
_APPEAL = re.compile(r"(?i)\bmissing\b|\blast\s+seen\b|\b(?:have\s+you|has\s+any(?:one|body))\s+seen\b")

# who the address is of, said outright: "the bloke who reported my van is Darren Hollis, 9 Sunnyhill Close"
_IDENTIFIED = re.compile(
    r"(?i)\b(?:the\s+(?:one|ones|bloke|man|woman|person|family|guy|lad|officer|warden|councillor)\s+who\b"
    r"|reported\s+(?:me|my|us|our)\b|\b(?:he|she)'?s\s+the\s+one\b|\b(?:is|are)\s+the\s+(?:one|ones)\s+who\b)"
)
_ROUTINE = re.compile(
    r"(?i)\bevery\s+(?:day|morning|night|evening|week|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
    r"|\b(?:most|every)\s+(?:mornings|evenings|nights|days)\b|\bsame\s+time\b"
)
# a person named with a title: "Cllr Pryce parks his Audi on Marsh Road every Thursday"
_TITLED = re.compile(r"(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+")
# the writer's own family or someone they speak for, whom a later "she" or "he" means
_PRONOUN = re.compile(r"(?i)\b(?:he|she|they)\s+\Z")
_MY_PERSON = re.compile(
    r"(?i)\b(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:mum|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandad|grandfather"
    r"|grandmother|parents?|son|daughter|husband|wife|partner|brother|sister|aunt|auntie|uncle|friend|neighbour|neighbor"
    r"|tenant|client|carer|child|kids?|boy|girl)\b"
)
# someone else did the giving out: the writer reports it ("someone posted your home address…")
_SOMEONE_ELSE = re.compile(
    r"(?i)\b(?:someone|somebody|anyone|he|she|they|people|who|a\s+\w+|the\s+\w+)\s+(?:has\s+|have\s+|had\s+|just\s+|keeps\s+)?\Z"
)


# Round nineteen (lead's policy): a named or pointed-at person tied to a house number and street is given out
# with no invitation. "Cllr Marsh at 9 Holloway Road", "Councillor Brian Tilley (7 Orchard Way)", "her dad is
# at 41 Mercer Avenue", "Sandra Coe, 14 Paddock Close".
_STREET_TYPE_WORDS = frozenset(
    "street st road rd close cl drive dr way lane ln avenue ave crescent cres rise grove gr mews court ct gardens "
    "gdns place pl terrace walk view row hill green park square sq parade vale croft chase".split()
)
_DIGIT = re.compile(r"[0-9]")
# who ``_PERSON_HOME``, ``_PERSON_AT`` and ``_NAME_HOME`` can find: their words, or a name right before a number
_HOME_PERSON_WORDS = frozenset(
    "cllr councillor mr mrs ms miss dr mum mom mother dad father wife husband partner son daughter parents brother "
    "sister nan gran grandad missus boyfriend girlfriend family bloke man woman lady guy lad girl couple fella tenant "
    "tenants neighbour neighbours household chap".split()
)
_NAME_NUMBER = re.compile(r"[A-Z][a-z]+\s*[,:(]\s*[0-9]")
_NAME_NUMBER_PIVOT = re.compile(r"[,:(]\s*[0-9]")  # what it cannot match without, searched for first (faster)
_NUMBERED_STREET = rf"(?:\d{{1,4}}[a-z]?|{_SPELLED}),?\s+(?:the\s+)?(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){{0,2}}\s+(?-i:{_STREET_TYPE})\b"
_PERSON_HOME = re.compile(
    rf"(?:(?<![\w.])(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z'-]+))?"
    rf"|(?i:\b(?:his|her|their|your|ur)\s+(?:mum|mom|mother|dad|father|wife|husband|partner|son|daughter|parents|"
    rf"brother|sister|nan|gran|grandad|missus|fella|boyfriend|girlfriend))\b)"
    rf"\s*(?:,|:|\(|\s-\s|(?i:\s+(?:is|are|'s|’s)?\s*(?:at|of|from|in)))\s*(?P<home>{_NUMBERED_STREET})"
)
# who speaks for the person, or signs off with their own address: "Regards, Jane Holt, 14 Acacia Avenue", "for
# Mrs Dawson, 12 Beech Close", "my neighbour Mr Jones at 14 Elm Road"
_FOR_THEM = re.compile(
    r"(?i)\b(?:regards|sincerely|faithfully|thanks|thank\s+you|cheers|best|yours|from|name|signed|for|behalf\s+of|my|our"
    r"|i\s+am|i'm|me|myself|client|tenant|resident|help|helping|assist|support|check\s+on)\b[^.!?\n]{0,24}\Z"
)
# a business, a venue or an office at the number rather than a home
_BUSINESS = re.compile(
    r"(?i)\b(?:ltd|limited|plc|shop|store|pub|inn|caf[eé]|restaurant|takeaway|salon|garage|surgery|practice|office|offices"
    r"|clinic|hall|centre|center|church|chapel|mosque|temple|school|library|hotel|bar|opening|open\s+(?:daily|from|until)"
    r"|solicitors?|estate\s+agents?|chambers|headquarters|hq|premises|unit|business)\b"
)


_STREET_AFTER = re.compile(rf"\s+(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){{0,2}}\s+(?-i:{_STREET_TYPE})\b")


def _at_a_house(text: str, match: re.Match[str], start: int) -> bool:
    """Whether ``match`` (a person and a home) gives out a house number and street of someone the writer neither
    is nor speaks for, at a home rather than a business or an office (the lead's policy, round nineteen)."""
    home = match.group("home")
    # "the woman at number 9 Orchard Rise": the street named just after "number 9"
    street = _STREET_AFTER.match(text, match.end()) if _NUMBER_WORD.match(home) else None
    if (re.search(rf"\b(?-i:{_STREET_TYPE})\b", home) is None and street is None) or not (
        any(ch.isdigit() for ch in home) or _SPELLED_NUMBER.match(home) is not None
    ):
        return False
    if _FOR_THEM.search(text, max(start, match.start() - 40), match.start()) is not None:
        return False
    if match.re is _NAME_HOME and match.group(0).startswith("The "):
        return False  # "The Red Lion, 12 High Street": a pub
    # what is at the number is said right beside it ("Cllr Jones, 12 High Street surgery", "the Spar, 3 Mill Lane")
    near = max(start, match.start() - 30), min(sentence_bounds(text, match.start())[1], match.end() + 12)
    if _BUSINESS.search(text, *near) is not None or _PUBLIC_PLACE.search(text, *near) is not None:
        return False
    # the sentence is a notice or praise ("The funeral of Mrs Ashby, 5 Saddler Way, will be…", "Happy 90th birthday
    # to Mr Pickering of 40 Furlong Road", "the family at 11 Hazel Grove have been so kind"), or the number is
    # where a councillor is met ("Cllr Okafor, 27 Market Street, holds a surgery there every second Saturday")
    s, e = sentence_bounds(text, match.start())
    return _NOTICE.search(text, s, e) is None and _MET_THERE.search(text, match.start(), e) is None


_NOTICE = re.compile(
    r"(?i)\b(?:funeral|passed\s+away|condolences|rest\s+in\s+peace|birthday|anniversary|congratulations|congrats"
    r"|wedding|christening|(?:so|really|very|ever\s+so)\s+kind|kindly|have\s+been\s+(?:so\s+|really\s+)?"
    r"(?:lovely|brilliant|wonderful|helpful|kind|great))\b"
)
_MET_THERE = re.compile(
    r"(?i)\b(?:surgery|surgeries|drop[\s-]in|office\s+hours|opening\s+hours|appointments?|holds?\s+(?:a\s+)?(?:clinic|session)"
    r"|open\s+(?:on|from|every|daily|until|till))\b"
)


_SHIFT_WORDS = frozenset(
    "shift shifts finishes finish finishing clocks knocks starts leaves locks opens closes every nights mornings "
    "evenings weekends".split()
)
# a shift at a named place: "does the early shift at the Tesco Express", "on nights at the Greencore plant"
_SHIFT_AT = re.compile(
    r"(?i)\b(?:does|doing|did|on|works|working|covers|covering)\s+(?:the\s+|a\s+|her\s+|his\s+)?(?:\w+\s+)?shifts?\s+"
    r"(?:at|in)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?-i:[A-Z][\w'-]+)"
)
# when someone is at work: a shift, a finishing or starting time, a routine
_SHIFT = re.compile(
    r"(?i)\b(?:late|early|night|day|morning|evening|weekend|back|double|twilight)\s+shifts?\b"
    r"|\bshifts?\s+(?:at|on|till|until|finish\w*|end\w*)\b"
    r"|\b(?:finishes|finishing|finish|clocks\s+(?:off|on|out|in)|knocks\s+off|starts|leaves|locks\s+up|opens\s+up|gets\s+off)"
    r"\s+(?:work\s+|there\s+)?(?:at|around|about|by|before|after)\s+(?:\d|half|noon|midnight|ten|eleven|nine|eight|six|seven|five)"
    r"|\bevery\s+(?:day|morning|night|evening|week|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\s+(?:and\s+\w+days?\s+)?(?:till|until|to|from)\s+\d"
)


# What each pattern looked for beside a house number cannot match without (round nineteen's speed-up: they run
# for every text with a person word, a street word and a digit): the separator right before the home, each
# pattern's own (``pivot``, searched in the whole text, then in each window), and for two of them words of the
# text (a title or a possessive; "the", "that" or "new", a person pointed at, and "at", "in" or "from": a word of
# every set named). A match holds its pivot inside its own span, and its words are whole words of the text (case
# twins are folded before), so skipping on either misses nothing.
_TITLE_WORDS = frozenset("cllr councillor mr mrs ms miss dr".split())
_POSSESSIVE_WORDS = frozenset("his her their your ur".split())
_POINTED_WORDS = frozenset("the that new".split())
_POINTED_AT_WORDS = frozenset(
    "family bloke man woman lady guy lad girl couple people lot fella tenant tenants resident residents neighbour "
    "neighbours household chap".split()
)
_BESIDE_NUMBER: tuple[tuple[re.Pattern[str], re.Pattern[str], tuple[frozenset[str], ...]], ...] = (
    # a comma or a colon, then a number, a number word or a named house
    (
        _NAME_HOME,
        re.compile(rf"[,:]\s*(?:[0-9]|{_SPELLED}\s|[A-Z][\w'-]*\s+(?:Cottage|House|Farm|Lodge|Barn|Hall)\b)"),
        (),
    ),
    # a person, then "at", "in" or "from"
    (
        _PERSON_AT,
        re.compile(
            r"(?i)(?:family|bloke|man|lady|guy|lad|girl|couple|people|lot|fella|tenant|resident|neighbour|household|chap)"
            r"s?\s+(?:at|in|from)\s"
        ),
        (_POINTED_WORDS, _POINTED_AT_WORDS, frozenset(("at", "in", "from"))),
    ),
    # a comma, a colon, a bracket, a dash, "at", "of", "from" or "in", then a number or a number word
    (
        _PERSON_HOME,
        re.compile(rf"(?:[,:(-]|(?i:at|of|from|in))\s*(?:[0-9]|{_SPELLED})"),
        (_TITLE_WORDS | _POSSESSIVE_WORDS,),
    ),
)
# a word of ``_GATE`` or one that round nineteen's rules need (a street type, a workplace, a shift)
_ANY_GATE = _GATE | _STREET_TYPE_WORDS | _WORK_WORDS | frozenset(("shift", "shifts"))
