"""Round ten (issue 12): menace by showing that someone is watched (where they live, work, train or
drink, with a sign-off that makes it a warning), blackmail about a person's family or employer, wishes
of harm aimed at someone described rather than named ("whoever designed this junction"), sexual remarks
in short-video slang, and ableist and body-shaming insults with no listed word. The classifiers learn
these slowly (no violent word, or slang they hardly saw), so the systematic shapes are rules, each a
``Shape`` behind its anchor and ``needs`` words, like ``calm.py``'s.
"""

from __future__ import annotations

import dataclasses

from .shapes import Shape, _shape
from .threats import DESERVED_FATES

# Someone addressed or spoken of, with a routine place: "where you live", "which gym u go to", "which
# leisure centre you work at", "where his kids go to school" (not "where you're coming from", "where you
# stand", "which bus you mean").
_WATCHED = (
    r"\b(?:i|we|they|the\s+lads|the\s+boys|people|everyone|we\s+all)\s+(?:all\s+)?(?:already\s+|now\s+)?know\s+"
    r"(?:exactly\s+)?(?:where|which\s+(?:[\w'’]+\s+){0,2}?)"
    r"(?:you|u|ya|he|she|they|your\s+(?:\w+\s+)?(?:kids|children|son|daughter|wife|husband|partner|family)|"
    r"ur\s+(?:\w+\s+)?(?:kids|children|son|daughter|wife|husband|partner|family))\s+"
    r"(?:usually\s+|normally\s+|always\s+)?"
    r"(?:live|lives|work|works|go|goes|drink|drinks|park|parks|train|trains|shop|shops|sleep|sleeps|walk|walks|"
    r"run|runs|jog|jogs|swim|swims|eat|eats|hang\s+out|hangs\s+out|stay|stays)\b"
    r"|\b(?:i|we)\s+(?:all\s+)?(?:already\s+|now\s+)?know\s+(?:that\s+)?(?:you|u|he|she)\s+"
    r"(?:live|lives)\s+(?:near|on|in|at|round|by|off)\b"
    r"|\b(?:i|we)\s+(?:all\s+)?(?:already\s+|now\s+)?know\s+(?:your|ur|his|her)\s+"
    r"(?:shift\s+(?:times|pattern)|shifts|routine|movements|home\s+address|address|reg|registration)\b"
)

# Any character of the sentence but where a denial starts: "hoping the cyclists who use this road don't
# get run over" is a worry, not a wish.
_UNDENIED = r"(?:(?!n['’]t\b|\bnot\b|\bnever\b)[^.!?\n])"

MENACE_SHAPES: tuple[Shape, ...] = (
    # "i know which gym u go to mate. see u tuesday", "I know where you live. Just saying." (the sign-off
    # anywhere in the text: a calm warning has no violent word)
    _shape(
        "threat",
        "know",
        "soon saying careful carefully reconsider wisely bear waiting else behave visit",
        _WATCHED,
    ),
    # "would be a shame if your husband found out", "a pity if his employer learnt about…"
    _shape(
        "threat",
        "shame pity awful terrible",
        "found finds learnt learned heard saw knew told",
        r"\b(?:shame|pity|awful|terrible)\s+if\s+(?:your|ur|his|her|their)\s+(?:\w+\s+)?"
        r"(?:husband|wife|partner|boyfriend|girlfriend|employer|boss|family|kids|children|mum|mother|dad|father|"
        r"neighbours|colleagues|church|congregation)\s+(?:ever\s+)?"
        r"(?:found\s+out|finds\s+out|learnt|learned|heard|saw|knew|got\s+to\s+know|were\s+told|was\s+told)\b",
    ),
    # "I will be letting everyone know what kind of man you really are", "…what kind of councillor you really
    # are" said to them (not "…what kind of councillor he really is at the election": telling voters about a
    # councillor is politics, not menace)
    _shape(
        "threat",
        "kind sort",
        "know knows",
        r"\b(?:i|we)(?:'ll|’ll|\s+will|\s+shall)\s+(?:be\s+)?(?:letting|let|telling|tell|make\s+sure|making\s+sure)\s+"
        r"(?:everyone|everybody|people|the\s+whole\s+\w+|the\s+(?:village|town|street|estate|school)|your\s+\w+)\s+"
        r"(?:in\s+(?:\w+\s+){1,2})?(?:\w+\s+)?knows?\s+what\s+(?:kind|sort)\s+of\s+"
        r"(?:(?:man|woman|person|father|mother|husband|wife)\s+(?:you|he|she)|(?:councillor|officer)\s+you)\s+"
        r"(?:really\s+)?(?:are|is)\b",
    ),
    # "I hope whoever ran the consultation gets cancer", "hope the bin men who skipped us get flattened
    # by their own lorry", "hope someone breaks both your hands" (the pronoun forms are in threats.py)
    _shape(
        "threat",
        "hope hoping praying",
        None,
        r"\b(?:hope|hoping|praying)\s+(?:that\s+)?"
        rf"(?:whoever\b{_UNDENIED}{{1,60}}?|(?:the|that|this|those|these)\s+(?:[\w'’-]+\s+){{1,6}}?(?:who|that)\b{_UNDENIED}{{1,60}}?|"
        r"(?:the|that|this|your|ur|his|her)\s+(?:[\w'’-]+\s+){0,3}?(?:councillor|cllr|officer|warden|leader|mayor|chair|"
        r"manager|inspector|planner|crew|bin\s+men|binmen|lady|bloke|lot|cabinet|council\s+lady|council\s+man))\s+"
        r"(?:all\s+)?(?:gets?|catch(?:es)?|develops?|dies?\s+of)\s+"
        r"(?:cancer|aids|ebola|the\s+plague|a\s+tumou?r|flattened|run\s+over|mown\s+down|knocked\s+down|crushed|"
        r"hit\s+by\s+(?:a|the|their|his|her|its)\s+(?:own\s+)?(?:bus|lorry|car|train|truck|van|bin\s+lorry)|"
        r"set\s+on\s+fire|burn(?:ed|t)\s+alive|stabbed|shot|beaten\s+up|kicked\s+in)\b"
        r"|\b(?:hope|hoping|praying)\s+(?:that\s+)?some(?:one|body)\s+(?:breaks|smashes|snaps|cracks)\s+"
        r"(?:both\s+)?(?:your|ur|his|her|their)\s+(?:hands|arms|legs|fingers|knees|neck|jaw|skull|face)\b",
    ),
    # "you all deserve to be set on fire", "deserves to be burnt alive", "deserved to be shot" (a harmful
    # fate after "deserve to be": threats.py's list, with the ones it leaves out for their everyday senses)
    _shape(
        "threat",
        "deserve deserves deserved",
        "fire alight alive burnt burned hanged shot stabbed lynched flogged killed raped executed murdered",
        r"\b(?:deserves?|deserved)\s+to\s+be\s+(?:"
        + "|".join(fate for fate, _ in DESERVED_FATES)
        + r")(?:\s+alive)?\b",
    ),
)

MENACE_SHAPES += (
    # "she can get it ngl", "he'd get it 🥵" (slang for wanting sex with someone, with a slang cue after it;
    # not "she can get it done by Friday", "you'll get it back", "he will get it though", "she'll get it, right?")
    _shape(
        "harassment",
        "get",
        "she he shes hes she'd he'd",
        r"\b(?:she|he)\s*(?:'d|’d|\s+would|\s+could|\s+can|\s+will|'ll)\s+(?:defo\s+|deffo\s+|definitely\s+|so\s+)?get\s+it\b"
        r"(?=\s*(?:[🥵😩😍🤤😏😮]|(?:ngl|tbh|fr|lol|lmao|no\s+lie|lads)\b))",
    ),
    # "would bend her over the bin lorry", "I'd ruin her"
    _shape(
        "harassment",
        "bend ruin smash",
        None,
        r"\b(?:i'?d|i’d|would|wud|i\s+would|id)\s+(?:absolutely\s+|defo\s+|deffo\s+|so\s+|proper\s+)?"
        r"(?:bend\s+(?:her|him|u|you)\s+over|ruin\s+(?:her|him)|smash\s+(?:her|him)(?!\s+(?:up|in|at)\b))\b",
    ),
    # "slide into my dms", "dm me hun", "inbox me sweetheart" said with a wink or a suggestive emoji
    _shape(
        "harassment",
        "dms dm inbox message",
        None,
        r"\b(?:slide|sliding|slid)\s+into\s+(?:my|ur|your|her|his)\s+dms?\b"
        r"|\b(?:dm|inbox|message|msg)\s+me\s+(?:hun|babe|sweetheart|sexy|gorgeous|darling|love|princess|beautiful)\b",
        wink=True,
    ),
    # "she's a 3 at best", "she's a 10 but she works for the council" (rating a woman's looks)
    _shape(
        "harassment",
        "best tops max but",
        "she she's shes",
        r"\b(?:she'?s|she’s|she\s+is|shes)\s+(?:a|an)\s+(?:[1-9]|10|one|two|three|four|five|six|seven|eight|nine|ten)"
        r"(?:\s*/\s*10|\s+out\s+of\s+10)?\s+(?:at\s+best|tops|max|but\s+she)\b",
    ),
    # "a face for radio", "a face only a mother could love"
    _shape(
        "harassment",
        "face",
        "radio mother",
        r"\b(?:got|has|have|'s|’s|with)\s+(?:a|the)\s+(?:perfect\s+)?face\s+(?:for\s+(?:the\s+)?radio|"
        r"only\s+(?:a|his|her)\s+mother\s+could\s+love)\b",
    ),
)

# Likening a disabled person to an animal or calling them "cripple" or "midget" is an insult in itself;
# "cripple" as a verb ("strikes that cripple the service", "this will cripple local businesses", "you
# cripple us with charges") and "midget gems" are not.
MENACE_SHAPES += (
    _shape(
        "harassment",
        "cripple cripples midget midgets",
        None,
        r"\b(?:little|the|that|this|a|you|ur|u|some|fat|old|stupid|bloody|useless|typical)\s+"
        r"(?:(?!(?:will|would|could|can|may|might|shall|should|must|to|did|does|do|could|really|just|also)\b)\w+\s+)?"
        r"(?:cripple|cripples|midget|midgets)\b(?!\s+(?:gems?|the|our|us|them|me|him|her|it|its|their|local|small|"
        r"services?|businesses|shops|traders|families|residents|people|funding|traffic|council)\b)"
        r"|\b(?:cripple|midget)\s+(?:shield|energy|card|parking|brigade|lot)\b",
    ),
)

# The council's own posts may speak of hope, deserving and knowing where people live as advice or
# news: the shapes are read in incoming comments only.
MENACE_SHAPES = tuple(dataclasses.replace(shape, comment_only=True) for shape in MENACE_SHAPES)
