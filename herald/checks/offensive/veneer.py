"""Round sixteen (issue 12 item 1): abuse under a civil veneer, with no rude word in it.

- **Calm menace** (reported as ``threat``): the writer shows they know where a person lives, parks,
  runs or sends their children ("I know which school your kids go to", "nice house on Kestrel Close",
  "check under her car", "before we next bump into each other"), or hints at harm without saying it
  ("I would hate for him to have an accident", "what happens next will not be my responsibility").
  A councillor's surgery ("we'll bump into each other at the surgery on Friday") and a threat reported
  to the police ("someone said they'd check under her car - police told") stay clean.
- **Polite sexual advances** (``harassment``): a remark on a person's looks together with a private
  approach ("You look stunning. Are you free this weekend?", "just the two of us, somewhere discreet").
  A compliment alone ("you looked great on the news segment") and an invitation to an official event
  stay clean.
- **Prejudice put as an observation** (``hate``): a group's members said to be unfit by nature
  ("women in senior finance roles struggle with the harder decisions", "some cultures just aren't
  suited to public service", "these people cannot be trusted"). A statement about a group's treatment
  ("women are under-represented in senior finance roles") stays clean.

Each family has a cheap word check first (``textutil.probe``'s lower-case words): most texts pay for
one set intersection only.
"""

from __future__ import annotations

import re

from ..textutil import sentence_bounds

# ---------------------------------------------------------------- calm menace
# Cheap precondition: the rarer word each pattern below needs (not "live", "park" or "car", which most
# council texts have).
_MENACE_CUES = frozenset(
    """
    know knew noticed notice seen see found address addresses kids house anyone few couple bunch
    door under bump accident accountable responsible responsibility flammable fires still security leaving
    find dark quiet return eye
    """.split()
)
_MENACE = re.compile(
    r"""
    # knowing where a person is: "I know where you live", "I know you finish at 5.30", "I know which gym u go to"
    \b i \s+ (?: know | knew | happen \s+ to \s+ know | 've \s+ noticed | have \s+ noticed | noticed | notice | see | 've \s+ seen )
      \s+ (?: that \s+ )? (?: where | which | when | what \s+ time )? \s*
      (?: you | u | ya | he | she | they | mr \.? \s+ \w+ | mrs \.? \s+ \w+ | ms \.? \s+ \w+ ) \s+
      # "I know where you can park for free" is help, not surveillance
      (?! (?: can | could | should | might | may | will | would | need | must | ought ) \b ) (?: \w+ \s+ ){0,3}?
      (?: live | lives | finish | finishes | park | parks | leave | leaves | walk | walks | run | runs | jog | jogs
        | drive | drives | shop | shops | go \s+ to | goes \s+ to | work \s+ out | train | trains | swim | swims
        | drop | drops | pick | picks ) \b
    | \b i \s+ know \s+ (?: which | what ) \s+ (?: gym | school | road | street | house | car | pub | church | mosque )
      \s+ (?: you | u | ya | your | he | she | they | his | her ) \b
    | \b (?: i \s+ know | i've \s+ got | i \s+ have | i've \s+ compiled | i \s+ have \s+ compiled | i \s+ have \s+ already \s+ visited
           | i've \s+ already \s+ visited | i \s+ visited | got ) \s+ (?: \w+ \s+ ){0,4}? (?: your | his | her | their ) \s+
      (?: home \s+ )? address (?: es )? \b
    | \b (?: the \s+ )? home \s+ address (?: es )? \s+ of \s+ (?: every | each | all | the ) \b
    | \b (?: compiled | collected | gathered | found ) \s+ (?: the \s+ )? home \s+ address
    | \b (?: find | get ) \s+ the \s+ address \s+ of \s+ the \s+ (?: one | man | woman | councillor | officer | person ) \b
    # children watched: "your kids' school", "walk your kids to Greenfield Primary"
    # ("does your kids' school have a breakfast club?" is a question, not a watch)
    | \b (?: i \s+ know | i've \s+ found | i \s+ found | i've \s+ seen | just \s+ so \s+ you \s+ know ) \s+ (?: \w+ \s+ ){0,2}?
      (?: your | his | her ) \s+ (?: kids? | children | son | daughter ) '?s? \s+ school \b
    | \b (?: which | what ) \s+ school \s+ (?: your | his | her ) \s+ kids? \b
    | \b (?: walk | take | drop ) \s+ (?: your | his | her ) \s+ kids? \s+ to \s+ \w+ \s+ (?: primary | school | academy | nursery ) \s+ at \b
    # a home pointed at: "Nice house on Kestrel Close", "Enjoy your big house on Elmwood Drive"
    | \b (?: nice | lovely | enjoy \s+ your | big ) \s+ (?: big \s+ | little \s+ )? house \s+ (?: on | in ) \s+ [A-Z] \w+ \s+ [A-Z] \w+
    | \b (?: that's | thats | that \s+ is ) \s+ your \s+ house \s+ in \s+ the \s+ background \b
    | \b lives \s+ at \s+ \d+ \s+ [A-Z] \w+ \s+ [A-Z] \w+ \s+ if \s+ anyone \b
    # a crowd's visit ("a few of us should pay you a visit"); one caller's ("we'll pay you a visit to look at
    # the damp", "someone should pay her a visit, she's on her own") is kindness
    | \b (?: few | couple | bunch ) \s+ of \s+ us \s+ (?: should | will | could | might | are \s+ going \s+ to )
      \s+ (?: \w+ \s+ )? pay \s+ (?: you | him | her | them | u ) \s+ a \s+ (?: little \s+ )? visit \b
    | \b front \s+ door \s+ one \s+ (?: evening | night ) \b
    # veiled harm
    | \b check \s+ under \s+ (?: her | his | your | their | the ) \s+ (?: own \s+ )? car \b
    | \b before \s+ we \s+ (?: next \s+ )? bump \s+ into \s+ each \s+ other \b
    # ("I'd hate for her to have an accident on that bend" asks for the road to be made safe)
    | \b (?: hate | hate \s+ it ) \s+ for \s+ (?: him | her ) \s+ to \s+ have \s+ an \s+ accident \b
      (?! \s+ (?: on | at | in ) \s+ (?: that | the | this ) \s+ (?: \w+ \s+ )? (?: bend | corner | junction | road | crossing | roundabout
                                               | stairs | pavement | path | hill | lane | street ) )
    | \b (?: will \s+ not | won't | shall \s+ not ) \s+ be \s+ (?: held \s+ )? (?: accountable | responsible ) \s+ for \s+ what \s+ happens \b
    | \b what \s+ happens \s+ (?: after \s+ that | next ) \s+ (?: will \s+ not | won't ) \s+ be \s+ my \s+ (?: responsibility | fault | problem ) \b
    | \b (?: fires \s+ start | things \s+ are ) \s+ (?: very \s+ )? (?: easily | flammable ) \b
    | \b while \s+ you \s+ still \s+ can \b
    | \b i'd \s+ bring \s+ security \b
    | \b (?: won't | will \s+ not ) \s+ be \s+ leaving \s+ (?: it | there ) \s+ in \s+ the \s+ same \s+ state \b
    | \b i \s+ will \s+ find \s+ out \s+ who \s+ you \s+ are \b
    | \b (?: very \s+ )? (?: dark | quiet ) \s+ (?: there \s+ )? (?: at \s+ night | this \s+ time \s+ of \s+ year ) \b
      (?= [^.!?]* [.!?] \s* (?: [^.!?]* \b (?: bear | think | vote | decide | decision | reconsider ) \b ) )
    | \b (?: before \s+ i \s+ return | an \s+ eye \s+ for \s+ an \s+ eye ) \b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# The menace reported, not made: "someone said they'd check under her car - police told".
_REPORTING = re.compile(
    r"""\b (?: said | says | told | telling | reported | reporting | threatened | threatening | police | warned | claimed )
    \b""",
    re.IGNORECASE | re.VERBOSE,
)


def menace_hits(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of calm menace in ``text`` (``words``: its lower-case words, ``textutil.probe``)."""
    if _MENACE_CUES.isdisjoint(words):
        return []
    hits = []
    for match in _MENACE.finditer(text):
        start, end = sentence_bounds(text, match.start())
        if _REPORTING.search(text, start, match.start()) is None:
            hits.append(match.span())
    return hits


# ---------------------------------------------------------------- polite sexual advances
_ADVANCE_CUES = frozenset(
    """
    stunning beautiful gorgeous sexy attractive pretty cute hot fit legs smile figure taken lovely
    discreet worth talents keen single
    """.split()
)
# A remark on looks, or on being taken with the person
_LOOKS = re.compile(
    r"""
    \b (?: you \s+ (?: look | looked | are | were ) | she's | she \s+ is | he's | (?: she | he ) \s+ looks
           | (?: receptionist | clerk | officer | warden | assistant | councillor | cllr | presenter | girl | lady | woman
                | man | guy | bloke ) \s+ is ) \s+ (?: so \s+ | very \s+ | absolutely \s+ | really \s+ )?
      (?: stunning | beautiful | gorgeous | sexy | hot | fit | attractive | pretty | cute | wonderful | lovely ) \b
    | \b (?: a \s+ )? (?: beautiful | lovely | gorgeous | stunning | cute | sexy ) \s+ (?: smile | legs | figure | eyes | profile \s+ photo | photo | body )
    | \b (?: find | found ) \s+ (?: her | him | you ) \s+ (?: very \s+ | really \s+ )? (?: attractive | beautiful | gorgeous | stunning | hot )
    | \b (?: very | rather | quite ) \s+ taken \s+ with \s+ (?: you | her | him )
    | \b (?: the \s+ )? (?: pretty | cute | fit | hot | gorgeous | stunning ) \s+ (?: \w+ \s+ )? (?: one | blonde | brunette | lady | girl | woman | staff \s+ member | new \s+ \w+ )
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A private approach
_APPROACH = re.compile(
    r"""
    \b are \s+ (?: you | u ) \s+ free \s+ (?: this | tonight | tomorrow | on \s+ (?: friday | saturday | sunday ) \s+ (?: night | evening ) ) \b
    | \b (?: take \s+ (?: you | her | him ) (?: \s+ out )? | you \s+ out | her \s+ out | join \s+ me ) \s+ for \s+ (?: a \s+ )? (?: drink | dinner | meal ) \b
    | \b over \s+ a \s+ drink \b | \b for \s+ a \s+ drink \b
    | \b (?: get \s+ to \s+ know \s+ (?: you | her | him ) \s+ (?: better | beyond | outside | away ) )
    | \b meet \s+ (?: you | her | him ) \s+ privately \b
    | \b just \s+ the \s+ two \s+ of \s+ us \b | \b somewhere \s+ (?: discreet | private | quiet ) \b
    | \b (?: at | back \s+ to ) \s+ my \s+ (?: flat | place | house ) \b
    | \b (?: her | his | your ) \s+ (?: mobile \s+ )? number \b | \b my \s+ (?: mobile \s+ )? number \b
    | \b (?: is | if ) \s+ (?: she | he ) \s+ (?: is \s+ | 's \s+ )? single \b | \b (?: she's | he's ) \s+ single \b
    | \b on \s+ (?: her | his | your ) \s+ own \s+ sometime \b
    | \b (?: worth \s+ your \s+ while ) \b
    | \b (?: real \s+ )? talents \s+ lie \s+ elsewhere \b
    | \b (?: won't | will \s+ not ) \s+ (?: be \s+ )? tak (?: e | ing ) \s+ no \s+ for \s+ an \s+ answer \b
    | \b (?: whether | if ) \s+ (?: she's | she \s+ is | he's | he \s+ is ) \s+ keen \s+ or \s+ not \b
    | \b (?: my \s+ door \s+ is \s+ always \s+ open \s+ if \s+ you \s+ fancy ) \b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# These are an advance on their own, whatever comes before
_ADVANCE_ALONE = re.compile(
    r"""
    \b just \s+ the \s+ two \s+ of \s+ us \s* , \s* somewhere \s+ discreet \b
    | \b (?: real \s+ )? talents \s+ lie \s+ elsewhere \b
    | \b (?: whether | if ) \s+ (?: she's | she \s+ is | he's | he \s+ is ) \s+ keen \s+ or \s+ not \b
    """,
    re.IGNORECASE | re.VERBOSE,
)


def advance_hits(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of polite sexual advances in ``text``: a remark on looks and a private approach in the same
    text, or one of the phrases that is an advance on its own."""
    if _ADVANCE_CUES.isdisjoint(words):
        return []
    alone = [m.span() for m in _ADVANCE_ALONE.finditer(text)]
    if alone:
        return alone
    looks = _LOOKS.search(text)
    if looks is None:
        return []
    approach = _APPROACH.search(text)
    if approach is None:
        return []
    return [(min(looks.start(), approach.start()), max(looks.end(), approach.end()))]


# ---------------------------------------------------------------- prejudice put as an observation
_PREJUDICE_CUES = frozenset(
    """
    struggle struggles cultures culture trusted suited bloc faith teaches orders language typical classic
    """.split()
)
_GROUP = r"""
    (?: women | men | females | muslims? | jews? | jewish | christians? | hindus? | sikhs? | blacks? | black \s+ people
      | asians? | pakistanis? | indians? | africans? | nigerians? | poles | polish \s+ people | romanians? | eastern \s+ europeans
      | immigrants | migrants | foreigners | refugees | gays | gay \s+ people | lesbians | trans \s+ people | travellers
      | gypsies | disabled \s+ people | these \s+ people | those \s+ people | such \s+ people | people \s+ like \s+ (?: her | him | them )
      | some \s+ cultures | certain \s+ cultures | some \s+ religions | certain \s+ communities | their \s+ kind )
"""
_PREJUDICE = re.compile(
    r"""
    # "women in senior finance roles struggle with the harder decisions"
    \b """
    + _GROUP
    + r""" \s+ (?: \w+ \s+ ){0,5}? (?: always \s+ | just \s+ | simply \s+ | generally \s+ | naturally \s+ | tend \s+ to \s+ )?
      (?: struggle | struggles ) \s+ with \s+ (?: the \s+ )? (?: harder | hard | tough | big | difficult | real | serious )? \s* (?: decisions | numbers | figures | pressure | leadership | responsibility | maths )
    | \b """
    + _GROUP
    + r""" \s+ (?: \w+ \s+ ){0,3}? (?: just \s+ | simply \s+ | really \s+ )?
      (?: can't | cannot | can \s+ not | aren't | are \s+ not | shouldn't | should \s+ not ) \s+ (?: be \s+ )?
      (?: trusted | suited | fit \s+ for | cut \s+ out \s+ for | capable \s+ of | up \s+ to ) \b
    | \b """
    + _GROUP
    + r""" \s+ (?: \w+ \s+ ){0,2}? always \s+ vote \s+ (?: as \s+ a \s+ bloc | together | the \s+ same )
    | \b take \s+ their \s+ orders \s+ from \s+ the \s+ (?: mosque | synagogue | church | temple | imam | rabbi )
    | \b their \s+ (?: faith | religion | culture ) \s+ (?: teaches | tells | allows ) \s+ them \s+ to \s+ (?: deceive | lie | hate | cheat )
    | \b (?: classic | typical ) \s+ (?: pakistani | indian | african | nigerian | jewish | muslim | asian | romanian | polish | chinese
                                   | arab | eastern \s+ european | gypsy | traveller ) \s+ \w+ \s+ (?: style | behaviour | tactics | attitude ) \b
    | \b english \s+ (?: isn't | is \s+ not ) \s+ (?: really \s+ )? (?: your | her | his ) \s+ (?: first \s+ )? language \s* , \s* (?: is | isn't ) \s+ (?: it | she | he ) \b
    """,
    re.IGNORECASE | re.VERBOSE,
)


def prejudice_hits(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of group prejudice put as an observation in ``text``."""
    if _PREJUDICE_CUES.isdisjoint(words):
        return []
    return [m.span() for m in _PREJUDICE.finditer(text)]
