"""Threats of violence and telling people to go back where they came from."""

from __future__ import annotations

import re

from ..textutil import WordStarts, starts_word
from .words import WORDS

# The patterns below are written with re.VERBOSE: whitespace is ignored (a space in the text is always
# \s or a class), and "#" starts a comment.

# Who threatens: "I", "we", "I'll", "someone should", "they need to", …
_SUBJECT = r"""
    \b(?: i | we | i'?m | we'?re | i'?ll | ill | we'?ll | i'?d | we'?d | gonna | gunna | imma | ima | let'?s
        | (?: some(?:one|body) | people | they ) \s+ (?: should | needs?\s+to | ought\s+to | must | will | gonna )
    )\b
    # up to 24 characters to the verb, none of them a negation ("I'd never hurt you")
    (?: (?! not\b (?!\s+(?:afraid|scared)) | n't\b | never\b ) [^.!?\n] ){0,24}?
"""
# What the violent verb is done to: a person (not "for you", not "shoot you an email"), their body,
# family or home, a person described ("that councillor"), or a building people are in.
# Not a threat but something sent: "shoot you an email", "shoot the Mayor a quick message".
_NOT_SENT = r"""
    (?! \s+ an?\s+ (?:quick\s+)?
        (?: message | e-?mail | text | dm | pm | line | note | link | invite | reminder | update | call | copy )\b )
"""
_VICTIM = (
    r"""
    (?: [^.!?\n]{0,12}? \s )?
    (?<!\bfor\s) (?<!\bto\s) (?<!\bwith\s) (?<!\bat\s) (?<!\bon\s) (?<!\bby\s) (?<!\babout\s) (?<!\bthank\s)
    (?:
        # a person, not sent something ("shoot you an email")
        (?: you | u | ya | him | her | them | '?em | yer )\b
    """
    + _NOT_SENT
    + r"""
        # their body, family or home
      | (?: your | ur | his | her | their | yer ) \s+ (?:\w+\s+)?
        (?: face | head | teeth | skull | legs? | arms? | kneecaps? | neck | throat | jaw | nose | eyes?
          | family | kids | children | wife | husband | mum | mom | mother | dad | father | house | home | car )\b
        # a person described ("that councillor", "every last traitor", "the council's chief executive")
      | (?: the | that | this | every | any ) \s+ (?:[\w'’-]+\s+){0,2}?
        (?: councillor | cllr | warden | officer | man | woman | bloke | guy | lad | person | mp | idiot | twat
          | prick | bastard | twerp | muppet | moron | scumbag | tosser | wanker | dickhead | knobhead | prat | pillock
          | fucker | cunt | girl | boy | lady | kid | traitor | copper | cop | reporter | journalist | landlord
          | neighbour | driver
          # the council's office holders ("the Mayor", "the council leader", "the leader of the council",
          # "the chief executive"; not "the leaders" of a league table)
          | mayor | mayoress | chairman | chairwoman | council\s+leader
          | leader (?= \s+ of \s+ the \s+ (?: council | opposition | [\w-]+ \s+ (?: group | party ) )\b )
          | chief\s+executive | clerk ) s?\b (?!['’])
    """
    + _NOT_SENT
    + r"""
        # a councillor or someone titled, by name ("Councillor Smith", "cllr patel", "Mrs Ahmed"; not "Mr
        # Whippy's van", "Councillor Smith's feelings", "Councillor and officer"): any word but a small one
      | (?: councillor | cllr | mr | mrs | ms | miss | dr ) \.? \s+
        (?! (?: and | or | the | a | an | to | in | on | at | for | with | about | who | that | is | was | if | when
              | of | from | as | by )\b )
        [a-z] (?: [\w.-] | ['’] (?! s\b ) )*
        (?: \s+ (?-i: [A-Z] ) (?: [\w-] | ['’] (?! s\b ) )* )? \b (?!['’])
    """
    + _NOT_SENT
    + r"""
        # a building people are in
      | (?: the | that | this | their | your ) \s+ (?:\w+\s+)?
        (?: hotel | mosque | synagogue | church | temple | gurdwara | house | home | offices? | school )\b
    )
"""
)

_PERSON = r"(?:you|u|ya|him|her|them|'?em)"
# What someone is said to deserve, each a pattern, with whether it also has an everyday sense: read here
# after "deserves / should / ought / needs / must (to) be" ("deserves to be shot", "should be hanged"),
# the everyday ones left out (a bonfire "should be set alight", land "should be flogged off"), and all
# of them by menace.py after "deserve(s/d) to be" ("you all deserve to be set on fire"). "hung" is
# read here alone, with its guard (a painting "deserves to be hung in the library").
DESERVED_FATES: tuple[tuple[str, bool], ...] = (
    ("shot", False),
    ("killed", False),
    ("hanged", False),
    ("stabbed", False),
    ("raped", False),
    ("lynched", False),
    (r"burn[te]d?", False),
    ("executed", False),
    ("murdered", False),
    (r"set\s+on\s+fire", True),
    (r"set\s+alight", True),
    ("flogged", True),
)
_FATES_HERE = " | ".join(fate for fate, everyday in DESERVED_FATES if not everyday)
_THREAT = re.compile(
    r"(?i)"
    + _SUBJECT
    + r"""
    \b(?:
        # "I'll kill you", "we should burn their house"
        (?: kill | murder | stab | hurt | batter
          # "shoot", not with a camera ("shoot the Mayor at the ball for the programme")
          | shoot (?! \w* [^.!?\n]{0,80}? \b(?: photos? | photograph\w* | pictures? | portraits? | headshots?
                                             | newsletter | programme | magazine | camera | video | film\w*
                                             | wedding | trailer | for \s+ the \s+ (?-i:[A-Z])\w* )\b ) | strangle | burn | rape | bomb | slit | punch | slap | smack
          | choke | knife | beat\s+up | knock\s+out | torch | firebomb | headbutt ) \w*\b
    """
    + _VICTIM
    + r"""
      | hunt\w* \s+ (?: you | u | ya | him | her | them | '?em ) \s+ down\b
        # "someone should punch that twerp in the mouth"
      | (?: punch | slap | smack | kick | hit | stab | shoot | headbutt ) \w* \s+ [^.!?\n]{0,30}? \bin\s+the\s+
        (?: face(?!\s+of) | mouth | head | teeth | gob | throat | neck | nose | jaw | balls | nuts | stomach | guts
          | chops | kidneys )\b
        # "someone should torch the council offices", "we should burn the place down"
      | (?: burn | bomb | torch | firebomb | petrol[- ]?bomb ) \w* \s+ (?:down\s+)?
        (?: the | that | this | their | your | his | her ) \s+ (?:[\w-]+\s+){0,2}?
        (?: place | building | camp | town\s+hall | hostel | flats? | centre | center | library | shop | caravans?
          | site | estate | offices? | lot )\b
      | (?: smash | kick | punch ) \s+ (?: your | ur | his | her | their ) \s+ (?:fucking\s+)?
        (?: heads? | faces? | teeth | skulls? ) \s+ in\b
    )
    # "I'll knock you out" (not "our lights display will knock you out")
    |
    """
    + _SUBJECT
    + r"\b (?: knock | batter | beat ) \s+"
    + _PERSON
    + r"""
    \s+ (?: out | senseless | to\s+death | black\s+and\s+blue | spark\s+out | into\s+next\s+week )\b
    |
    """
    + _SUBJECT
    + r"\b beat \s+"
    + _PERSON
    + r"""
    \s+ up\b
    | \bknock \s+ (?: your | ur | his | her | their | yer ) \s+ (?:\w+\s+)? (?: teeth | block | head | lights ) \s+
      (?: out | off | in )\b
    | \b(?: kill | hang | shoot | neck ) \s+ (?: your | ur ) \s* sel(?:f|ves)\b
    | \bkys\b
    # "you're dead", "you're going to die" (not "you're dead right")
    | \byou (?: 're | \s+are | \s+r )? \s+
      (?: dead | going\s+to\s+die | gonna\s+die | dead\s+meat | a\s+dead\s+man )
      (?= \s* (?: [.!?,;:)\n] | $ | (?: when | if | mate | pal | meat | man | bruv )\b ) )
    | \bi\s+know\s+where\s+ (?: you | u ) \s+live\b
    # "watch your back" (not "watch your back wheels on that pothole", "watch your back when lifting")
    | \bwatch\s+ (?: your | ur ) \s+back\b
      (?! [\s-]+ (?: wheels? | tyres? | tires? | seats? | bumper | doors? | windows? | axle | end | garden | fence
                  | passengers? | step | pocket | lights? | (?: when | while )\s+(?: lifting | bending | carrying ) ) \b )
    # "deserves to die", "should be shot" (not "should die down", "hung on the wall")
    | \b(?: deserves? | should | ought | needs? | must ) \s+ (?: (?: all | just | simply | really | go\s+and | go ) \s+ ){0,2}
      (?:to\s+)?
      (?: die (?! [-\w] | \s+(?:back|down|off|out)\b )
        | be\s+ (?: hung (?! \s+ (?: on | at | in | up | out | from | above | along | over | around | by | inside
                                 | outside | near )\b )
                  | """
    + _FATES_HERE
    + r""" ) )\b
    # "needs a bullet" (not "a bullet point"), "put a bullet in"
    | \b(?: deserves? | needs? ) \s+a\s+bullet\b (?! [\s-]* (?: points? | proof | train | list | journal | time | holes? )\b )
    | \bput\s+a\s+bullet\s+in\b
    # "should be locked up and hanged"
    | \b(?: deserves? | should | ought | needs? | must ) \s+ (?: (?: all | just ) \s+ )? (?:to\s+)? be \s+ [\w-]+ \s+
      (?: up\s+ | down\s+ | out\s+ )? (?: and | then ) \s+
      (?: shot | killed | hanged | lynched | executed | stabbed | murdered | tortured )\b
    # "I'll find you" (not "I'll find you a seat")
    | \bi (?: 'll | \s+will ) \s+find\s+ (?: you | u )\b
      (?! \s+ (?: a | an | the | some | one | somewhere | something | your )\b )
    # "hope you die", "hope they get cancer"
    | \bhope\s+ (?: you | u | he | she | they ) (?:\s+all)? \s+
      (?: die | dies | rot | rots | suffer | suffers | burn | burns
        | (?: get | gets ) \s+ (?: hit\s+by | cancer | raped | killed | shot | stabbed | murdered | beaten\s+up
                               | lynched ) )\b
    | \bhope\s+ (?: some(?:one|body) ) \s+ (?: kills | shoots | stabs | rapes | murders | hurts | beats ) \s+
    """
    + _PERSON
    + r"""
    \b
    | \b(?: you (?: 'll | \s+will ) | you'?re\s+going\s+to | you\s+are\s+going\s+to ) \s+
      (?: pay\s+for\s+ (?: this | that ) | regret\s+ (?: this | that | it ) )\b
    | \b(?: we'?re | we\s+are | i'?m | i\s+am ) \s+coming\s+for\s+ (?: you | u )\b
    | \bgo\s+ (?:and\s+)? die\b (?!-)
    # "drop dead" (not "drop-dead gorgeous")
    | \bdrop\s+dead\b (?! [-\w] | \s+ (?: gorgeous | beautiful | stunning | funny | lovely | brilliant | easy | simple )\b )
    | \b(?: i'?ll | i\s+will | we'?ll | we\s+will | gonna | going\s+to ) \s+break\s+ (?: your | ur | his | her | their ) \s+
      (?: neck | legs? | arms? | jaw | face | nose )\b
    # "you'll get what's coming to you", "they've got it coming"
    | \bget\s+what'?s\s+coming\s+to\s+ (?: you | u | him | her | them )\b
    | \b(?: you | u | he | she | they | ye )
      (?: 'll | \s+will | '?re\s+ (?: going\s+to | gonna ) | \s+ (?: are | is ) \s+ (?: going\s+to | gonna ) | \s+gonna
        | 's\s+gonna | \s+shall )
      \s+ (?: all\s+ | soon\s+ | finally\s+ )? get\s+ (?: what'?s | what\s+is ) \s+coming\b
    | \b(?: you'?ve | you\s+have | he'?s | he\s+has | she'?s | she\s+has | they'?ve | they\s+have ) \s+got\s+it\s+coming\b
    # "people like you should just die off"
    | \b(?: you | u | ya | ye | you\s+ (?: all | lot | people )
          | (?: people | men | women | folk | \w+s ) \s+like\s+ (?: you | u | him | her | them | that ) ) \s+
      (?: should | need\s+to | needs\s+to | ought\s+to | deserve\s+to | must ) \s+
      (?: (?: all | just | simply | really | hurry\s+up\s+and | go\s+and | go ) \s+ ){0,2}
      (?: die | drop\s+dead ) \s+ (?: off | out )\b
    | \byour\s+days\s+are\s+numbered\b
    """,
    re.VERBOSE,
)
# Telling people to leave the country, or to be sent back, for their race or national origin.
_PLACES = r"""
    (?: africa | asia | mexico | india | pakistan | bangladesh | poland | romania | china | somalia | syria | iraq
      | afghanistan | the\s+middle\s+east | the\s+desert | the\s+jungle | the\s+caves?
"""
_GO_BACK = re.compile(
    r"""(?i)
    # "go back to your own country"
    \b(?: go | get | fuck\s+off | piss\s+off | sod\s+off ) \s+back\s+ (?:home\s+)? to\s+ (?: your | their | where ) \s+
      (?:own\s+)? (?: country | countries | (?: you | they ) \s+came\s+from )\b
    # "go back to Africa", "send them all back to the jungle"
    | \b(?: go | get | fuck\s+off | piss\s+off
          | send\s+ (?: (?: them | him | her | you | '?em ) (?:\s+all)?
                      | (?: all | every\s+ (?: last\s+ | single\s+ )? one ) \s+of\s+ (?: them | '?em )
                      | (?:all\s+)? (?: the | these | those ) \s+ [\w-]+ ) )
      \s+back\s+ (?:home\s+)? to\s+
    """
    + _PLACES
    + r"""
        | your\s+cave | your\s+ (?:own\s+)? (?: kind | people ) )\b
    | \bsend\s+ (?: them | '?em ) \s+ (?:all\s+)? back\b
    | \b(?: you | they ) \s+ (?:people\s+)? (?: don'?t | do\s+not ) \s+belong\s+ (?: here | in\s+this\s+country )\b
    # "send all the illegals back where they came from"
    | \b(?: go | get | send | ship | deport | boot | fuck\s+off | piss\s+off ) \s+ (?:[\w-]+\s+){0,3}? back\s+ (?:to\s+)?
      where\s+ (?: they | you | u | he | she | ya ) \s+ (?: came | come ) \s+from\b
    # "should be sent back to Africa"
    | \b(?: be | get | getting | being ) \s+ (?: sent | shipped | deported | kicked | booted ) \s+back\s+ (?:home\s+)? to\s+
    """
    + _PLACES
    + r"""
        | their\s+ (?:own\s+)? (?: countr(?:y|ies) | kind | people | caves? ) )\b
    """,
    re.VERBOSE,
)

_THREAT_STEMS = WORDS["threat_stems"]


_THREAT_START = starts_word(_THREAT_STEMS)
_THREAT_KNOWN: dict[str, bool] = {}  # word -> starts with a threat stem (WordStarts.positions)
_SENTENCE_STOP = re.compile(r"[.!?]")


def _threats(text: str, lowered: str, starts: WordStarts | None = None):
    """_THREAT's matches. No match holds ".", "!" or "?" and every one holds a word starting with a
    threat stem, so only the stretches between those marks that hold such a word are scanned (the
    whole pattern costs ~0.2 ms per 2,000 characters; tests/test_fast_paths.py checks equality)."""
    if starts is None:
        stems = [m.start() for m in _THREAT_START.finditer(lowered)]
    else:
        stems = starts.positions(lowered, _THREAT_STEMS, _THREAT_KNOWN)
    if not stems:
        return
    if len(lowered) != len(text):  # lower-casing changed the length: positions do not line up
        yield from _THREAT.finditer(text)
        return
    done = 0
    for p in stems:
        if p < done:
            continue
        start = max(text.rfind(".", 0, p), text.rfind("!", 0, p), text.rfind("?", 0, p)) + 1
        stop = _SENTENCE_STOP.search(text, p)
        end = stop.start() if stop else len(text)
        yield from _THREAT.finditer(text, start, end)
        done = end
