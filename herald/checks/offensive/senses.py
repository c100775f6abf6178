"""Literal senses of loaded words, and people describing themselves.

A word on the swearing or slur lists can mean something harmless in a setting the text names: a
"bitch" at a dog show, a "retarded" flame in a boiler, "faggots" with gravy on a market stall. Each
such word has the words of its literal setting; where one stands in the same text and nothing aims the
word at a person just before it ("you stupid bitch"), the word is read in its literal sense.

Reclaimed words ("dyke", "queer") said by people of themselves ("proud dyke", "queer and disabled and
still here", "as a dyke I…") are not slurs: the writer describes themselves.
"""

from __future__ import annotations

import re
from itertools import compress, islice
from operator import methodcaller

from ..textutil import word_list

# A loaded word (lower case, as matched) -> the words of the setting where it has its literal sense.
_SETTINGS: dict[str, str] = {
    "dog": (
        "dog dogs puppy puppies pup pups litter litters whelp whelped whelping kennel kennels breed breeder breeders "
        "breeding crufts whippet whippets staffy staffie staffies labrador labradors lab labs spaniel spaniels "
        "terrier terriers greyhound greyhounds lurcher lurchers collie collies retriever retrievers poodle poodles "
        "dachshund dachshunds beagle beagles alsatian alsatians husky huskies sire dam stud spayed neutered vet vets "
        "walkies kc obedience agility gundog gundogs hound hounds pedigree rehome rehoming 🐶 🐕 🐾"
    ),
    "engine": (
        "flame flames ignition timing spark sparks valve valves engine engines boiler boilers combustion burner "
        "burners fuel piston pistons camshaft carburettor carburetor retardant retardants"
    ),
    "food": "gravy peas mash mashed onion onions butcher butchers pork recipe recipes dinner tea chips stall stalls",
    # round nineteen: a dyke is also a bank against water, "spastic" a medical word for a muscle or a colon
    "water": (
        "flood floods flooded flooding floodwater floodwaters water waters drain drains drainage ditch ditches embankment "
        "embankments marsh marshes fen fens sluice culvert culverts tide tides tidal river rivers breach breached breaches "
        "leak leaks leaking leaked seeping slumped erosion levee levees pumping reservoir"
    ),
    "medical": (
        "colon bowel bowels ibs gp doctor doctors consultant diagnosis diagnosed paraplegia diplegia quadriplegia "
        "hemiplegia palsy cerebral muscle muscles dysphonia constipation gastro condition symptoms"
    ),
}
_LOADED: dict[str, str] = {
    "bitch": "dog",
    "bitches": "dog",
    "retarded": "engine",
    "retard": "engine",
    "faggot": "food",
    "faggots": "food",
    "dyke": "water",
    "dykes": "water",
    "spastic": "medical",
}
_SETTING_WORDS = {name: frozenset(words.split()) for name, words in _SETTINGS.items()}
_WORD = re.compile(r"[\w']+|[\U0001F300-\U0001FAFF]")
# Just before the word: something that aims it at a person ("you stupid bitch", "that lying bitch").
_AIMED_BEFORE = re.compile(
    r"""(?ix)
    \b(?: you | u | ur | ya | yer | your | stupid | dumb | silly | fat | ugly | lying | evil | smug | rude | mad
        | crazy | psycho | nasty | miserable | jealous | bitter | thick | dozy | snotty | stuck-up | little | old
        | absolute | such | fucking | effing | total | right | proper | that | this | a\s+real ) \s+ $
    """
)

# Just before the word: a person said to be it ("the boiler engineer is a retard", "the woman next door is a
# bitch", "councillor Smith is retarded"): the setting's words elsewhere in the text do not make it literal.
_PERSON_IS = re.compile(
    r"""(?ix)
    \b(?: he | she | you | u | they | man | woman | men | women | bloke | lad | lads | guy | girl | boy | kid | engineer
        | fitter | mechanic | plumber | technician | councillor | cllr | mayor | officer | worker | staff | manager
        | neighbour | driver | boss | leader | mp | teacher | warden | inspector | contractor | landlord | tenant
        | wife | husband | mum | dad | mother | father | son | daughter | sister | brother | owner | breeder | chef
        | butcher | clerk | receptionist )\b
    (?: \s+ [\w'’-]+ ){0,3}?
    (?: \s+ (?: is | was | are | were | being ) \s+ (?: such \s+ | a \s+ real \s+ | an? \s+ )? | ['’]s \s+ (?: such \s+ )? an? \s+ )
    (?: [\w-]+ \s+ )? $
    """
)


def literal_sense(text: str, start: int, end: int) -> bool:
    """Whether the loaded word text[start:end] is meant in its literal sense: a word of its setting
    stands in the text and nothing just before the word aims it at a person."""
    setting = _LOADED.get(text[start:end].lower())
    if setting is None:
        return False
    if (
        _AIMED_BEFORE.search(text, max(0, start - 30), start) is not None
        or _PERSON_IS.search(text, max(0, start - 60), start) is not None
    ):
        return False
    words = _SETTING_WORDS[setting]
    return any(word.group().lower() in words for word in _WORD.finditer(text))


_RECLAIMED = frozenset({"dyke", "dykes", "queer", "queers"})
# The writer's own words about themselves around a reclaimed word: "proud dyke", "dyke and proud", "I'm a
# dyke", "as a queer woman", "queer and disabled and still here".
_SELF_BEFORE = re.compile(
    r"""(?ix)
    (?: \b(?: i'?m | i\s+am | im | we'?re | we\s+are ) \s+ (?: an? \s+ )? (?: [\w-]+ \s+ ){0,2}
      | (?: ^ | [.!?] \s+ ) as \s+ an? \s+ (?: [\w-]+ \s+ ){0,2}
      | \bproud \s+ (?: [\w-]+ \s+ )? (?: and \s+ )? ) $
    """
)
_SELF_AFTER = re.compile(r"(?i)^\s+and\s+(?:[\w-]+\s+(?:and\s+)?){0,2}(?:proud|still\s+here)\b|^\s*,?\s+proud\b")


# Just before a reclaimed word: the reader called it ("you're a proud dyke lol", "ur a dyke and proud of it"):
# someone else described, whatever "proud" stands around it.
_READER_CALLED = re.compile(
    r"(?i)\b(?:you'?re|you’re|youre|you\s+are|ur|u\s+r|u\s+are|ya|yer|your)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}$"
)


def said_of_oneself(text: str, start: int, end: int) -> bool:
    """Whether the reclaimed word text[start:end] is the writer describing themselves."""
    if text[start:end].lower() not in _RECLAIMED:
        return False
    if _READER_CALLED.search(text, max(0, start - 40), start) is not None:
        return False
    return (
        _SELF_BEFORE.search(text, max(0, start - 40), start) is not None
        or _SELF_AFTER.match(text[end : end + 40]) is not None
    )


# Words for who someone is: said by the writer of themselves ("as a gay man", "I'm disabled", "proud
# mixed-race woman", "queer and disabled and still here"), the profanity model and Herald's classifier
# read them as a sign of hate about a group; they are left out of what those models read.
_IDENTITY = (
    r"(?: gay | lesbian | bi | bisexual | trans | transgender | queer | dyke | non-binary | nonbinary | disabled | deaf"
    r" | blind | autistic | neurodivergent | black | brown | asian | mixed-race | mixed\s+race | muslim | jewish | sikh"
    r" | hindu | immigrant | refugee | traveller | gypsy | roma | polish | romanian | irish | african | caribbean"
    r" | pakistani | bangladeshi | indian | working-class | working\s+class | wheelchair\s+user | single | older"
    r" | young | old | elderly | fat | chubby | ginger | northern | scouse | brummie | geordie | welsh | scottish )"
)
_SELF_DESCRIBED = re.compile(
    r"""(?ix)
    (?: (?: ^ | [.!?,]\s+ | \b(?:and|but|so)\s+ ) as \s+ an? \s+
      | \b(?: i'?m | i\s+am | im | we'?re | we\s+are | i\s+was | being ) \s+ (?: an? \s+ )? (?: proud \s+ )?
      | (?: ^ | [.!?]\s+ ) (?: proud \s+ | (?= [\w-]+ (?: \s+ and \s+ [\w-]+ ){1,2} \s+ and \s+ (?: proud | still \s+ here ) ) ) )
    (?P<who> (?: """
    + _IDENTITY
    + r""" (?: \s* (?: , | and ) \s* | \s+ ) ){1,3} )
    """
)


# A pest word said of animals ("Gulls are absolute vermin round the harbour", "the pigeons here are a
# plague"): the classifier reads the word as abuse of people.
_ANIMALS = (
    "gulls seagulls pigeons rats mice foxes squirrels rabbits moles wasps hornets flies midges mosquitoes "
    "slugs snails magpies crows rooks geese badgers cockroaches ants bedbugs fleas ticks deer"
)
_PESTS_SAID = re.compile(
    r"(?i)(?:" + "|".join(_ANIMALS.split()) + r")(?:\s+[\w'’]+){0,3}?\s+(?:are|were|is)\s+(?:[\w'’]+\s+){0,2}?"
    r"(?P<pest>vermin|pests|parasites|a\s+plague|a\s+menace|a\s+nuisance|an\s+infestation)"
)


# The words one of which each pattern needs: most texts cost two set tests.
_IDENTITY_WORDS = frozenset(re.findall(r"[a-z]+", _IDENTITY)) - {"s"}
_SELF_WORDS = frozenset({"as", "i", "im", "we", "being", "proud", "still"})
_PEST_WORDS = frozenset({"vermin", "pests", "parasites", "plague", "menace", "nuisance", "infestation"})


# The characters beyond ASCII that a case-blind pattern reads as an ASCII letter ("ſ" as "s", the Kelvin
# sign as "k", "ı" and "İ" as "i"; "İ" is also the one character that lower-cases to two): in a text with
# none of them, what a case-blind pattern of ASCII letters and white space matches stands, lower-cased,
# at the same place in the lower-cased text (a test walks every character to confirm the list).
CASE_TWINS = ("\u0130", "\u0131", "\u017f", "\u212a")


def has_case_twins(text: str) -> bool:
    """Whether the text holds one of ``CASE_TWINS`` (then a literal test of the lower-cased text can miss
    what a case-blind pattern finds)."""
    return not text.isascii() and any(twin in text for twin in CASE_TWINS)


# What ``_SELF_DESCRIBED`` cannot match without (it tries three alternatives at every position: ~0.3 ms on
# a post of 2,000 characters, where common words such as "I", "as", "old" and "young" open the word test
# below). The first identity word of each match follows white space, and the word just before that
# space is one each self-description ends with ("as a(n)", "I'm", "I am", "we're", "we are", "I was",
# "being", "proud"); or it starts the text or a sentence in the form "queer and disabled and still here",
# which needs "and proud" or "and still here" after it. Read in the text's words in order (lower-cased
# runs of letters and digits: "I'm" is "i", "m"), the word before is one of ``_SELF_ENDS`` and the next
# starts with one of ``_IDENTITY_STARTS`` (the letters each identity starts with: "non" of "non-binary").
_SELF_ENDS = frozenset("a an m im am re were are was being proud".split())
_IDENTITY_STARTS = tuple(sorted({re.split(r"[^a-z]", alt.strip())[0] for alt in _IDENTITY.strip("(?: )").split("|")}))
_AND_PROUD = re.compile(r"and\s+(?:proud|still\s+here)")  # (in the lower-cased text)
_RUN = re.compile(r"[^\W_]+")  # (textutil's words, for text with word characters beyond ASCII)
_STARTS_IDENTITY = methodcaller("startswith", _IDENTITY_STARTS)


def may_describe_self(text: str) -> bool:
    """False only where ``_SELF_DESCRIBED`` finds nothing in the text: a few substring tests and a walk
    through its words (``textutil.word_list``, worked out once per text), where the pattern is a
    whole-text scan of three alternatives."""
    if has_case_twins(text):  # (then the lower-cased text need not hold what the case-blind pattern matches)
        return True
    lowered, words = word_list(text)
    if ("proud" in lowered or "still" in lowered) and _AND_PROUD.search(lowered) is not None:
        return True
    if words is None:
        words = _RUN.findall(lowered)
    # each word that follows one of _SELF_ENDS, asked whether it starts with an identity (C loops throughout)
    after_self_end = compress(islice(words, 1, None), map(_SELF_ENDS.__contains__, words))
    return any(map(_STARTS_IDENTITY, after_self_end))


def unread(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """The spans the profanity model and Herald's classifier are not to read: the words by which the
    writer describes who they are (see ``_SELF_DESCRIBED``) and pest words said of animals. ``words``:
    the text's lower-case words (``textutil.probe``)."""
    spans = []
    if not words.isdisjoint(_IDENTITY_WORDS) and not words.isdisjoint(_SELF_WORDS) and may_describe_self(text):
        spans += [match.span("who") for match in _SELF_DESCRIBED.finditer(text)]
    if not words.isdisjoint(_PEST_WORDS):
        spans += [match.span("pest") for match in _PESTS_SAID.finditer(text)]
    return spans


# Banter between friends: an insult said to the reader ("you absolute melt", "ur so stupid") in a text
# that shows fondness ("love you", "bestie", "happy birthday") or calls the reader a friend while laughing
# ("… mate 😂"). A fond word alone is enough for Herald's classifier to stay silent; the rules' insults
# need the reader addressed.
_FONDNESS = re.compile(
    r"(?i)\b(?:love|luv|lov)\s+(?:you|u|ya|yas|youse)\b(?!\s+to\b)|\bily\b|\bbestie\b|\bhappy\s+(?:birthday|bday)\b"
    r"|\b(?:i'?m|im)\s+(?:crying|weak|dead)\b|❤|🥰|💕|🫶"
)
_FRIEND = re.compile(r"(?i)\b(?:mate|pal|bro|bruv|bestie|babe|m8)\b")
_LAUGH = re.compile(r"(?i)😂|🤣|😆|😅|\blol\b|\blmf?ao+\b|\bhaha+\b|\bhehe+\b")
_TO_READER = re.compile(r"(?i)\b(?:you|u|ur|you'?re|you’re|youre|ya)\s+(?:[\w'-]+\s+){0,3}$")
_SAID_TO_READER = re.compile(r"(?i)^(?:you|u|ur|you'?re|you’re|youre|ya)\b")


_FOND_WORDS = frozenset("love luv lov ily bestie birthday bday crying weak dead".split())
_FOND_SIGNS = ("❤", "🥰", "💕", "🫶")


# Bullying dressed as banter: the reader told they are alone or unwanted ("everyone hates you", "no one likes
# you", "kill yourself"), or an insult about their looks or body ("you ugly cow", "you fat pig"). Fondness
# around it does not make it a joke between friends.
_SHUNNED = re.compile(
    r"(?i)\b(?:no\s*one|nobody|noone|everyone|everybody|every\s+one|all\s+of\s+us)\s+(?:[\w'’]+\s+){0,2}?"
    r"(?:likes?|loves?|hates?|wants?|cares?\s+about|laughs?\s+at)\s+(?:you|u|ya)\b"
    r"|\bkill\s+(?:yo)?urself\b|\bkys\b|\bgo\s+(?:and\s+)?die\b|\bdie\s+alone\b"
)
_LOOKS = re.compile(
    r"(?i)\b(?:ugly|fat|fatty|fatso|minger|munter|hideous|gross|pig|cow|whale|skank|slag|slut|spotty|greasy)\b"
)


def fond(text: str, words: frozenset[str]) -> bool:
    """Whether the text shows fondness for the one it speaks to (see ``_FONDNESS``) and shuns them
    nowhere (``_SHUNNED``); ``words``: its lower-case words (``textutil.probe``), so most texts cost one
    set test."""
    if words.isdisjoint(_FOND_WORDS) and not any(sign in text for sign in _FOND_SIGNS):
        return False
    return _FONDNESS.search(text) is not None and _SHUNNED.search(text) is None


def banter(text: str, start: int, end: int) -> bool:
    """Whether the insult text[start:end] is said to the reader in a friendly text (not one about their
    looks, nor in a text that shuns them: ``_LOOKS``, ``_SHUNNED``)."""
    if _LOOKS.search(text, start, end) is not None or _SHUNNED.search(text) is not None:
        return False
    if not (_FONDNESS.search(text) or (_FRIEND.search(text) is not None and _LAUGH.search(text) is not None)):
        return False
    return (
        _SAID_TO_READER.match(text[start:end]) is not None
        or _TO_READER.search(text, max(0, start - 40), start) is not None
    )


# A strong swear word that is only mild in what it says: a British idiom about a nuisance or the weather
# ("taking the piss", "a piss take", "couldn't organise a piss-up in a brewery", "pissing it down",
# "pissed off") or an intensifier of praise ("fucking brilliant news", "so fucking funny"). Reported as
# mild swearing (advice), not as profanity aimed at anyone.
_MILD_IDIOM = re.compile(
    r"""(?ix)
    \b(?: tak(?: e | es | ing ) \s+ the \s+ (?: absolute \s+ | actual \s+ | utter \s+ )? piss
        | piss [\s-]* (?: take | taking | up | ups )
        | pissing \s+ (?: it \s+ )? down
        | pissed \s+ off )\b
    """
)
_PRAISED = re.compile(
    r"""(?ix)
    \s+ (?: brilliant | beautiful | amazing | gorgeous | funny | hilarious | class | fantastic | great | lovely
          | incredible | awesome | stunning | excellent | superb | proud | delighted | buzzing | smashing | magic
          | unreal | mint | quality | good | well \s+ done | epic | perfect | cute | adorable | tasty | delicious )\b
    """
)
_PRAISE_INTENSIFIER = frozenset({"fucking", "fuckin", "effing", "effin", "fking", "fkin", "fkn"})


def mild_in_sense(text: str, start: int, end: int) -> bool:
    """Whether the strong swear word text[start:end] is mild in what it says (see ``_MILD_IDIOM``)."""
    if text[start:end].lower() in _PRAISE_INTENSIFIER and _PRAISED.match(text, end) is not None:
        return True
    if sworn_at_thing(text, start, end):
        return True
    for idiom in _MILD_IDIOM.finditer(text, max(0, start - 25), min(len(text), end + 20)):
        if idiom.start() <= start and end <= idiom.end():
            return True
    return False


# Swearing at a thing, not a person: a service, the weather, a road, a policy called "shit" or "a fucking
# joke" ("Shit weather, shit buses", "the wifi in the chamber is shit", "this policy is total bollocks",
# "the pothole on Millbrook Road is fucking ridiculous"). Reported as mild swearing: the council's page may
# still hide it, but no one is abused. Not the council or its people ("shit council run by shit people"),
# nor "this" or "it" (what they stand for is not known).
_THINGS = (
    r"weather|rain|snow|wind|flooding|floods?|wi-?fi|internet|stream|signal|service|services|parking|buses|bus|"
    r"trains?|traffic|roads?|roadworks|potholes?|pavements?|bins?|collections?|recycling|website|app|system|"
    r"policy|policies|plans?|scheme|schemes|decisions?|budget(?:\s+gap)?|consultation|process|rollout|permits?|"
    r"(?:tax\s+)?rise|prices|drainage|drains?|lights|streetlights|street\s+lights|place|situation|state\s+of\s+\w+|"
    r"queue|queues|delays?|cuts|closure|timetable|calendar|junction|lanes?|cycle\s+lanes?|bike\s+lanes?|toilets?|"
    r"phone\s+line|line|gritting|sewage|smell|noise|fireworks|lighting|car\s+parks?|lifts?|heating|paths?|footpaths?|"
    r"bridge|pool|gym|library|leisure\s+centre|tip|dump|parks?|playground|surface|tarmac|footbridge|underpass|pitch"
)
_SWEAR_ADJ = r"(?:shit|shite|shitty|sh[*!1]t|fucking|fuckin|effing|f\*+ing|f\*+king)"
_SWORN_AT_THING = re.compile(
    r"(?ix)"
    r"(?P<a>\b" + _SWEAR_ADJ + r")\s+(?:[a-z-]+\s+)?(?:" + _THINGS + r")\b"
    r"|\b(?:" + _THINGS + r")\b(?:\s+(?:on|in|at|of|round|around|near|from|for)\s+(?:[\w'’-]+\s+){1,3}?)?\s*"
    r"(?:is|are|was|were|'s|’s|has\s+been|have\s+been|looks?|feels?)\s+(?:(?:a|an|absolutely|total|utter|complete|"
    r"proper|so|just|literally|totally|still)\s+){0,3}(?P<b>" + _SWEAR_ADJ + r"|fucked|f\*+ed|bollocks|b\*+llocks)\b"
)


# Just after the swear word, in its sentence: the word turned on a person ("the bins are shit and so are
# you", "your parking is shit, just like you", "this place is shit because of people like you").
_TURNED_ON = re.compile(
    r"(?i)[^.!?\n]{0,40}?\b(?:(?:and\s+)?so\s+(?:are|is)\s+(?:you|u|ya|he|she|they|them|him|her|your|his|her|their)"
    r"|(?:just\s+|same\s+)?(?:like|as)\s+(?:you|u|ya|him|her|them|your)\b(?!\s+said\b)"
    r"|because\s+of\s+(?:you|u|ya|him|her|them|people\s+like|the\s+likes\s+of))\b"
)


def sworn_at_thing(text: str, start: int, end: int) -> bool:
    """Whether the swear word text[start:end] is said of a thing (see ``_SWORN_AT_THING``), and not
    turned on a person after it (``_TURNED_ON``)."""
    if _TURNED_ON.match(text, end) is not None:
        return False
    for match in _SWORN_AT_THING.finditer(text, max(0, start - 80), min(len(text), end + 40)):
        group = "a" if match.group("a") is not None else "b"
        if match.start(group) == start:
            return True
    return False


# Round nineteen: what the classifier misread on the development sets, excused by how the text is built.
# A warning about someone posing as council staff or running a scam: the "bloke at the door" is a conman
# described for neighbours, not a person abused (a warning about a group is left to the classifier).
_WARNING_WORDS = frozenset("warning beware psa careful alert aware".split())
_SCAM = re.compile(
    r"(?i)\b(?:posing|pretending|claiming|purporting)\s+(?:to\s+be\s+|as\s+)(?:an?\s+|from\s+)?(?:the\s+)?(?:council|gas|water|"
    r"electric\w*|police|bin|meter|charity|official|inspector|worker|workman|officer|from)"
    r"|\b(?:scam|scams|scammer|scammers|bogus|rogue\s+traders?|fraudsters?|doorstep\s+(?:crime|callers?|sellers?))\b"
)
_WARNING = re.compile(r"(?i)\A\W*(?:warning|beware|psa|heads\s+up|just\s+a\s+warning|be\s+careful|be\s+aware|alert)\b")


def scam_warning(text: str, words: frozenset[str]) -> bool:
    """Whether the text opens with a warning and is about a scam or someone posing as an official."""
    if _WARNING_WORDS.isdisjoint(words) and "heads" not in words:
        return False
    return _WARNING.search(text) is not None and _SCAM.search(text) is not None


# Praise in young people's slang, in a short comment that shuns no one: "this councillor ate with that speech
# 🔥", "the way the mayor dabbed 😭 iconic", "that's sick bro, where'd you get them", "gives me chills"
_SLANG_WORDS = frozenset("ate iconic slay slayed slays served goated chills sick killing".split())
_SLANG_PRAISE = re.compile(
    r"(?i)\b(?:ate\s+(?:with|that|it|and|today|tonight|ngl|fr|no\s+crumbs)|iconic|slay(?:ed|s|ing)?|served\s+(?:looks|face|it|that)"
    r"|goated|gives?\s+me\s+(?:the\s+)?chills|(?:that's|thats|this\s+is|looks?|so)\s+sick\s+(?:bro|mate|man|fam|tho|though|,)"
    r"|(?:this|that|it)\s+(?:is|was)\s+killing\s+me\s*(?:😂|🤣|😭|lol|lmao))"
)
_SLANG_SOUR = re.compile(
    r"(?i)\b(?:not|never|no|useless|disgrace\w*|worst|hate|shame\w*|incompetent|clowns?|joke|pathetic|embarrass\w*|vile|scum"
    r"|idiots?|stupid|ugly|fat|resign|sack\w*|rubbish|awful|terrible)\b|🤡|🤮|💩"
)


def praised_in_slang(text: str, words: frozenset[str]) -> bool:
    """Whether a short comment praises in slang and shuns no one."""
    if _SLANG_WORDS.isdisjoint(words) or len(text) > 160:
        return False
    return _SLANG_PRAISE.search(text) is not None and _SLANG_SOUR.search(text) is None
