"""Round eighteen (issue 12 item 1): sexual remarks made with emoji. A person pointed at (a pronoun, a title and
name, an @-handle, a video timestamp, "the girl in the hi-vis", "that councillor") with an emoji that in a
remark about a person reads sexually (🍆 💦 🍑 🥵 🤤 👅 🫦) is ``harassment``, whatever words are around it:
"🥵 that councillor", "the girl in the yellow hi vis 😍😍🍑" (a name written in lower case, "that shona blake tho 🥵",
is not yet read as a person).

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
        if _PERSON.search(text, start, end) is not None:
            hits.append(match.span())
    return hits
