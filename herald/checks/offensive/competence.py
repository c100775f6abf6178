"""Round nineteen (issue 12): contempt said politely, the professional register's way of insulting a person
(LinkedIn comments, formal emails), read from how it is built rather than from rude words, of which it has none.

- **Competence tied to who someone is** (``hate``): a person's sex, age, race, accent, sexuality or disability
  given as the reason they cannot do the job — an appointment met with "what could possibly go wrong", "this is
  what happens when you hire women to…", "chosen on merit or on complexion", "you don't get where she's got on
  merit", "anyone over 60 is a dead weight", "all hormones and no strategy", "one wonders whether someone with
  her accent…", "the author must have some kind of learning difficulty".
- **Belittled as a child or a cereal-packet graduate** (``harassment``): "reads like it was written by a GCSE
  student", "a bright twelve-year-old would have made fewer errors", "a degree from a cereal packet", "she can't
  even work the mute button", "competence is optional", "some of us have to rely on competence", "fills a
  chair and little else".
- **Veiled menace in a polite register** (``threat``): "I'd hate for your career to be affected, or anything
  else for that matter", "I'd be careful… plenty of people now know what your children look like".

A fair comment in the same register criticises the work, the decision or the process ("the report has errors a
proof-read would have caught", "a poster designed by a ten-year-old from St Mary's, lovely"), or speaks of a
group's treatment ("older staff were offered early retirement"). Every pattern sits behind a cheap word check
(``_CUES``: most comments pay one set test), then behind its own words.
"""

from __future__ import annotations

import re

from .senses import has_case_twins

_TRAIT = (
    r"(?:wom[ae]n|females?|all[\s-]female|girls?|ladies|lady|gay|lesbians?|trans|muslims?|jews?|jewish|black|asian|foreign\w*"
    r"|immigrants?|migrants?|disabled|wheelchair(?:\s+users?)?|deaf|blind|autistic|dyslexic|old(?:er)?|elderly|pensioners?"
    r"|over[\s-](?:50|55|60|65|70)s?|young\s+(?:girl|woman|women|lad))"
)

_HATE = re.compile(
    rf"""
    # a person of a trait in a role, then sarcasm about how it will go
    \b {_TRAIT} \s+ (?: [\w-]+ \s+ ){{0,3}}? (?: leading | running | heading | in \s+ charge | appointed | chairing | managing
        | as \s+ (?: \w+ \s+ )? (?: chief | head | director | leader | chair | manager ) ) \b [^?!]{{0,80}}?
        \b what \s+ could \s+ (?: possibly \s+ )? go \s+ wrong \b
        (?! \W{{0,4}} (?: honestly \s+ | absolutely \s+ | well,? \s+ )? nothing \b )  # "…go wrong? Nothing, she's brilliant"
    | \b this \s+ is \s+ what \s+ (?: happens | you \s+ get ) \s+ when \s+ (?: you | they | we | councils? | the \s+ council )
        \s+ (?: hire | appoint | promote | put | let | employ | recruit ) \s+ (?: a \s+ | an \s+ )? {_TRAIT}
    # merit against a trait, or denied of a person
    | \b on \s+ merit \s+ or \s+ (?: on \s+ | for \s+ | because \s+ of \s+ )? (?: (?: her | his | their ) \s+ )?
        (?: complexion | colou?r | skin | race | gender | sex | looks | religion | headscarf | hijab | quota | diversity | ethnicity )
    | \b (?: don't | doesn't | do \s+ not | didn't | wasn't | isn't | weren't | not ) \s+ (?: \w+ \s+ ){{0,5}}? on \s+ merit \b
        (?= [^.!]{{0,20}} (?: \? | , \s* (?: do | does | is | was ) \s+ (?: you | she | he | it ) ) )
    # hormones as a verdict on women at work
    | \b all \s+ hormones \b | \b hormones \s+ and \s+ \w+ \s+ (?: don't | do \s+ not | never ) \s+ mix \b
    | \b hormonal \s+ (?: decisions? | leadership | manager | managers | director | woman | women | outburst ) \b
    # an appointment met with a pregnancy forecast
    | \b child[\s-]?bearing \s+ age \b [^.!?]{{0,60}} \b (?: appointed | appointment | hired | chief | director | role | job | post )
    | \b (?: appointed | appointment | hired | chief | director | role | job | post ) \b [^.!?]{{0,60}} \b child[\s-]?bearing \s+ age \b
    # age as incapacity
    | \b (?: anyone | everyone | everybody | people | managers? | staff | officers? | councillors? | members ) \s+ over \s+
        (?: 50 | 55 | 60 | 65 | 70 | fifty | sixty | seventy ) \b [^.!?]{{0,60}} \b (?: dead \s* weight | past \s+ it | clinging | incapable
        | useless | dinosaurs? | senile | put \s+ out \s+ to \s+ pasture | deadwood | dead \s+ wood )
    | \b older \s+ (?: managers | staff | officers | workers | councillors | employees | colleagues | people ) \s+ (?: are \s+ )?
        (?: simply \s+ | just \s+ | all \s+ )? (?: incapable | unable \s+ to \s+ adapt | can't \s+ adapt | cannot \s+ adapt | past \s+ it | a \s+ dead \s+ weight )
    # "one wonders whether someone with her background (and that accent)…"
    | \b (?: one | i ) \s+ (?: does \s+ | do \s+ | can't \s+ help \s+ but \s+ | might \s+ )? wonders? \s+ (?: whether | if ) \b [^.!?]{{0,120}}?
        \b (?: accent | complexion | skin | headscarf | hijab | turban | wheelchair | stammer | pregnan\w+ | hormones | (?: her | his ) \s+ age
        | (?: her | his ) \s+ background | child[\s-]?bearing )
    # ascribing a disability as the verdict on someone's work
    | \b (?: author | writer | officer | he | she | they | whoever \s+ wrote \s+ (?: it | this | that ) ) \s+ (?: \w+ \s+ )?
        (?: has | must \s+ have | clearly \s+ has | obviously \s+ has ) \s+ (?: some \s+ (?: kind | sort ) \s+ of \s+ | a \s+ )?
        (?: learning \s+ (?: difficult | disabilit ) \w* | brain \s+ damage | special \s+ needs )
    """,
    re.IGNORECASE | re.VERBOSE,
)
# the conclusion that makes a disability a verdict: "I can only conclude its author has some kind of…"
_VERDICT = re.compile(r"(?i)\b(?:conclude|assume|guess|presume|clearly|obviously|must|suspect)\b")

_CHILD = r"(?:child|toddler|kid|infant|schoolboy|schoolgirl|gcse\s+student|(?:[\w-]+[\s-])?year[\s-]olds?|primary\s+school\s+(?:child|kid|pupil)|work\s+experience\s+(?:kid|student))"
_BELITTLE = re.compile(
    rf"""
    \b (?: reads | read | looks | sounds | looked ) \s+ (?: like | as \s+ if | as \s+ though ) \s+ (?: it \s+ was \s+ | it \s+ were \s+ | they \s+ were \s+ )?
        (?: written | drafted | produced | designed | put \s+ together | dictated | typed | made | done ) \s+ by \s+ (?: a | an | some | your ) \s+
        (?: [\w-]+ \s+ ){{0,2}}? {_CHILD}
    | \b before \s+ a \s+ {_CHILD} \s+ (?: wrote | drafted | typed | did ) \s+ it
    | \b (?: a | any ) \s+ (?: reasonably \s+ | fairly \s+ | moderately \s+ )? (?: bright \s+ | clever \s+ | competent \s+ )? {_CHILD}
        \s+ (?: would | could ) \s+ (?: have \s+ )? (?: made \s+ (?: fewer | less ) | done \s+ (?: better | a \s+ better ) | do \s+ (?: better | it )
        | managed \s+ better | written \s+ (?: a \s+ )? better )
    | \b (?: degree | qualifications? | certificate | diploma | phd | mba | masters | training | cpd ) \s+ (?: \w+ \s+ )? (?: from | out \s+ of | in ) \s+
        a \s+ (?: cereal \s+ (?: packet | box ) | christmas \s+ cracker | crisp \s+ packet | lucky \s+ bag | kinder \s+ egg )
    | \b (?: she | he | they | the \s+ (?: man | woman | bloke | guy ) | (?-i: [A-Z][a-z]+ ) ) \s+ (?: can['’]?t | cannot | couldn['’]?t | (?: can | could ) \s+ (?: not | barely | hardly ) )
        \s+ (?: even \s+ )? (?: work | operate | use | find | turn \s+ on ) \s+ (?: a | the ) \s+ (?: light \s+ switch | mute \s+ button | kettle | stapler
        | calculator | microwave | remote | photocopier | toaster | mouse )
    | \b (?: competence | ability | merit | talent | brains | intelligence ) \s+ (?: is | was | being | are ) \s+ (?: clearly \s+ | apparently \s+ )? optional \b
    | \b some \s+ of \s+ us \s+ (?: have \s+ to | had \s+ to | must | need \s+ to ) \s+ rely \s+ on \s+ (?: competence | merit | ability | talent | brains | hard \s+ work )
    | \b fills? \s+ (?: a | the ) \s+ (?: chair | seat | suit | lanyard | space ) \s+ and \s+ (?: little | nothing ) \s+ else \b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_CHILD_WORD = re.compile(rf"(?i)\b{_CHILD}")
# the work is a child's own: a school, a class or a year group, or the writer says it was ("and it was")
_CHILDS_OWN = re.compile(
    r"(?i)\b(?:year\s+\d{1,2}|pupils?|schools?|class(?:es)?|competition|(?:and|because|which)\s+it\s+(?:was|is)\b"
    r"|(?:they|she|he)\s+(?:is|are|was|were)\s+(?:only\s+)?(?:\d{1,2}|six|seven|eight|nine|ten|eleven)\b)"
)
# polite menace: "I'd hate for your next career move to be affected, or anything else for that matter"
_MENACE = re.compile(
    r"""
    \b i (?: 'd | \s+ would ) \s+ hate \s+ for \s+ (?: your | his | her | their ) \b [^.!?]{0,80} \b or \s+ anything \s+ else \b
    | \b (?: plenty \s+ of | lots \s+ of | a \s+ lot \s+ of | many | some ) \s+ (?: \w+ \s+ ){0,2}? (?: now \s+ )? know \s+
        (?: what \s+ your \s+ (?: children | kids | family | wife | husband | son | daughter ) \s+ look | where \s+ your \s+ (?: children | kids | family )
        | where \s+ you \s+ live | which \s+ road \s+ you | what \s+ car \s+ you )
    | \b so \s+ is \s+ the \s+ (?: road | street | estate | village | close ) \s+ you \s+ live \s+ on \b
    # round nineteen, wishes of harm: a harm that befalls a person wished on them ("hope the old boy at the end has
    # a stroke", "hope the bin lorry reverses over him", "I hope you come off that bike at speed")
    | \b hope \s+ (?: (?: the | that | this ) \s+ [\w'-]+ (?: \s+ [\w'-]+ ){0,6}? | he | she | they | you | u | him | her ) \s+
        (?: \w+ \s+ ){0,2}? (?: has | have | gets? | suffers? ) \s+ (?: a \s+ | another \s+ )? (?: massive \s+ | big \s+ | nasty \s+ )?
        (?: stroke | heart \s+ attack | aneurysm | seizure | breakdown | fatal \s+ \w+ | nasty \s+ (?: fall | accident ) | accident )
    | \b hope \s+ (?: the | a | that ) \s+ (?: [\w'-]+ \s+ ){0,3}? (?: reverses | runs | drives | backs ) \s+ (?: over | into ) \s+ (?: him | her | them | you | u ) \b
    | \b hope \s+ (?: you | u | he | she | they ) \s+ (?: \w+ \s+ )? (?: come | comes | fall | falls | fly | flies ) \s+ off \s+
        (?: that | the | your | ur | his | her | their ) \s+ (?: bike | horse | scooter | ladder | roof | bridge | stage )
    # a person's routine put beside how alone they are on it: "you cycle along the canal most mornings… very
    # quiet", "long walk home… in the dark. Take care"
    | \b (?: you | u ) \s+ (?: \w+ \s+ ){0,2}? (?: cycle | walk | jog | run | drive | left | leave | park | head | go ) \b [^.!?]{0,80} [.!?]?
        [^.!?]{0,60} \b (?: very \s+ quiet | so \s+ quiet | nice \s+ and \s+ quiet | in \s+ the \s+ dark | all \s+ alone | on \s+ your \s+ own
        | nobody \s+ around | no \s+ cameras | no \s+ one \s+ around ) \b
    """,
    re.IGNORECASE | re.VERBOSE,
)


def _gate(listed: str) -> tuple[tuple[frozenset[str], ...], ...]:
    """Words a pattern cannot match without: alternatives split by "|", each the sets (split by "&") of which
    the text must hold a word of every one."""
    return tuple(tuple(frozenset(part.split()) for part in alternative.split("&")) for alternative in listed.split("|"))


# Each pattern's own word check, after the shared one (``_CUES`` lets ~5% of the bench corpus's comments and
# ~20% of some collections through): every word named is one the pattern matches whole (with white space or a
# word boundary either side), so a text without them cannot match. A text holding one of ``senses.CASE_TWINS``
# ("İ", "K") can match a case-blind pattern without the word, and runs every pattern.
_HATE_GATE = _gate(
    "wrong | happens get & when | merit | hormones hormonal | bearing childbearing"
    " | 50 55 60 65 70 fifty sixty seventy & over | older | wonder wonders | learning brain special"
)
_BELITTLE_GATE = _gate(
    "written drafted produced designed put dictated typed made done & reads read looks sounds looked & by"
    " | before | made done do managed written & would could | cereal christmas crisp lucky kinder"
    " | work operate use find turn & can cant cannot couldn couldnt could | optional | rely | else"
)
_MENACE_GATE = _gate("hate | know | live | hope | quiet dark alone own around cameras")
# The shared check: a word of the first set of every alternative above (review of round nineteen: the hand-made
# list it replaces missed "designed", "made", "before", "would", "use"…, so "looks like it was designed by a
# child" and "a bright ten-year-old would have done better" were not looked for)
_CUES = frozenset().union(
    *(alternative[0] for gate in (_HATE_GATE, _BELITTLE_GATE, _MENACE_GATE) for alternative in gate)
)


def _may(gate: tuple[tuple[frozenset[str], ...], ...], words: frozenset[str]) -> bool:
    return any(all(not need.isdisjoint(words) for need in alternative) for alternative in gate)


def competence_hits(text: str, words: frozenset[str]) -> list[tuple[str, int, int]]:
    """(rule, start, end) of polite contempt in ``text`` (see the module's docstring); ``words``: its lower-case
    words (``textutil.probe``)."""
    if _CUES.isdisjoint(words):
        return []
    every = has_case_twins(text)
    hits: list[tuple[str, int, int]] = []
    for match in _HATE.finditer(text) if every or _may(_HATE_GATE, words) else ():
        if re.search(r"(?i)learning|brain|special", match.group()) and _VERDICT.search(text, 0, match.end()) is None:
            continue  # "our officer has a learning disability and was wonderful with my son"
        hits.append(("hate", *match.span()))
    if every or _may(_BELITTLE_GATE, words):
        for match in _BELITTLE.finditer(text):
            if _CHILD_WORD.search(match.group()) and (
                _CHILDS_OWN.search(text, 0, match.start()) or _CHILDS_OWN.search(text, match.end())
            ):
                continue  # "designed by a child, and it was: well done to Year 5"
            hits.append(("harassment", *match.span()))
    if every or _may(_MENACE_GATE, words):
        hits += [("threat", *m.span()) for m in _MENACE.finditer(text)]
    return hits
