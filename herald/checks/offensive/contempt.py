"""Round fifteen (issue 12 item 1): contempt aimed at one person in a polite or professional frame.

LinkedIn comments and formal emails put people down without an insult word: "Mark has the strategic
vision of a dead goldfish", "couldn't run a bath", "past her sell-by date", "a diversity hire",
"looks like he sleeps in a skip". Each pattern here is an appraisal of a person's mind, worth, age or
looks (never of what they did), and counts only where the sentence (or the one before it) points at a
person: a pronoun, a name with a title, an @-handle, "the woman in the red jacket", a video timestamp.
"The council couldn't run a bath" is a complaint about an institution and stays clean; so does "his
voting record contradicts his leaflets" (what he did).

The caller (``check_offensive``) reports each span as harassment, through its usual excuses
(reported quotations, condemned mentions).
"""

from __future__ import annotations

import re

from ..textutil import sentence_bounds
from .aimed import named_subject

# Cheap precondition: every appraisal below needs one of these lower-case words.
_CUES = frozenset(
    """
    goldfish gnat houseplant potato brick plank lettuce cabbage turnip sloth slug amoeba walrus doorknob doormat
    toddler lamppost sponge rocks hammers spanners teaspoon tortoise snail limpet jellyfish donkey mule sheep lemming
    rock pebble cone cardboard squib dormouse haddock cod kipper spoon celery cushion wardrobe filing gnome mannequin
    waxwork corpse zombie sedated stunned concussed startled soggy beached bewildered lobotomised lobotomized
    overcooked cells brain brains witted halfwit halfwits nitwit nitwits dimwit dimwits brained planks mince pig
    nobody sandwiches sarnies bricks cards slices fries pies isn isnt ain bath brewery whelk tombola raffle bake tuck
    fete lemonade conga kettle shoelaces toaster cake sell pasture dinosaur dinosaurs fossil fossils relic relics
    deadwood wood weight suit suits ornament ornaments salary space seat pension lanyard paycheque oxygen skin air
    teapot fireguard incompetent imbecile nonentity buffoon nincompoop clot dolt simpleton bat witch trout hag crone
    codger biddy goat cow rat weasel toad snake worm mentally instructions diversity token tokenistic ticking quota
    colour color race looks gender sex ethnicity religion merit ethnic slept sleeping shagged shagging sleeps
    crawled dragged whale melted potatoes bulldog radio yourself herself himself cakes doughnuts donuts biscuits
    halfwitted dimwitted sleep sand waddle waddles waddled waddling bless adult grown grownups adults twelve stupidest dumbest thickest stupid
    incompetent useless clueless brainless shrill screeching shrieking screechy hysterical accent
    fishwife fishwives banshee harridan harpy
    """.split()
)

# The sets of words, one of which every text holding an appraisal has among its words: what the engine's
# shared prefilter (``textutil.Prefilter``) looks for before calling ``contempt_hits``. Each cue alone,
# except the everyday words that only one or two appraisals use, which need those appraisals' other words
# too ("useless" is only ever "the most useless …", "nobody" only "the lights are on but nobody's home");
# and the one-word spellings the patterns also match that are no cue ("slowwitted", "sellby", "clotwho").
_HIRED = (
    "hired hiring appointed appointing promoted promoting recruited recruiting picked picking selected selecting "
    "chosen choosing"
)
_WITH: dict[str, tuple[str, ...]] = {
    "useless": ("most",),
    "stupid": ("most",),  # with an animal ("stupid old bat") or "accent", those words are cues themselves
    "nobody": ("lights home",),
    "isn": ("there",),
    "isnt": ("there",),
    "ain": ("there",),
    "space": ("waste",),
    "seat": ("waste",),
    "air": ("waste good",),  # "air-brained": "brained" is a cue
    "skin": ("waste", *_HIRED.split()),
    "sell": ("date",),
    **{word: tuple(_HIRED.split()) for word in "colour color race looks gender sex ethnicity religion".split()},
    **{word: ("let go", "letting go") for word in ("yourself", "herself", "himself")},
    "adult": ("get", "ask"),
    "adults": ("leave",),
}
_GLUED = (
    "slowwitted thickwitted peabrained birdbrained emptybrained airbrained thickbrained cabbagebrained "
    "turnipbrained sellby weights woods deadwoods boxticking grownup"
).split() + [
    word + after
    for word in ("incompetent", "imbecile", "nonentity", "buffoon", "nincompoop", "clot", "dolt", "simpleton")
    for after in ("who", "and", "that", "with", "like")
]
NEEDS: tuple[frozenset[str], ...] = (
    tuple(frozenset((cue,)) for cue in sorted(_CUES) if cue not in _WITH)
    + tuple(frozenset((cue, *others.split())) for cue, alternatives in _WITH.items() for others in alternatives)
    + (frozenset(("nobodys", "lights", "home")),)
    + tuple(frozenset((word,)) for word in _GLUED)
)

# Faculties only a person has: compared with anything dull ("the charisma of a sedated walrus").
_FACULTY = r"""
    (?: iq | intelligence | brains? | brain\s*power | charisma | personality | (?:people|social|leadership|communication)\s+skills
      | emotional\s+intelligence | attention\s+span | common\s+sense | wit | strategic\s+vision | intellect | empathy
      | stage\s+presence | charm | self-awareness | tact | numeracy )
"""
# Words with other senses ("her vision of a dead high street revived", "his memory of a dead colleague"):
# only compared with one of the listed things or creatures.
_FACULTY_TOO = r"""
    (?: vision | judge?ment | memory | awareness | backbone | spine | grasp\s+of\s+\w+ | presence | drive | energy
      | dynamism )
"""
_THING = r"""
    (?: goldfish | gnat | houseplant | potato | brick | plank | lettuce | cabbage
      | turnip | sloth | slug | amoeba | walrus | doorknob | doormat | toddler | lamppost | sponge
      | box\s+of\s+rocks | bag\s+of\s+(?:hammers|spanners|sand) | teaspoon | tortoise | snail | limpet | jellyfish
      | donkey | mule | sheep | lemming | rock | pebble | traffic\s+cone | cardboard\s+box
      | damp\s+squib | dormouse | haddock | cod | kipper | spoon | stick\s+of\s+celery | cushion
      | wardrobe | filing\s+cabinet | garden\s+gnome | gnome | mannequin | waxwork | corpse | zombie )
"""
# What a faculty is compared with: a thing or creature, or anything "dead", "sedated", "damp"...
_DULL = (
    r"""
    (?: (?: sedated | stunned | concussed | startled | soggy | beached | bewildered | lobotomi[sz]ed | overcooked ) [\s-]+ (?: [\w-]+ \s+ ){0,1}? [\w-]+
      | (?: [\w-]+ \s+ ){0,2}? """
    + _THING
    + ")"
)

_APPRAISALS = re.compile(
    r"""
    # "the strategic vision of a dead goldfish", "with all the charisma of a sedated walrus"
    (?P<faculty> \b (?: the | all\s+the | your | his | her ) \s+ (?: \w+ \s+ ){0,2}? """
    + _FACULTY
    + r""" \s+ (?: of | as ) \s+ (?: a | an ) \s+ """
    + _DULL
    + r"""\b
    | \b (?: the | all\s+the | your | his | her ) \s+ (?: \w+ \s+ ){0,2}? """
    + _FACULTY_TOO
    + r""" \s+ (?: of | as ) \s+ (?: a | an ) \s+ (?: [\w-]+ \s+ ){0,2}? """
    + _THING
    + r"""\b )
    # brains: "two brain cells", "the brain cells to", "zero brains", "half a brain"
    | \b (?: one | two | three | few | no | zero | single | 2 | 1 ) \s+ (?: \w+ \s+ )? brain \s+ cells? \b
    | \b brain \s+ cells? \s+ (?: to \s+ rub | fighting | between | to\s+say | to\s+work ) \b
    | \b (?: zero | no ) \s+ brains \b
    | \b half \s+ a \s+ brain \b
    | \b (?: half | dim | slow | thick ) -? witted \b | \b (?: halfwit | nitwit | dimwit ) s? \b
    | \b (?: pea | bird | empty | air | thick | cabbage | turnip ) - ? brained \b
    | \b thick \s+ as \s+ (?: two \s+ short \s+ planks | mince | a \s+ brick | pig \s+ \w+ | a \s+ plank ) \b
    | \b lights \s+ are \s+ on \s+ but \s+ nobody'?s? \s+ (?: is \s+ )? home \b
    | \b a \s+ few \s+ (?: sandwiches | sarnies | bricks | cards | slices | fries | pies ) \s+ short \s+ of \s+ a \b
    | \b (?: isn't | isnt | ain't ) \s+ (?: clearly \s+ | really \s+ )? (?: all | quite ) \s+ there \b (?! \s+ (?: yet | is | are | was | were ) )
    # incompetence: "couldn't run a bath", "couldn't organise a piss-up in a brewery", "bigger than a bake sale"
    | (?P<able> \b (?: couldn't | couldnt | could\s+not | can't | cant | cannot ) \s+ (?: even \s+ )?
      (?: run | organi[sz]e | manage | find | lead | chair | plan | add\s+up | count | spell ) \s+
      (?: a \s+ bath (?! \s+ without ) | a \s+ (?: piss-?up | booze-?up | party ) \s+ in \s+ a \s+ brewery
        | (?: a | an ) \s+ (?: whelk \s+ stall | tombola | raffle | bake \s+ sale | tuck \s+ shop | school \s+ fete
                             | lemonade \s+ stand | conga | kettle | toaster )
        | (?: his | her | their | your ) \s+ (?: own \s+ )? shoelaces ) \b )
    | (?P<able2> \b (?: run | ran | running | manage | managed | managing | organi[sz]e | organi[sz]ed | chair | chaired | led | lead
           | handle | handled | in \s+ charge \s+ of ) \s+ (?: anything | owt | something ) \s+ (?: bigger | more \s+ complicated | harder ) \s+ than \s+ (?: a | an | the ) \s+
      (?: bake \s+ sale | tombola | raffle | school \s+ fete | lemonade \s+ stand | whelk \s+ stall | tuck \s+ shop
        | kettle | toaster | village \s+ fete | cake \s+ stall ) \b )
    # worth and age
    | \b past \s+ (?: his | her | their | your | its ) \s+ sell-? \s* by \s+ date \b
    # (these need the person before them in the sentence: "the old depot is a relic", "that car park is a
    # waste of space" are about places)
    | (?P<near> \b (?: is | 's | are | 're | was | an? | old | total | absolute | utter | complete ) \s+
      (?: \w+ \s+ )? (?: dinosaur | fossil | relic | dead \s*-? \s* wood | dead \s+ weight | empty \s+ suit | ornament ) s? \b
      # "a dinosaur on policy", "a relic of the 1970s plan": views and things, not the person's worth
      (?! \s+ (?: trail | park | exhibit | exhibition | museum | bones? | footprints? | hunt | fair | costume | walk
                | on | about | when | of | to | in \s+ (?: his | her | their ) \s+ views ) )
    | \b (?: waste \s+ of \s+ (?: a \s+ )? (?: salary | space | a \s+ seat | seat | suit | a \s+ pension | pension
                                          | a \s+ lanyard | lanyard | a \s+ paycheque | paycheque ) ) \b
    # (review: "the old depot should be put out to pasture" is about a place too)
    | \b (?: put | be \s+ put | been \s+ put | putting ) \s+ out \s+ to \s+ pasture \b )
    | \b waste \s+ of \s+ (?: oxygen | skin | good \s+ air ) \b
    | \b (?: as \s+ useful \s+ as | about \s+ as \s+ much \s+ use \s+ as ) \s+ a \s+ chocolate \s+ (?: teapot | fireguard ) \b
    # a person called a fool in plain words: "a self-serving incompetent", "you sad old bat"
    | \b (?: an? | you | you're | youre | ur | is | 's ) \s+ (?: [\w-]+ \s+ ){0,2}?
      (?: incompetent | imbecile | nonentity | buffoon | nincompoop | clot | dolt | simpleton )
      (?= \s* (?: [,.;:!?)] | $ | who \b | and \b | that \b | with \b | like \b ) )
    | \b (?: you | you're | youre | ur | ya | is | 's ) \s+ (?: an? \s+ )? (?: (?: silly | stupid | lying | nosy | sad | miserable
           | daft | batty | bitter | dozy | senile | doddering | old | interfering | pathetic | little | corrupt | sneaky
           | slimy | greedy | snivelling | sniveling | jumped-up | smug | two-faced ) [\s,]+ ){1,3}
      (?: bat | witch | trout | hag | crone | codger | biddy | goat | cow | rat | weasel | toad | snake | worm ) \b
    | \b mentally \s+ (?: deficient | defective | subnormal | retarded ) \b
    | \b the \s+ reason \s+ (?: they | there \s+ are ) \s+ (?: put \s+ )? instructions \s+ on \b
    # hiring contempt: "a diversity hire", "hired on skin colour", "on merit, or because"; one person's
    # appointment ("another diversity appointment") is aimed at that person without naming them
    | (?P<one> \b (?: a | an | another | this | that | the | obvious | obviously \s+ a | just \s+ a ) \s+
      (?: diversity | token | tokenistic | box-? \s* ticking | quota ) \s+ (?: hire | appointment | appointee | pick | recruit ) \b
      (?! \s* -? \s* (?: process | processes | policy | policies | scheme | schemes | programme | programmes | panel | panels
                      | target | targets | data | figures | rules | law | laws | debate ) \b ) )
    | \b (?: diversity | token | tokenistic | box-? \s* ticking | quota ) \s+
      (?: hire | appointment | appointee | pick | candidate | recruit | ethnic | woman | female | black
        | muslim | asian ) s? \b
    | \b (?: hired | hiring | appointed | appointing | promoted | promoting | recruited | recruiting | picked | picking
           | selected | selecting | chosen | choosing ) \s+ (?: \w+ \s+ ){0,2}? (?: on | for | because \s+ of )
      \s+ (?: (?: his | her | their | the ) \s+ )? (?: skin \s+ colou?r | colou?r | race | looks | gender | sex | ethnicity | religion ) \b
      (?! \s+ (?: discrimination | equality | monitoring | pay \s+ gap | data ) )
    # (round seventeen: only with who they are after it; "on merit, or because they applied?" is a joke
    # about a short list)
    | \b on \s+ merit \s* ,? \s+ or \s+ (?: because | just | for ) \s+ (?: [\w']+ \s+ ){0,4}?
      (?: woman | female | girl | black | brown | asian | muslim | gay | disabled | colou?r | race | gender | sex | skin
        | ethnic\w* | diversity | quota | box | token | minority | complexion | religion | looks | pretty ) \b
    | \b another \s+ (?: ethnic | token | diversity ) \s+ face \b
    | \b (?: slept | sleeping | shagged | shagging ) \s+ (?: her | his | their | your ) \s+ way \s+ (?: to | into | up ) \b
    | \b (?: slept | sleeping ) \s+ with \s+ (?: the | her | his | a ) \s+ (?: boss | manager | director | leader | chief \s+ exec\w* ) \s+ to \s+ get \b
    # looks: "looks like he sleeps in a skip", "a face for radio", "lay off the pies"
    # (review: sleeping in a skip or a hedge counts only as a look, "looks like he slept in a skip"; a charity
    # sleep-out is literal)
    | (?P<sleep> \b (?: sleeps? | slept ) \s+ (?: in \s+ )? (?: a | the ) \s+ (?: skip | hedge | wheelie \s+ bin | gutter
      | sewer | bin ) \b )
    | \b (?: crawled \s+ out \s+ of | been \s+ dragged \s+ through | was \s+ dragged \s+ through
           | dragged \s+ through ) \s+ (?: in \s+ )? (?: a | the ) \s+ (?: skip | hedge \s+ backwards | hedge | wheelie \s+ bin | gutter | sewer | bin )
      \b
    | \b (?: like | as ) \s+ a \s+ (?: beached \s+ whale | melted \s+ (?: candle | waxwork ) | sack \s+ of \s+ potatoes | bulldog \s+ chewing \s+ a \s+ wasp ) \b
    | \b face \s+ (?: for | made \s+ for ) \s+ radio \b
    | \b (?: let | letting ) \s+ (?: yourself | herself | himself ) \s+ go \b
      (?! \s+ (?: on | at | in | wild | mad | crazy | for | with | to ) \b )  # "let herself go on the dance floor"
    | \b lay \s+ off \s+ the \s+ (?: pies | cakes | doughnuts | donuts | biscuits ) \b
    | (?P<waddle> \b waddl (?: e | es | ed | ing ) \b )
    # condescension: "bless her heart", "maybe get an adult to check", "are you twelve?"
    | \b bless \s+ (?: her | his | your | their ) \s+ (?: little \s+ )? (?: heart | cotton \s+ socks ) \b
    | \b (?: get | ask ) \s+ (?: an \s+ adult | a \s+ grown-? \s* up ) \s+ to \b
    | \b leave \s+ it \s+ to \s+ the \s+ (?: grown-? \s* ups | adults ) \b
    | (?P<banter> \b are \s+ (?: you | u ) \s+ twelve \s* \? )
    # superlatives of stupidity, aimed: "the stupidest person ever to work", "the dumbest thing I've read"
    | \b (?: the | a ) \s+ (?: stupidest | dumbest | thickest | most \s+ (?: stupid | incompetent | useless | clueless | brainless ) )
      \s+ (?: person | man | woman | individual | officer | councillor | human | creature | thing \s+ (?: i've | i\s+have | ive ) )
    # a woman's speech dismissed as noise
    # (review: not "so shrill she had to leave", "her shrill whistle")
    | \b (?: shrill | screeching | shrieking ) \s* ,? \s+ (?: hysterical | harridan | harpy | banshee | fishwife | nag
           | cow | witch | woman | women | female | voice | rant | ranting | outburst | tone | lecture | nonsense | at ) \b
    | \b (?: like | as ) \s+ an? \s+ (?: \w+ \s+ )? (?: fishwife | fishwives | banshee | harridan | harpy ) \b
      (?: \s+ (?: screeching | shrieking ) (?: \s+ at \b )? )?
    | \b (?: her | this \s+ woman's | that \s+ woman's | the \s+ woman's ) \s+ (?: shrill | hysterical | screechy | screeching ) \b
      (?! \s+ (?: whistles? | alarms? | sirens? | horns? | bells? | buzzers? | calls? | cry | cries | screams? | notes?
                | recorder | flute | pipe | birdsong ) \b )
    | \b hysterical \s+ (?: woman | women | cow | harpy | female | nonsense | shrieking ) \b
    # accents mocked
    | \b (?: ridiculous | stupid | comical | laughable | common | chavvy | council[- ]estate | council \s+ house | grating
           | pathetic | thick \s+ as ) \s+ accent \b
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Someone the appraisal is aimed at: a pronoun, a title and a name, an @-handle, a timestamp, a person
# noun ("the woman in the red jacket", "this officer", "that bloke").
_PERSON = re.compile(
    r"""
    \b (?: he | she | him | her | his | hers | himself | herself | you | your | yourself | ya | u | ur | youre | you're ) \b
    | @ \w{2,}
    | , \s* (?-i: [A-Z][a-z]+ ) (?= \s* (?: [.!?] | $ ) )  # a bare vocative name: "...a dead goldfish, Mark."
    # (round seventeen: the capitals are read as capitals; under IGNORECASE "thanks, everyone" was a greeting)
    | \b (?: cllr | councillor | mr | mrs | ms | miss | dr | sir | madam | dame | lord | lady ) \.? \s+ (?-i: [A-Z] )
    | \b \d{1,2} : \d{2} (?: : \d{2} )? \b
    # a post's author addressed: "Congratulations Priya", "Kudos on the scheme", "good effort, sweetie"
    | \b (?: congratulations | congrats | kudos | well \s+ done | sweetie | sweetheart | darling | hun | petal | poppet ) \b
    | \b (?: dear | thanks | thank \s+ you | hi | hello | morning ) \s* ,? \s+
      (?! (?: everyone | everybody | all | folks | team | both | guys ) \b ) (?-i: [A-Z][a-z]+ ) \b
    | \b (?: the | this | that | our | your | their | a | an | some ) \s+ (?: [\w-]+ \s+ ){0,2}?
      (?: man | woman | lady | guy | girl | bloke | chap | fella | fellow | lad | lass | officer | clerk | councillor
        | cllr | director | chair | chairman | chairwoman | chairperson | leader | mayor | ceo | chief\s+executive
        | manager | engineer | planner | warden | receptionist | person | individual | cleaner | head | deputy
        | appointee | hire | minister | mp | boss | creature | character | holder | inspector | official | employee
        | presenter | speaker | predecessor | successor | candidate | member | solicitor | lawyer | surveyor
        | secretary | treasurer | controller | executive | postholder | spokesperson | spokesman | spokeswoman ) s? \b
    """,
    re.IGNORECASE | re.VERBOSE,
)


# An institution or a crowd right before the appraisal ("You lot couldn't organise a raffle", "Cabinet
# couldn't run a bath"): a complaint about the council, not contempt for one person.
_COLLECTIVE = re.compile(
    r"""
    \b (?: you \s+ lot | you \s+ people | this \s+ lot | that \s+ lot | council | councils | cabinet | department
         | directorate | team | they | them | committee | administration | authority | government | services
         | service | executive | group | party | officers | councillors | staff | management | leadership
         # review: a machine ("the recycling app couldn't organise a raffle")
         | app | website | site | system | software | portal | computer | machine | chatbot )
      \s+ (?: \w+ \s+ ){0,1} $
    """,
    re.IGNORECASE | re.VERBOSE,
)


# Review: the clause the appraisal sits in. A speaker describing themselves ("I'm the stupidest person I
# know at recycling", "I was told I was 'a diversity hire'"); a plan or budget, not a person, as what
# lacks vision ("your budget has all the strategic vision of a dead goldfish"); as-if for sleeping rough.
_CLAUSE_BREAK = re.compile(r"[,;:\u2013\u2014]|\s-\s")
# (the speaker as the subject right before the appraisal: "I'm", "I was told I was", "called me")
_ABOUT_ME = re.compile(
    r"(?i)\b(?:i'm|i\u2019m|i\s+am|i\s+was|i've\s+been|i\u2019ve\s+been|i\s+have\s+been|i\s+feel\s+like"
    r"|i\s+felt\s+like|call(?:s|ed|ing)?\s+me)\s+(?:(?:such|just|really|probably|definitely|officially|still|the|a|an)\s+)*"
    r"[\s'\"\u2018\u201c]*\Z"
)
_THING_HAS = re.compile(
    r"(?i)\b(?:plans?|budgets?|strateg(?:y|ies)|reports?|schemes?|polic(?:y|ies)|proposals?|documents?|decisions?"
    r"|designs?|programmes?|consultations?|bids?|apps?|websites?|systems?|junctions?|layouts?|leaflets?|letters?"
    r"|repl(?:y|ies)|responses?|statements?|speech(?:es)?|motions?|reviews?|projects?|ideas?|approach|answers?"
    r"|manifesto|campaign|council|administration|department|committee|cabinet|board|service)"
    r"\s+(?:\w+\s+)?(?:has|had|have|shows?|showed|displays?|displayed|with)\s+\Z"
)
# Round seventeen: a gait word in a race or costume is the day's fun ("the mascot waddled across the finish
# line… well done!"); a jibe taken back at once is banter ("Are you twelve? Only kidding Dan").
_FUN_RUN = re.compile(
    r"(?i)\b(?:finish\s+line|race|marathon|fun\s+run|\d+\s*k\b|miles?|costume|suit|mascot|ducklings?"
    r"|geese|goose|toddlers?|baby|babies|tots?)\b"
)
_TAKEN_BACK = re.compile(r"(?i)\s*(?:only|just)\s+(?:kidding|joking)\b|\s*(?:jk|lol)\b|\s*\(?joking\)?")
_AS_IF = re.compile(r"(?i)\b(?:like|looks?|looked|looking|as\s+if|as\s+though)\b")


# Round eighteen: an organisation's decision, plan or handling said to be incompetent is not a person ("your
# planning department's decision on 26/00987/FUL is incompetent"); "the officer who made this decision is
# incompetent" still is.
_THING_IS = re.compile(r"(?i)(?:is|'s|\u2019s|are|was|were)\b")
_THING_NOUN = re.compile(
    r"(?i)\b(?:decisions?|plans?|budgets?|strateg(?:y|ies)|reports?|schemes?|polic(?:y|ies)|proposals?|handling|process"
    r"|processes|approach|response|responses|repl(?:y|ies)|system|systems|consultation|management|application|refusal"
    r"|ruling|assessment|investigation|review|contract|procurement|spending|administration|department|directorate"
    r"|council|committee|cabinet|authority|service|services|team)(?:'s|\u2019s)?\b"
)
_PERSON_AFTER = re.compile(r"(?i)\b(?:who|he|she|him|her|you|you're|ya|u|ur)\b")


def _thing_subject(text: str, clause: int, position: int) -> bool:
    """Whether the subject right before "is …" in this clause is a thing or an organisation, not a person."""
    things = list(_THING_NOUN.finditer(text, clause, position))
    if not things:
        return False
    last = things[-1]
    return (
        position - last.end() <= 40
        and _PERSON_AFTER.search(text, last.end(), position) is None
        and re.search(r"(?i)\bwho\b", text[clause:position]) is None
    )


def _clause_start(text: str, start: int, position: int) -> int:
    """Where the clause holding ``position`` begins (``start``: its sentence's start); a clause of one word
    ("Cllr Smith, frankly, is a dinosaur") reads the whole sentence."""
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, start, position)]
    if breaks and len(text[breaks[-1] : position].split()) >= 2:
        return breaks[-1]
    return start


def _about_oneself(text: str, clause: int, position: int) -> bool:
    """Whether the speaker is who the appraisal describes ("I'm the stupidest person I know at recycling")."""
    return _ABOUT_ME.search(text, clause, position) is not None


def contempt_hits(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of contemptuous appraisals of a person in ``text`` (``words``: its lower-case words,
    ``textutil.probe``)."""
    if _CUES.isdisjoint(words):
        return []
    hits: list[tuple[int, int]] = []
    for match in _APPRAISALS.finditer(text):
        start, end = sentence_bounds(text, match.start())
        clause = _clause_start(text, start, match.start())
        if _about_oneself(text, clause, match.start()):
            continue  # "I'm the stupidest person I know at recycling"
        if match.group("faculty") is not None and _THING_HAS.search(text, clause, match.start()):
            continue  # "your budget has all the strategic vision of a dead goldfish": the budget
        if _THING_IS.match(text, match.start()) and _thing_subject(text, clause, match.start()):
            continue  # round eighteen: "your planning department's decision on 26/00987/FUL is incompetent"
        if match.group("sleep") is not None and _AS_IF.search(text, clause, match.start()) is None:
            continue  # "slept in a hedge for the charity sleep-out"
        if match.group("waddle") is not None and _FUN_RUN.search(text, start, end) is not None:
            continue  # "the mascot waddled across the finish line, well done!"
        if match.group("banter") is not None and _TAKEN_BACK.match(text, match.end()) is not None:
            continue  # "Are you twelve? Only kidding Dan"
        # the sentence before or after may name the person ("Mark joined in May. He couldn't run a bath.",
        # "Another diversity appointment. She'll fit right in.")
        if start:
            start = sentence_bounds(text, start - 1)[0]
        if end < len(text):
            end = sentence_bounds(text, end)[1]
        if match.group("one") is not None:
            hits.append(match.span())
            continue
        if (match.group("able") or match.group("able2")) is not None and _COLLECTIVE.search(
            text, max(start, match.start() - 40), match.start()
        ) is not None:
            continue  # "the council couldn't run a bath": an institution, not a person
        if match.group("near") is not None:
            start, end = clause, match.start()
        if _PERSON.search(text, start, end) is not None or named_subject(text, start, end):
            hits.append(match.span())
    return hits
