"""Round seventeen (issue 12 item 1): abuse aimed at a person or a group, written as classes so that it
carries to text nobody has read. Rounds fifteen and sixteen gained on the sets they read and moved
unseen text by one row: their patterns followed the wording of those sets. Each family here is a kind
of abuse with its own fair twin, not a list of phrasings:

- **menace with no place** (``threat``): a warning to a person that names no place or routine ("be
  careful out there, Cllr…", "watch your back", "people like you end up…", "people round here have
  long memories", "while it's still a friendly warning"), and harm wished on whoever made a decision
  ("hope the scaffolding comes down on whoever approved this"). Weather and road-safety warnings ("the
  towpath is flooded, be careful out there") and advice about a thing ("I'd think carefully about the
  costings") stay clean.
- **sexual remarks about a person, with no approach** (``harassment``): a body part praised ("gorgeous
  legs"), "would smash", "bag over the head job", "wonder what she looks like without…", "pretty girls
  get further". Round sixteen needed a remark on looks and an approach together.
- **a person's body or disability jeered at** (``harassment``): "hasn't seen her own feet in a decade",
  a stutter, a wheelchair or a learning difficulty named with a jeer ("why do they put people like that on
  the front desk", "someone who can actually talk"). A disability named with no jeer stays clean.
- **takeover, invasion and replacement** (``hate``): a group said to be taking over, invading,
  colonising, replacing the locals or overrunning a town. A company's takeover, the invasion of a
  country, new bins replacing old ones and a town overrun by tourists stay clean.
- **a bare first name as the subject** (for round fifteen's contempt): "Gareth has the charisma of a
  damp squib", "Lisa couldn't organise a raffle".

Each family has a cheap word check first (``textutil.probe``'s lower-case words). The caller
(``check_offensive``) reports the spans through its usual excuses (reported quotations, condemned
mentions).
"""

from __future__ import annotations

import re

from ..textutil import inside_quotes, sentence_bounds, word_list
from .senses import has_case_twins

# ---------------------------------------------------------------- menace with no place
# (two steps: a rarer word, or a pair of common ones, before any pattern runs)
_WARNING_CUES = frozenset("careful warned warning memories remember forget".split())
_WARNING_PAIRS = (("know", "who"), ("think", "on"), ("people", "like"))  # (spelt out in menace_may_match)
_HOPE_CUES = frozenset("hope hoping praying pray".split())
_HARM_CUES = frozenset(
    "falls fall fell down caves cave collapses collapse over lands land ploughs plough stuck stroke heart seizure under".split()
)
_MENACE_CUES = _WARNING_CUES | _HOPE_CUES | _HARM_CUES | frozenset(w for pair in _WARNING_PAIRS for w in pair)
_WARNING = re.compile(
    r"""
    \b be \s+ (?: very \s+ )? careful \s+ out \s+ there \b
    | \b (?: i'?d | i\s+would ) \s+ (?: be \s+ (?: very \s+ | really \s+ )? careful
        | think \s+ (?: very \s+ | really \s+ | long \s+ and \s+ hard \s+ )? (?: carefully | hard | twice ) )
      (?= \s* (?: [.!,;] | $ | if \s+ i \s+ (?: were | was ) | before \s+ (?: you | the \s+ (?: vote | meeting | committee ) ) ) )
    | (?: ^ | [.!?] \s+ ) think \s+ on \s* (?: [.!] | $ )
    | \b (?: consider \s+ yourself | you've \s+ been | you \s+ have \s+ been ) \s+ warned \b
    | \b (?: while | whilst ) \s+ it'?s \s+ still \s+ (?: just \s+ | only \s+ )? a \s+ (?: friendly \s+ )? warning \b
    | \b people \s+ (?: round \s+ here \s+ | around \s+ here \s+ | in \s+ this \s+ town \s+ )?
      (?: have \s+ long \s+ memories | remember \s+ (?: names | faces ) | don't \s+ forget \s+ (?: names | faces ) )
    | \b (?: we | i ) \s+ know \s+ who \s+ you \s+ (?: are | really \s+ are ) \s* (?: [.,!] | $ | and \b )
    | \b people \s+ like \s+ (?: you | u | him | her | them ) \s+ (?: tend \s+ to \s+ | usually \s+ | always \s+ | often \s+ )?
      (?: end \s+ up \s+ (?: regretting | hurt | in \s+ hospital | getting \s+ hurt | on \s+ the \s+ news | in \s+ a \s+ ditch )
        | get \s+ hurt | have \s+ accidents | don't \s+ last \s+ long | get \s+ what'?s \s+ coming )
    """,
    re.IGNORECASE | re.VERBOSE,
)
# What ``_WARNING`` cannot match without, alternative by alternative: "careful", "warned" or "warning";
# "think" with "hard", "twice" or "on" after it; "people" with "memories", "remember", "forget" or "like"
# after it; "know who". A text holding none of them is not scanned: the word test above lets in every
# text with "people" and "like", "know" and "who", "think" and "on" anywhere (~0.2 ms on a post of 2,000
# characters). Where no ``CASE_TWINS`` stands, the pattern's ASCII letters and white space stand,
# lower-cased, at the same places in the lower-cased text (and in its words where the pattern has a word
# boundary or white space on both sides): literal and case-sensitive tests find what it would.
_THINK_ON = re.compile(r"think\s+on")
_PEOPLE_LIKE = re.compile(r"people\s+like")
_KNOW_WHO = re.compile(r"know\s+who")


def warning_may_match(text: str, words: frozenset[str]) -> bool:
    """False only where ``_WARNING`` finds nothing in the text; ``words``: its lower-case words."""
    if has_case_twins(text):
        return True
    lowered = word_list(text)[0]
    if "careful" in lowered or "warned" in words or "warning" in words:
        return True
    if "think" in words and ("hard" in lowered or "twice" in lowered or _THINK_ON.search(lowered) is not None):
        return True
    if "people" in words and (
        "remember" in words
        or "forget" in words
        or ("like" in words and _PEOPLE_LIKE.search(lowered) is not None)
        or "memories" in lowered
    ):
        return True
    return "know" in words and "who" in words and _KNOW_WHO.search(lowered) is not None


# Harm landing on whoever made a decision: "hope the roof falls in on whoever shut the pool".
_HARM_ON_WHOEVER = re.compile(
    r"""
    \b (?: hope | hoping | praying | pray ) \s+ (?: that \s+ )?
      (?: (?! (?: doesn't | don't | never | nobody | no | not | isn't | won't ) \b ) [\w'-]+ \s+ ){1,6}?
      (?: (?: falls? | fell | comes? \s+ down | caves? \s+ in | collapses? ) \s+ (?: in \s+ )? on | reverses? \s+ over
        | runs? \s+ over | lands? \s+ on | ploughs? \s+ into )
      \s+ (?: whoever | everyone \s+ who | anyone \s+ who | the \s+ (?: [\w-]+ \s+ ){0,3}? (?: who | that ) \s+ (?: voted | approved
             | decided | signed | closed | shut | cut | refused | made | runs | run | planned | designed ) )
    | \b (?: hope | hoping | praying ) \s+ (?: that \s+ )? (?: whoever \s+ (?: [\w'-]+ \s+ ){1,6}? | he \s+ | she \s+ | they \s+ )
      (?: gets? \s+ stuck \s+ in \s+ a \s+ lift | has \s+ a \s+ (?: stroke | heart \s+ attack | seizure ) (?! \s+ of \b )
        | ends? \s+ up \s+ under )
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Someone the warning is aimed at.
_AIMED = re.compile(
    r"""
    \b (?: you | u | ur | your | yourself | ya | he | she | him | her | they | them | whoever ) \b
    | @ \w{2,}
    | \b (?: cllr | councillor | mr | mrs | ms | dr ) \b
    | , \s* (?-i: [A-Z][a-z]+ ) (?= \s* (?: [.!?] | $ ) )
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Weather, roads and other hazards: "the towpath is flooded, be careful out there".
_HAZARD = re.compile(
    r"""
    \b (?: ice | icy | frost\w* | snow\w* | flood\w* | storm\w* | wind\w* | gales? | fog\w* | rain\w* | weather | heat\w*
         | sun | roads? | driving | drivers? | cyclists? | pedestrians? | scam\w* | fraud\w* | phishing | fireworks?
         | bonfire | ticks? | water | rivers? | tides? | swimming | covid | flu | virus | potholes? | dark \s+ nights
         | slippery | black \s+ ice | leaves | burglar\w* | thieves | pickpockets? | rogue \s+ traders? | cold\w* )
    """,
    re.IGNORECASE | re.VERBOSE,
)


# A warning about votes is politics: "people round here have long memories and will vote accordingly".
_BALLOT = re.compile(r"(?i)\b(?:vote|votes|voted|voting|ballot|ballots|election|elections|polls|re-?election)\b")
# Someone else's words named or quoted: 'someone commented "hope he ends up under the next one"',
# "every time someone calls refugees an invasion".
_NAMING = re.compile(
    r"(?i)\b(?:call|calls|called|calling|describ\w+|label\w*|brand\w*|referr?\w*\s+to|comment\w*|said|says|saying"
    r"|wrote|writes|posted|tweeted|claim\w*|talk\w*\s+(?:of|about)|word)\b"
)


def _quoted(text: str, start: int, end: int) -> bool:
    return ('"' in text or "\u201c" in text) and inside_quotes(text, start, end)


def menace_may_match(words: frozenset[str]) -> bool:
    """The two-step word check: a wish word with a harm word, a rare warning word, or a pair."""
    return (
        (not _HOPE_CUES.isdisjoint(words) and not _HARM_CUES.isdisjoint(words))
        or not _WARNING_CUES.isdisjoint(words)
        or ("who" in words and "know" in words)
        or ("on" in words and "think" in words)
        or ("like" in words and "people" in words)
    )


def menace_hits(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of warnings and wished harm aimed at a person with no place or routine named."""
    hits: list[tuple[int, int]] = []
    if not menace_may_match(words):
        return hits
    if not _HOPE_CUES.isdisjoint(words) and not _HARM_CUES.isdisjoint(words):
        hits += [m.span() for m in _HARM_ON_WHOEVER.finditer(text) if not _quoted(text, *m.span())]
    if _WARNING_CUES.isdisjoint(words) and not any(a in words and b in words for a, b in _WARNING_PAIRS):
        return hits  # (only a wish of harm could match)
    if not warning_may_match(text, words):
        return hits
    for match in _WARNING.finditer(text):
        if _HAZARD.search(text) is not None:
            break
        start, end = match.span()
        if _quoted(text, start, end) or _BALLOT.search(text, *sentence_bounds(text, start)) is not None:
            continue
        if _AIMED.search(text) is not None:
            span = text[start:end]
            hits.append((start + len(span) - len(span.lstrip(".!? ")), end - len(span) + len(span.rstrip(".,!? "))))
    return hits


# ---------------------------------------------------------------- sexual remarks, no approach
_SEXUAL_CUES = frozenset(
    """
    legs pins bum arse ass booty body figure tits boobs rack cleavage curves thighs smash bag wonder
    imagine imagining pretty smile milf eye candy \U0001f351 \U0001f346
    """.split()
)
_SEXUAL = re.compile(
    r"""
    \b (?: gorgeous | lovely | great | nice | sexy | fit | hot | amazing | cracking | perfect | fantastic | stunning )
      \s+ (?: pair \s+ of \s+ )? (?: legs | pins | bum | arse | ass | booty | body | figure | tits | boobs | rack | cleavage
        | curves | thighs ) \b (?! \s+ of \b )
    | \b (?: would | 'd | wud | wld ) \s+ (?: happily \s+ | defo \s+ | definitely \s+ | totally \s+ )? (?: smash | bang | shag )
      (?! \s+ (?: it | that \s+ (?: target | record | exam | interview ) | the | a | an | this | your | my | records? | targets? | on | out
                | through | into | up | down ) \b )
    | \b bag \s+ over \s+ (?: the | her | his | their )? \s* head \s+ job \b
    | \b (?: wonder | imagine | imagining ) \s+ what \s+ (?: she | he | the \s+ [\w-]+ | that \s+ [\w-]+ ) \s+ (?: looks | sounds | would \s+ look ) \s+ like \s+
      (?: without | in \s+ (?: bed | a \s+ bikini | lingerie | the \s+ shower | her \s+ underwear | his \s+ pants ) | naked | out \s+ of )
    | \b pretty \s+ (?: girls | women | ladies ) \s+ (?: get | go | do | should ) \b
    | \b (?: she | he | you ) \s+ (?: should | could | needs \s+ to | need \s+ to | ought \s+ to ) \s+ smile \s+ more \b
      (?= [^.!?]{0,40} \b (?: pretty | love | sweetheart | darling | girl | girls | babe | gorgeous ) \b )
    | \b (?: easy \s+ on \s+ the \s+ eye | eye \s+ candy | milf ) \b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Who the remark is about: a person, not a table's legs or a cathedral's body.
_SOMEONE = re.compile(
    r"""
    \b (?: she | he | her | him | his | you | your | u | ur | herself | himself ) \b
    | @ \w{2,}
    | \b \d{1,2} : \d{2} \b
    | \b (?: cllr | councillor | mr | mrs | ms | miss | mayor | mayoress | clerk | officer | receptionist | girl | girls
           | lady | ladies | woman | women | bloke | lad | man | guy | lass | presenter | one \s+ on \s+ the \s+ (?: left | right )
           | one \s+ (?: holding | in | with ) | staff | warden | manager | director | chair | minister ) \b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_FOOD_OR_THING = re.compile(
    r"(?i)\b(?:table|chair|bench|tripod|furniture|crumble|pie|jam|tart|fruit|cobbler|recipe|smoothie|harvest|veg"
    r"|allotment|grow\w*|horse|pony|dog|cat|car|bike|statue)\b"
)


def sexual_hits(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of sexual remarks about a person with no approach."""
    if _SEXUAL_CUES.isdisjoint(words) and "\U0001f351" not in text and "\U0001f346" not in text:
        return []
    hits = []
    for match in _SEXUAL.finditer(text):
        start, end = sentence_bounds(text, match.start())
        if start:
            start = sentence_bounds(text, start - 1)[0]
        if _SOMEONE.search(text, start, max(end, match.end())) is None:
            continue
        if _FOOD_OR_THING.search(text, start, end) is not None:
            continue
        hits.append(match.span())
    return hits


# ---------------------------------------------------------------- a person's body or disability jeered at
_MOCK_CUES = frozenset(
    """
    buffet buffets greggs chippy kebab bakery feet whole entire stutter stutters stuttering stammer stammers
    stammering wheelchair limp lisp deaf blind autistic learning
    """.split()
)
_BODY = re.compile(
    r"""
    \b (?: never | not | hasn't | hasnt | has \s+ never ) \s+ (?: once \s+ | ever \s+ )? (?: walked | gone | got | been | driven )
      \s+ past \s+ (?: a | the | any ) \s+ (?: buffet | greggs | chippy | chip \s+ shop | kebab \s+ shop | kebab \s+ van | bakery )
    | \b (?: seen | see | seeing ) \s+ (?: his | her | their | your | ur ) \s+ own \s+ (?: feet | toes ) \b
    | \b (?: ate | eaten | eat | eats | scoffed | scoffs ) \s+ (?: all \s+ )? (?: the | a ) \s+ (?: whole | entire ) \s+
      (?: buffet | christmas \s+ market | food \s+ market | cake | bakery | canteen | food \s+ court | kebab \s+ shop )
    """,
    re.IGNORECASE | re.VERBOSE,
)
_DISABILITY = re.compile(
    r"""
    \b (?: stutter\w* | stammer\w* | wheelchair | limp \s+ wrist | limp | lisp | deaf | blind | autistic
         | learning \s+ (?: difficult\w* | disabilit\w* ) ) \b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A jeer at it: the disability said to make the person unfit or a joke.
_JEER = re.compile(
    r"""
    \b (?: painful \s+ to \s+ (?: watch | listen ) | was \s+ painful | (?: they | you ) \s+ let \s+ anyone | people \s+ like \s+ (?: that | him | her )
         | (?: his | her | their ) \s+ sort | normal \s+ speed | leg \s* work | locked \s+ up | on \s+ a \s+ lead
         | what \s+ could \s+ (?: possibly \s+ )? go \s+ wrong | keep \s+ (?: him | her | them ) \s+ off | why \s+ do \s+ they
           \s+ (?: put | let | hire | employ ) | someone \s+ who \s+ can \s+ (?: actually \s+ )? (?: talk | speak | walk | hear | see )
         | some \s+ (?: kind | sort ) \s+ of \s+ learning | a \s+ child \s+ wrote )
    """,
    re.IGNORECASE | re.VERBOSE,
)


def mockery_hits(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of a person's body or disability jeered at ("hasn't seen her own feet in a decade", "the
    officer with the stutter, why do they put people like that on the front desk")."""
    if _MOCK_CUES.isdisjoint(words):
        return []
    hits = []
    for match in _BODY.finditer(text):
        start, end = sentence_bounds(text, match.start())
        if start:
            start = sentence_bounds(text, start - 1)[0]
        if _SOMEONE.search(text, start, end) is not None and not _quoted(text, *match.span()):
            hits.append(match.span())
    for match in _DISABILITY.finditer(text):
        start, end = sentence_bounds(text, match.start())
        if end < len(text):
            end = sentence_bounds(text, end)[1]
        if start:
            start = sentence_bounds(text, start - 1)[0]
        if _JEER.search(text, start, end) is not None and _SOMEONE.search(text, start, end) is not None:
            hits.append(match.span())
            break
    return hits


# ---------------------------------------------------------------- takeover, invasion, replacement
_TAKEOVER_CUES = frozenset(
    """
    takeover taking take taken took invasion invading invaded invaders colonising colonizing colonised colonized
    colonisation colonization replacing replaced replacement overrun swamped swamping outbreeding islamification
    islamisation londonistan
    """.split()
)
_GROUP = r"""
    (?: muslims? | islam | islamic | islamist | moslems? | m\*slims? | migrants? | immigrants? | immigration | foreigners?
      | asylum (?: \s+ seekers? )? | refugees? | illegals? | travellers? | gypsies | gipsies | roma | romanians? | poles
      | eastern \s+ europeans? | africans? | asians? | pakistanis? | somalis? | nigerians? | jews | jewish | zionists?
      | hindus? | sikhs? | arabs? | albanians? | bangladeshis? | these \s+ people | them \s+ lot | this \s+ lot
      | certain \s+ (?: people | communities | groups ) | third \s+ world\w* | boat \s+ people | small \s+ boats | the \s+ boats
      | mosques? | hijabs? | burkas? | turbans? | outsiders )
"""
# The noun "takeover" only of a faith or of migrants: "the Chinese takeover of the steel plant" is business.
_FAITH_OR_MIGRANT = r"""
    (?: muslim | islamic | islamist | moslem | m\*slim | migrant | immigrant | asylum | refugee | traveller | gypsy
      | jewish | zionist | hindu | sikh | third \s+ world | foreign \s+ (?: invader | horde ) )
"""
_TAKEOVER = re.compile(
    r"""
    \b """
    + _FAITH_OR_MIGRANT
    + r""" \s+ (?: takeover | take-over | invasion | colonisation | colonization | conquest ) \b
    | \b (?: takeover | take-over | invasion | colonisation | colonization ) \s+ (?: of \s+ \w+ \s+ )? by \s+ """
    + _GROUP
    + r"""\b
    | \b great \s+ replacement \b
    | \b (?: islamification | islamisation | islamization | londonistan ) \b
    | \b """
    + _GROUP
    + r""" \s+ (?: (?: are | is | have | has | 're | keep | just ) \s+ )? (?: \w+ \s+ )? (?: taking \s+ over | taken \s+ over
          | invading | colonising | colonizing | colonised | colonized | outbreeding | swamping )
      (?= \s* (?: [.,!?;] | $ | and \b | everything \b | our \b | the \s+ (?: town | country | council | borough | city | area
                | place | estate | streets? | uk | schools? | nhs | world ) \b | this \s+ (?: town | country | borough | city | place ) \b
                | local \s+ government \b ) )
    | \b """
    + _GROUP
    + r""" \s+ (?: are | is | 're | keep )? \s* (?: \w+ \s+ )? replacing \s+ (?: us | the \s+ locals | locals | the \s+ british
          | the \s+ english | white | the \s+ indigenous | real \s+ british | native )
    | \b (?: overrun | over-run | swamped | infested ) \s+ (?: by | with ) \s+ """
    + _GROUP
    + r"""\b
    | \b (?: it's | its | it \s+ is | this \s+ is | an ) \s+ (?: an \s+ )? (?: invasion | occupation ) \b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_GROUP_RE = re.compile(r"\b" + _GROUP + r"\b", re.IGNORECASE | re.VERBOSE)
_INVASION_ONLY = re.compile(r"(?i)\b(?:it's|its|it\s+is|this\s+is|an)\s+(?:an\s+)?(?:invasion|occupation)\b")


def takeover_hits(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of a group said to be taking over, invading or replacing."""
    if _TAKEOVER_CUES.isdisjoint(words):
        return []
    hits = []
    for match in _TAKEOVER.finditer(text):
        sentence = sentence_bounds(text, match.start())[0]
        if _quoted(text, *match.span()) or _NAMING.search(text, sentence, match.start()) is not None:
            continue  # "every time someone calls refugees an invasion, …": the words named, not said
        if _INVASION_ONLY.fullmatch(match.group()) is not None:
            # "it's an invasion" needs a group in its sentence or the next
            start, end = sentence_bounds(text, match.start())
            if end < len(text):
                end = sentence_bounds(text, end)[1]
            if start:
                start = sentence_bounds(text, start - 1)[0]
            if _GROUP_RE.search(text, start, end) is None:
                continue
        hits.append(match.span())
    return hits


# ---------------------------------------------------------------- a bare first name as the subject
# Capitalised words that open a sentence without being anyone's name.
_NOT_NAMES = frozenset(
    """
    the this that these those it its there here he she they we you i our your their his her my a an
    everyone everybody nobody someone somebody anyone anybody noone whoever who what which why how when where
    council cabinet labour tory tories conservative conservatives reform green greens liberal lib libdem
    government parliament management staff officers councillors residents people nothing something anything
    everything one each every all both some many most none no yes oh well so but and or if then also still
    just honestly frankly clearly apparently obviously sadly today yesterday tomorrow monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september october november
    december mayor leader chair director chief head team department britain england uk hinckley town borough city
    county nhs police school church website app system plan scheme budget strategy report project
    """.split()
)
_NAMED_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))(?P<name>[A-Z][a-z]{2,})(?:\s[A-Z][a-z]+)?\s+"
    r"(?:has|had|is|was|'s|\u2019s|couldn't|couldn\u2019t|can't|can\u2019t|could\s+not|cannot|honestly|really|clearly)\b"
)


def named_subject(text: str, start: int, end: int) -> bool:
    """Whether a sentence in text[start:end] opens with a first name as its subject ("Gareth has the
    charisma of…", "Lisa couldn't organise a raffle")."""
    for match in _NAMED_SUBJECT.finditer(text, start, end):
        if match.group("name").lower() not in _NOT_NAMES:
            return True
    return False
