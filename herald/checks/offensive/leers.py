"""Round eighteen (issue 12 item 1): sexual remarks made with emoji. A person pointed at (a pronoun, a title and
name, an @-handle, a video timestamp, "the girl in the hi-vis", "that councillor") with an emoji that in a
remark about a person reads sexually (🍆 💦 🍑 🥵 🤤 👅 🫦) is ``harassment``, whatever words are around it:
"🥵 that councillor", "the girl in the yellow hi vis 😍😍🍑" (round nineteen: a name written in lower case, "that shona blake tho 🥵", too).

The same emoji about food, heat, water or a garden stay clean ("roasting at the carnival today 🥵", "the
bakery's new doughnuts 🤤", "look at the size of the marrows at the allotment show 🍆🍆"), as does one with
nobody pointed at, and so do effort and work done ("did the 5k fun run with Cllr Hanley 🥵🥵 knackered", "the crew
who fixed the burst main 💦💦 heroes"). Incoming comments only (an official post is read by its approver, and
"Cllr Hanley 🥵 after the charity ride" there is praise). A cheap test first: most texts hold none of the emoji.
"""

from __future__ import annotations

import re

from ..textutil import sentence_bounds
from .contempt import _PERSON

_LEERS = ("🍆", "💦", "🍑", "🥵", "🤤", "👅", "🫦")
_LEER_RUN = re.compile(
    "(?:[🍆💦🍑🥵🤤👅🫦😍😘😏😉👀🔥]\ufe0f?\\s*)*[🍆💦🍑🥵🤤👅🫦](?:\ufe0f?\\s*[🍆💦🍑🥵🤤👅🫦😍😘😏😉👀🔥])*"
)
# what the emoji may be about instead of a person: food, heat, water, a garden
_NOT_A_BODY = re.compile(
    r"(?i)\b(?:heat\w*|hot|hotter|sun|sunny|sunshine|summer|weather|temperatures?|degrees|roasting|boiling|scorch\w*"
    r"|sweat\w*|humid|spicy|curry|curries|chilli|chillies|food|burgers?|pizzas?|cakes?|pies?|bakes?|bakery|baking|dinner"
    r"|lunch|breakfast|menu|brunch|chips|kebabs?|doughnuts?|donuts?|cookies?|chocolate|sauce|bbq|barbecue|roast|dessert"
    r"|allotments?|veg|vegetables?|aubergines?|peach(?:es)?|marrows?|harvest|grow\w*|gardens?|plants?|water\w*|rain\w*"
    r"|leak\w*|flood\w*|pipes?|splash\w*|pools?|swim\w*|paddling|fountains?|hose|sprinklers?|puddles?|drool\w*\s+over\s+the"
    r"|dog|dogs|puppy|puppies|baby|babies"
    # effort and work done: a hot face after a run, sweat drops for the crew who fixed a main (engine review)
    r"|knackered|exhausted|shattered|tired|run|ran|runs|running|race|marathon|[0-9]+k|cycl\w*|ride|rides|gym"
    r"|workout|training|fixed|fixing|repair\w*|crew|heroes|hero|smashing|wings|peppers?)\b"
)

# a remark on looks keeps a leer one whatever else the sentence is about ("Cllr Hanley in those shorts at the fun run 🥵")
_LOOKS = re.compile(
    r"(?i)\b(?:in\s+(?:those|that|them|her|his)\s+\w+|shorts|legs|body|bum|arse|ass|figure|outfit|skirt|dress"
    r"|lycra|leggings|tight\w*|curves?|boobs?|chest)\b"
)


# Round nineteen: a person named in lower case right before the emoji, as comments write names: "that shona blake
# tho 🥵", "omg jess from the planning team 🤤": a common first name (comments seldom capitalise it; a noun such
# as "sunset" or "sausage roll" is not one), an optional surname or "from the …", then "tho/though" or the emoji
_FIRST_NAMES = frozenset(
    "amy anna becky beth bex carly charlotte chloe claire danielle debbie donna ella ellie emily emma gemma georgia "
    "grace hannah hayley helen holly jade jane jen jenny jess jessica jo julie karen kate katie kayleigh kelly kerry "
    "kim kirsty laura lauren leanne lisa louise lucy maria megan mel michelle molly naomi natalie nicola nikki olivia "
    "paula rachel rebecca sam sarah shannon shona sophie stacey steph sue tash tina toni vicky zoe priya aisha fatima "
    "amir ben callum chris craig dan danny dave dean gary jack jake james jamie jason joe jon josh kev kevin lee liam "
    "luke marcus mark matt mike nathan nick paul pete ravi rob ryan scott sean simon steve tom tony wayne".split()
)
_LOWER_NAME = re.compile(
    r"(?:^|(?<=\s))(?:(?:that|this|omg|ngl|honestly|lowkey|wow)\s+|(?P<at>@))?(?P<first>[a-z]{2,12})(?:\s+(?P<surname>[a-z]{2,14}))?"
    r"(?:\s+(?P<where>from|on|in)\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)?\s*(?:tho|though|fr|ngl|omg|\.{2,})?\s*\Z"
)
# Names that are also everyday words ("that mark on the wall 🤤", "holly on the gate", "jade in the window"): one
# is a person only with an @, a surname or "from …" (where someone works), not with a place it is on or in
_WORD_NAMES = frozenset("mark matt jack rob sue nick grace holly jade dean lee tash mike kerry".split())
# what a surname is not: a word that goes on from a noun
_NOT_A_SURNAME = frozenset(
    "on in at of by to the a my your his her our their is was and with for tho though fr ngl omg".split()
)


def _lower_name(text: str, end: int) -> bool:
    match = _LOWER_NAME.search(text, max(0, end - 48), end)
    if match is None or match.group("first") not in _FIRST_NAMES:
        return False
    if match.group("first") not in _WORD_NAMES or match.group("at"):
        return True
    surname = match.group("surname")
    return (surname is not None and surname not in _NOT_A_SURNAME) or match.group("where") == "from"


def leer_hits(text: str) -> list[tuple[int, int]]:
    """Spans of sexual emoji aimed at a person in ``text`` (see the module's docstring)."""
    if not any(leer in text for leer in _LEERS):
        return []
    hits: list[tuple[int, int]] = []
    for match in _LEER_RUN.finditer(text):
        if len(text) <= 240:
            start, end = 0, len(text)
        else:
            start, end = sentence_bounds(text, match.start())
            if start:
                start = sentence_bounds(text, start - 1)[0]
        if _NOT_A_BODY.search(text, start, end) is not None and _LOOKS.search(text, start, end) is None:
            continue
        if _PERSON.search(text, start, end) is not None or _lower_name(text, match.start()):
            hits.append(match.span())
    return hits


# Round nineteen: other emoji aimed at a person. A rope (🪢) beside a person or a bridge is a call to hang them
# (``threat``); a run of pigs, rats, monkeys or snakes put where a person's description is ("our new head of
# housing 🐷🐷", "them lot 🐒🐒", "spam her with 🐍🐍") makes them the animal (``harassment``). A knot-tying
# class, a pig race at the show, rats by the bins stay clean.
_ROPE = "\U0001faa2"
_NOT_A_NOOSE = re.compile(
    r"(?i)\b(?:knots?|knitting|crochet|macram\w*|scouts?|sailing|climbing|craft\w*|workshop|yarn|boat)\b"
)
_ANIMALS = re.compile(
    "(?:[\U0001f437\U0001f43d\U0001f416\U0001f400\U0001f401\U0001f412\U0001f435\U0001f40d]\ufe0f?\\s*){2,}"
)
_NOT_A_PERSON = re.compile(
    r"(?i)\b(?:farm\w*|pigs?|piglets?|show|zoo|safari|pest\s+control|pests?|vermin|rats?|mice|mouse|rodents?|snakes?|monkeys?"
    r"|reptiles?|animals?|wildlife|sanctuary|petting|year\s+of\s+the|chinese\s+new\s+year|lunar)\b"
)
_AIMED_AT = re.compile(
    r"(?i)(?:@\w{2,}|\b(?:cllr|councillor|mayor|leader|boss|head\s+of\s+\w+|officer|manager|director|chief|warden|clerk|chair|lady|woman|man|bloke|him|her|he|she"
    r"|them\s+lot|that\s+lot|your\s+lot|them|you|u)\b)\W*\Z"
)


def rope_hits(text: str) -> list[tuple[int, int]]:
    """Spans of a rope emoji aimed at a person (see above)."""
    if _ROPE not in text or _NOT_A_NOOSE.search(text) is not None:
        return []
    if _PERSON.search(text) is None and re.search(r"(?i)\b(?:hang|bridge|rope|tree|them|him)\b", text) is None:
        return []
    return [(i, i + 1) for i, ch in enumerate(text) if ch == _ROPE][:1]


def animal_hits(text: str) -> list[tuple[int, int]]:
    """Spans of a run of animal emoji put for a person (see above)."""
    if not any(ch in text for ch in "\U0001f437\U0001f43d\U0001f416\U0001f400\U0001f401\U0001f412\U0001f435\U0001f40d"):
        return []
    if _NOT_A_PERSON.search(text) is not None:
        return []
    return [m.span() for m in _ANIMALS.finditer(text) if _AIMED_AT.search(text, max(0, m.start() - 40), m.start())]
