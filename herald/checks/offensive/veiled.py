"""Abuse with no violent or rude word in it (issue 12, round five): veiled threats ("someone should pay
him a visit", "sleep with one eye open"), wishes of harm ("hope your flight crashes"), figurative insults
("not got a brain cell between you", "spineless worm") and sexual harassment phrased politely ("what are
you wearing tonight, love"). Each is a ``Shape``: run only over the sentences holding one of its anchor
words, and only when the text holds one of its ``needs`` words, so a text without them pays two set
lookups per shape and nothing more.
"""

from __future__ import annotations

from .shapes import _shape

# A person the words are aimed at: a pronoun, or a person described ("that councillor").
_AIMED = (
    r"(?:him|her|them|you|u|'?em|(?:that|the|this)\s+(?:[\w-]+\s+){0,2}?(?:councillor|cllr|warden|officer|man|woman|bloke|"
    r"guy|lad|idiot|leader|mayor|mp|landlord|neighbour|driver|clerk|inspector|planner|receptionist|reporter|journalist))"
)
# Somebody to do it: "someone should", "somebody needs to", "we'll", "I'm going to".
_DOER = (
    r"(?:\b(?:some(?:one|body)|people|they)\s+(?:\w+\s+)?(?:should|needs?\s+to|ought\s+to|must|will|'ll|are\s+going\s+to|"
    r"'re\s+going\s+to|gonna|could)|\b(?:we|i)\s+(?:\w+\s+)?(?:should|need\s+to|ought\s+to|must|gonna))\s+"
)
# Scornful words said with an animal that stands for a person ("spineless worm", "slimy little toad").
_SCORN = (
    r"(?:spineless|gutless|slimy|snivell?ing|lying|two-faced|sneaky|slippery|cowardly|pathetic|vile|odious|grubby|"
    r"treacherous|worthless|useless|disgusting|horrible|miserable|weaselly)"
)
_CREATURE = (
    r"(?:worms?|toads?|slugs?|rats?|weasels?|snakes?|maggots?|leech(?:es)?|cockroach(?:es)?|reptiles?|slimeballs?)"
)
# What a person is said to be only as clever as ("the IQ of a houseplant").
_DIM_THING = (
    r"(?:house\s*plant|pot\s*plant|plant|lettuce|potato|cabbage|turnip|carrot|goldfish|gnat|rock|brick|doorknob|door\s*knob|"
    r"plank|sponge|amoeba|peanut|pebble|teaspoon|bag\s+of\s+\w+|box\s+of\s+\w+|\w+\s+sandwich|tree\s+stump|stump|jellyfish|"
    r"slug|fence\s*post|lamp\s*post|wet\s+\w+|dead\s+\w+)"
)

VEILED_SHAPES = (
    # "someone should pay him a visit", "somebody ought to give that warden a visit"
    _shape(
        "threat",
        "visit",
        "pay give",
        _DOER
        + r"(?:\w+\s+)?(?:pay|give)\s+"
        + _AIMED
        + r"\s+a\s+(?:little\s+|friendly\s+|quiet\s+|proper\s+|late-night\s+|"
        r"night-time\s+|personal\s+|surprise\s+)?visit\b(?!\s+(?:to|at|from|on|next|this|tomorrow|today|soon|when|after|before|in|with|for)\b)"
        r"(?![^.!?\n]{0,60}?\b(?:lonely|alone|on\s+(?:her|his|their)\s+own|check\s+on|birthday|poorly|ill|hospital|cheer|"
        r"company|cuppa|tea)\b)",
    ),
    # "we know where his kids go to school", "I know which house is yours"
    _shape(
        "threat",
        "where which",
        "know knows found",
        r"\b(?:i|we)\s+(?:\w+\s+)?(?:know|knows|found\s+out)\s+where\s+(?:his|her|their|your|ur)\s+(?:\w+\s+)?"
        r"(?:kids|children|family|wife|husband|mum|mom|mother|dad|partner|daughter|son|girlfriend|boyfriend)\s+"
        r"(?:live|lives|work|works|go\s+to\s+school|goes\s+to\s+school|sleep|sleeps|park|parks)\b"
        r"|\b(?:i|we)\s+(?:\w+\s+)?(?:know|knows|found\s+out)\s+which\s+(?:house|home|flat|door|car|school)\s+(?:is\s+)?"
        r"(?:yours|his|hers|theirs|your|his|their)\b",
    ),
    # "hope your flight crashes", "hope something terrible happens to you", "I wish you were dead"
    _shape(
        "threat",
        "hope hoping hopefully wish wishing",
        "crashes crash happens happen happened dead die dies burns burn torched explodes cancer gone rots hit would were goes",
        r"""
        \b(?: hop(?:e|ing|efully) | wish ) \s+ (?:that\s+)?
          (?: your | ur | his | her | their ) \s+ (?:\w+\s+)?
          (?: flight | plane | car | house | home | boat | train | bus | office | business )
          \s+ (?: crashes | crash | goes\s+down | burns\s+down | burns | gets\s+torched | explodes | blows\s+up | goes\s+up\s+in\s+flames
              | catches\s+fire | sinks )\b
        | \b(?: hop(?:e|ing|efully) | wish ) \s+ (?:that\s+)? (?: something | summat | sth )
          \s+ (?: really\s+ | very\s+ )? (?: bad | terrible | awful | horrible | nasty | horrific | tragic | painful )
          \s+ happens \s+ to \s+ (?: you | u | him | her | them | your | ur | his | their )\b
        | \bwish \s+ (?:that\s+)? (?: you | u | he | she | they ) \s+ (?: were | was | would | 'd | could )
          \s+ (?:just\s+)? (?: dead | die | drop\s+dead | get\s+cancer | get\s+hit | disappear\s+for\s+good | rot
                            | never\s+been\s+born | be\s+gone\s+for\s+good )\b
        | \bwish \s+ (?:that\s+)? some(?:one|body) \s+ (?: would | 'd | could ) \s+
          (?: kill | shoot | stab | hit | run\s+over | shut\s+ \S+ \s+up\s+for\s+good | get\s+rid\s+of | take\s+out
            | put\s+ \S+ \s+ out\s+of\s+ \S+ \s+misery ) \s* (?: you | u | him | her | them | that | the )?
        """,
    ),
    # "wouldn't it be a shame if something happened to your car", "be a shame if your windows got put in"
    _shape(
        "threat",
        "shame pity",
        "happened happen happens got get were was",
        r"\b(?:shame|pity)\s+if\s+(?:something|anything)\s+(?:bad\s+|nasty\s+)?(?:was\s+to\s+|were\s+to\s+)?"
        r"(?:happened|happens|happen)\s+to\s+(?:you|u|him|her|them|your|ur|his|their)\b"
        r"|\b(?:shame|pity)\s+if\s+(?:your|ur|his|her|their)\s+(?:\w+\s+)?(?:windows?|car|house|home|tyres|tires|kids|"
        r"family|door|van|shop)\s+(?:got|get|were|was|accidentally\s+got)\s+(?:put\s+in|smashed|slashed|torched|"
        r"burn(?:ed|t)(?:\s+down)?|keyed|damaged|hurt|bricked)\b",
    ),
    # "sleep with one eye open", "you won't be smiling when we turn up", "keep talking and see what happens",
    # "your card is marked", "meet you in a dark alley", "teach him a lesson he won't forget"
    _shape(
        "threat",
        "smiling laughing happens marked alley lesson",
        "when see card dark teach",
        r"""
        \b(?: you | u | he | she | they ) \s+ (?: won'?t | will\s+not | wont ) \s+ be \s+ (?: smiling | laughing | so\s+\w+ )
          \s+ when \s+ (?: we | i | they | some(?:one|body) | the\s+lads )\b
        | \b(?: keep | carry\s+on ) \s+ (?: talking | it\s+up | mouthing\s+off | running\s+your\s+mouth | posting | pushing
                                        | poking ) \s+ (?: mate\s+ | pal\s+ )? (?:,\s*)? (?: and | &) \s+ (?: see | watch )
          \s+ what \s+ happens\b (?= \s* (?: $ | [.!?,;] | to\s+ (?: you | u | him | her ) ) )
        | \b(?: your | ur | his | her ) \s+ card (?: 's | \s+is | \s+has\s+been )? \s+ marked\b
          (?! \s+ (?: with | as | by | on | in | for | to | at | and | so | when | if | up | down | off | out )\b )
        | \bmeet \s+ (?: you | u | him | her | them ) \s+ (?:\w+\s+)? (?: in | down ) \s+ a \s+ dark \s+ (?: alley | lane | street )\b
        | \bteach \s+ """
        + _AIMED
        + r"""
          \s+ a \s+ (?: \w+ \s+ )? lesson \s+ (?: he | she | they | you | u ) \s* (?: won'?t | will\s+never | wont | 'll\s+never
                                                                               | never ) \s+ forget\b
        """,
    ),
    # "the world would be better off without you", "nobody would miss you if you disappeared"
    _shape(
        "threat",
        "without miss",
        "better off would",
        r"\b(?:the\s+world|the\s+planet|the\s+earth|everyone|everybody|the\s+gene\s+pool|the\s+human\s+race|society)\s+"
        r"(?:would\s+be|'d\s+be|will\s+be|is)\s+(?:so\s+much\s+|much\s+|a\s+lot\s+|far\s+)?(?:better\s+off|a\s+better\s+place)\s+"
        r"without\s+"
        r"(?:you|u|him|her|them|people\s+like\s+(?:you|u|him|her|them))\b"
        r"|\b(?:nobody|no\s*one|no-one)\s+(?:would|will|'d)\s+miss\s+(?:you|u|him|her|them)\s+if\s+(?:you|u|he|she|they)\s+"
        r"(?:disappeared|died|dropped\s+dead|were\s+gone|was\s+gone|vanished|got\s+hit|killed)\b",
    ),
    # "you haven't got a brain cell between you", "has he even got one brain cell?", "you lot share one brain cell"
    _shape(
        "harassment",
        "cell cells",
        "brain",
        r"\b(?:one|a\s+single|a|two|only\s+one|a\s+couple\s+of|three)\s+brain\s*cells?\s+between\s+"
        r"(?:you|u|them|the\s+(?:\w+\s+)?\w+|the\s+lot\s+of\s+(?:you|them)|(?:you|them)\s+all)\b"
        r"|\b(?:you|u|he|she|they|you\s+lot|you\s+two|who(?:ever)?)\s+(?:'ve|'s|have|has|had)?\s*(?:n't|not|never)?\s*"
        r"(?:even\s+)?(?:got\s+)?(?:share|shares|sharing|got|have|has|with)?\s*(?:even\s+)?(?:only\s+|just\s+)?"
        r"(?:one|a\s+single|two)\s+brain\s*cells?\b"
        r"|\b(?:has|have|did)\s+(?:he|she|they|you|u)\s+(?:even\s+)?(?:got|have|get)\s+(?:even\s+)?(?:one|a\s+single|a)\s+"
        r"brain\s*cell\b",
    ),
    # "the IQ of a houseplant", "the brains of a goldfish" (not "I've got the memory of a goldfish")
    _shape(
        "harassment",
        "iq intelligence brains brain brainpower sense",
        "of",
        r"\b(?!(?:i|we|i'?ve|we'?ve|ive|me|my|our|i’ve)\b)[\w'’]+\s+(?:(?:has|have|'s|'ve|’s|’ve)\s+got|has|have|got|with)\s+"
        r"the\s+(?:iq|intelligence|brains?|brainpower|brain\s+power|common\s+sense)\s+of\s+an?\s+(?:\w+\s+)?"
        + _DIM_THING
        + r"\b",
    ),
    # "you're not the sharpest tool in the box" (not "I'm not the sharpest…")
    _shape(
        "harassment",
        "sharpest brightest",
        "not",
        r"(?<!\bi'm\s)(?<!\bi’m\s)(?<!\bim\s)(?<!\bam\s)(?<!\bwe're\s)(?<!\bwe’re\s)(?<!\bare\s)(?<!\bwere\s)"
        r"\bnot\s+(?:exactly\s+|really\s+)?the\s+(?:sharpest|brightest)\s+(?:tool|knife|pencil|crayon|bulb|spark|"
        r"button|light|star)\s+in\s+the\s+(?:box|shed|drawer|pack|kit|tin|toolbox|chandelier|sky)\b",
    ),
    # "a sorry excuse for a councillor"
    _shape(
        "harassment",
        "excuse",
        "sorry pathetic poor miserable useless feeble lame",
        r"\b(?:sorry|pathetic|poor|miserable|useless|feeble|lame)\s+excuse\s+for\s+an?\s+(?:\w+\s+)?(?:human(?:\s+being)?|"
        r"man|woman|person|councillor|leader|mp|officer|mayor|adult|parent|bloke|journalist|reporter|representative|"
        r"father|mother|dad|mum|husband|wife|manager|boss|chairman|chair|politician|warden)\b",
    ),
    # "you're a joke" (not "your planning department is a joke": a complaint about a service)
    _shape(
        "harassment",
        "joke",
        "you re are u he s she",
        r"\b(?:you'?re|you’re|you\s+are|ur|u\s+r|youre)\s+(?:an?\s+)?(?:absolute\s+|complete\s+|total\s+|utter\s+|fucking\s+|"
        r"bloody\s+|such\s+a\s+|a\s+)?joke\b(?!\s+(?:about|teller|to\s+\w+|aren'?t)|\s*\?|"
        # banter between friends: "you're a joke mate 😂", "ur a joke pal lol"
        r"\s*,?\s*(?:mate|pal|lad|m8|bro|bruv)\b\s*[,.!]*\s*(?:😂|🤣|😆|😅|😄|😁|lol\b|lmao\b|haha|hehe))",
    ),
    # "crawl back under your rock"
    _shape(
        "harassment",
        "crawl",
        "back",
        r"\bcrawl\s+back\s+(?:under|into|in\s+to|to|down)\s+(?:your|ur|the|whatever|yer)\s+(?:\w+\s+)?(?:rock|hole|sewer|stone|"
        r"gutter|cave|swamp|pit)\b",
    ),
    # "spineless worm", "he's a slimy little toad", "that officer is a gutless rat"
    _shape(
        "harassment",
        "worm worms toad toads slug slugs rat rats weasel weasels snake snakes maggot maggots leech leeches cockroach "
        "cockroaches reptile reptiles slimeball slimeballs",
        "spineless gutless slimy sniveling snivelling lying two faced sneaky slippery cowardly pathetic vile odious "
        "grubby treacherous worthless useless disgusting horrible miserable weaselly",
        r"\b(?:you|u|ya|yer)\s+(?:\w+\s+)?"
        + _SCORN
        + r"\s+(?:little\s+|old\s+|excuse\s+for\s+a\s+)?"
        + _CREATURE
        + r"\b"
        r"|(?<!\bthere)(?<!\bit)(?<!\bthis)(?<!\bhere)(?<!\bthat)(?:\s+(?:is|was)|'s|’s|\s+are|'re|’re)\s+"
        r"(?:such\s+|just\s+|nothing\s+but\s+|a\s+bunch\s+of\s+)?(?:an?\s+)?(?:\w+\s+)?"
        + _SCORN
        + r"\s+(?:little\s+|old\s+)?"
        + _CREATURE
        + r"\b"
        r"|\b"
        + _SCORN
        + r"\s+(?:little\s+|old\s+)?"
        + _CREATURE
        + r"\s+of\s+an?\s+(?:man|woman|person|human(?:\s+being)?|"
        r"councillor|leader|mayor|officer|mp|bloke)\b"
        r"|(?<![\w'’,]\s)(?<![\w'’])" + _SCORN + r"\s+(?:little\s+|old\s+)?" + _CREATURE + r"\b(?=\s*(?:[,.!?]|$))",
    ),
    # sexual harassment said politely: "nice legs, wanna come back to mine?", "what are you wearing tonight, love"
    _shape(
        "harassment",
        "legs arse ass bum rack boobs bust thighs wearing under pic pics photo photos picture selfie",
        "nice what show send",
        r"""
        \bnice \s+ (?: legs | arse | ass | bum | rack | boobs | bust | thighs | pins ) \b
          (?! \s+ (?: on | of | for | in ) \s+ (?: that | the | this | those | these | our | your | a )\b ) [^.!?\n]{0,40}?
          \b(?: wanna | want\s+to | fancy | come\s+(?:back|round|over) | love | darling | babe | sweetheart | sexy
             | bed | date | gorgeous | hun )\b
        | \bwhat \s+ (?: are | r ) \s+ (?: you | u ) \s+ wearing \b [^.!?\n]{0,30}?
          (?: \b(?: love | darling | babe | sweetheart | gorgeous | sexy | hun | hon | send | pic | photo | bed )\b
            | ;-?\) | \U0001F609 | \U0001F60F )
        | \bshow \s+ (?: us | me ) \s+ what (?: 's | ’s | \s+is | s ) \s+ under \s+ (?: that | your | ur | the | her | those | yer )
          \s+ (?:\w+\s+)? (?: uniform | dress | skirt | top | shirt | clothes | jumper | blouse | hi-?vis | jacket | coat )\b
        | \b(?: send | dm | message ) \s+ (?: me | us ) \s+ (?: a\s+ | some\s+ )? (?: pic | photo | picture | selfie | snap ) s?
          \s+ of \s+ (?: you | u | yourself ) \s+ in \s+ (?: that | your | ur | those | the | a | yer ) \s+ (?:\w+\s+)?
          (?: dress | bikini | uniform | underwear | lingerie | shorts | skirt | bed | shower | swimsuit | leggings | stockings
            | heels | bath | nightie | pyjamas | undies | knickers )\b
        """,
    ),
    _shape(
        "harassment",
        "one",
        "give",
        r"\b(?:i'?d|id|i’d|i\s+would|i\s+wouldn'?t\s+mind|i'?d\s+definitely|i\s+would\s+definitely)\s+(?:definitely\s+|totally\s+|"
        r"so\s+|happily\s+)?giv(?:e|ing)\s+(?:her|him|the\s+(?:\w+\s+)?(?:girl|lass|woman|lady|bird|receptionist|blonde|"
        r"brunette|councillor|officer|presenter|mayor|nurse|teacher|barmaid))\s+one\b"
        r"(?=\s*(?:$|[.!?,;]|(?:any\s*time|tbh|lol|mate|in\s+a\s+heartbeat|no\s+problem|easily)\b))",
    ),
)

# "those people breed like rats", "they multiply like cockroaches": people likened to pests with no group
# named (the group shapes need one); not of animals ("these rabbits breed like mad").
_PESTS = r"(?:rats|cockroaches|roaches|vermin|locusts|lice|maggots|insects|flies|bacteria|a\s+virus|a\s+plague)"
VEILED_SHAPES += (
    _shape(
        "hate",
        "breed breeding multiply multiplying swarm swarming",
        "like",
        r"\b(?:they|they're|theyre|them|those\s+people|these\s+people|that\s+lot|their\s+lot|their\s+kind|your\s+kind|"
        r"(?:these|those)\s+(?!(?:rabbits|rats|mice|pigeons|foxes|gulls|seagulls|squirrels|slugs|snails|flies|wasps|cats|"
        r"dogs|deer|badgers|insects|weeds|plants|bugs|moths|midges|ants|cockroaches|fleas|mosquitoes|hamsters|guinea|"
        r"geese|ducks|animals|creatures|things|cells|bacteria|germs|viruses|fish|birds)\b)[a-z]+)\s+(?:\w+\s+){0,2}?"
        r"(?:breed|breeding|multiply|multiplying|swarm|swarming|spread|spreading|reproduce|reproducing)\s+(?:\w+\s+)?"
        r"like\s+" + _PESTS + r"\b",
    ),
)

VEILED_SHAPES += (
    # "you'll regret crossing me", "accidents happen to people like you"
    _shape(
        "threat",
        "regret accidents",
        "crossing messing threatening reporting day ever happen",
        r"\b(?:you|u|he|she|they)(?:'ll|’ll|\s+will|'re\s+going\s+to|\s+are\s+going\s+to|\s+gonna)\s+regret\s+"
        r"(?:crossing|messing\s+with|threatening|reporting|grassing\s+on|ever\s+\w+ing|the\s+day\s+(?:you|he|she|they))\b"
        r"|\baccidents\s+(?:can\s+|do\s+|tend\s+to\s+)?happen\s+to\s+(?:people\s+like\s+)?(?:you|u|him|her|them|"
        r"(?:nosy|mouthy|gobby)\s+\w+)\b",
    ),
    # "a few sandwiches short of a picnic", "not got two brain cells to rub together"
    _shape(
        "harassment",
        "short rub",
        "of together",
        r"\b(?:a\s+few|one|two|several|a\s+couple\s+of)\s+(?:sandwiches|sandwich|bricks|cards|sheep|slates|fries|screws|"
        r"biscuits|chips|sausages|coconuts|marbles|tinnies|cans|pints|crayons|buttons)\s+short\s+of\s+an?\s+(?:full\s+)?"
        r"(?:picnic|load|deck|barrel|six-?pack|packet|tea\s*set|toolbox|happy\s+meal|box)\b"
        r"|\b(?:two|2)\s+brain\s*cells\s+to\s+rub\s+together\b",
    ),
)

VEILED_SHAPES += (
    # "sleep with one eye open" (not of the foxes at the bins: no animal in the sentence)
    _shape(
        "threat",
        "eye",
        "sleep",
        r"(?<![\w'’]\s)(?<![\w'’])(?:(?:you|u)(?:'d|\s+had|\s+should|\s+better|\s+want\s+to|\s+need\s+to)(?:\s+better)?\s+"
        r"|better\s+)?sleep\s+with\s+(?:one|an)\s+eye\s+open\b",
        animal=True,
    ),
)
